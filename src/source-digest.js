// Digest of every file under a source folder (relative names and bytes, in name order). Plain JavaScript so bin/warraq.js and
// bin/compile.js can use it before TypeScript loads; prepared-article and search-index cache keys use the same value (source-root.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @param {string} src @returns {string} */
export function sourceDigest(src) {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(src);
  files.sort();
  const h = createHash('sha256');
  for (const f of files)
    h.update(`${path.relative(src, f)}\0`)
      .update(readFileSync(f))
      .update('\0');
  return h.digest('hex');
}
