/**
 * Paths that come from untrusted content (image sources) must stay inside content/: safeContentPath rejects them lexically, and
 * contentFileInside also resolves symbolic links on disk and returns the file only when it really lies inside.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

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

/**
 * The file a safe content path names, when it exists and really lies inside the content folder:
 * a symbolic link in content/ pointing at /etc/passwd or ~/.ssh passes the lexical check above
 * but not this one.
 */
export function contentFileInside(contentDir: string, relative: string): string | undefined {
  const safe = safeContentPath(relative);
  if (!safe) return undefined;
  try {
    const base = realpathSync(contentDir);
    const real = realpathSync(path.join(base, safe));
    const rel = path.relative(base, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}
