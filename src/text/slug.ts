/**
 * URL slugs in the article's own script: Arabic stays Arabic (never transliterated). Harakat and
 * tatweel are stripped, punctuation dropped, spaces become hyphens. The result only ever holds
 * letters, digits and single hyphens, so no slug can carry a path separator or a dot segment.
 */
const STRIP = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function slugify(input: string, maxLength = 80): string {
  const words = input
    .normalize('NFKC')
    .replace(STRIP, '')
    .toLowerCase()
    // everything that is not a letter, a combining mark of a non-Arabic script, or a digit separates words
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if ([...next].length > maxLength) break;
    slug = next;
  }
  if (!slug && words[0]) slug = [...words[0]].slice(0, maxLength).join('');
  return slug;
}

/** True for a string slugify would leave as it is: safe as one path segment. */
export function isSafeSlug(s: string): boolean {
  return /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(s);
}
