/**
 * Paths that come from content (image sources) are untrusted: they must stay inside content/.
 * Rejected: absolute paths, drive letters, backslashes, .. segments (also percent-encoded or as
 * Unicode look-alikes such as ․ U+2024 or ／ U+FF0F), NUL and other control characters.
 */
export function safeContentPath(input: string): string | undefined {
  let p = input.trim();
  if (/[\u0000-\u001F\u007F]/.test(p)) return undefined;
  try {
    p = decodeURIComponent(p);
  } catch {
    return undefined;
  }
  // Look-alikes of . and / fold to ASCII before the checks, so they cannot sneak a segment past.
  const folded = p.normalize('NFKC').replace(/[\u2024\u2025\u2026\uFE52\uFF0E]/g, '.').replace(/[\u2215\u2044\uFF0F\u29F8\\]/g, '/');
  if (folded !== p && /[./]/.test(folded.replace(/[^./]/g, '')) && folded.replace(/[^./]/g, '') !== p.replace(/[^./]/g, '')) return undefined;
  if (folded.startsWith('/') || /^[A-Za-z]:/.test(folded) || folded.includes('\\')) return undefined;
  const segments = folded.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return undefined;
  if (!/^[\p{L}\p{N}._-]+(?:\/[\p{L}\p{N}._-]+)*$/u.test(folded)) return undefined;
  return folded;
}
