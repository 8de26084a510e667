/**
 * URL slugs in the article's own script (Arabic never transliterated): harakat and tatweel stripped, punctuation dropped, spaces to
 * hyphens. The result holds only letters, digits and single hyphens, so no slug can carry a path separator or a dot segment.
 */
import { WORD_MARKS } from './arabic.ts';

const STRIP = new RegExp(`[${WORD_MARKS}\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]`, 'g');

/** UTF-8 bytes a slug may take: a file name is at most 255 bytes, and 80 letters of some scripts take 4 each. */
export const MAX_SLUG_BYTES = 200;
const utf8 = new TextEncoder();
const fits = (s: string, maxLength: number) => [...s].length <= maxLength && utf8.encode(s).length <= MAX_SLUG_BYTES;

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
    if (!fits(next, maxLength)) break;
    slug = next;
  }
  if (!slug && words[0]) {
    for (const c of words[0]) {
      if (!fits(slug + c, maxLength)) break;
      slug += c;
    }
  }
  // Names Windows reserves for devices cannot be folders there: keep the site copyable anywhere.
  if (/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(slug)) slug = `${slug}-1`;
  return slug;
}

/** True for a string slugify would leave as it is: safe as one path segment. */
export function isSafeSlug(s: string): boolean {
  return /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u.test(s);
}

/**
 * The key under which two URLs are the same page: on a case-insensitive or normalization-
 * insensitive file system (macOS, Windows) or a host that folds case, /Ab/ and /ab/, ς and σ,
 * é and é are one file, so a duplicate-URL check must compare these keys, not the strings.
 */
export function urlKey(url: string): string {
  return url.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}
