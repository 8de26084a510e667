/**
 * Warraq's own source folder (src/), wherever the code that asks runs from: src/ itself under the
 * TypeScript loader (tests, scripts), or the bundle of it that bin/warraq.js runs, which lives in
 * node_modules/.cache/ of the same checkout. The prepared-article cache and the search indexes are
 * keyed by the files here (store/code-version.ts, site/search.ts), and worker threads load
 * their TypeScript from here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from './source-digest.js';

function findSourceRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'cli', 'main.ts'))) return path.join(dir, 'src');
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Warraq's src/ folder not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/**
 * bin/warraq.js names it, and its digest, before it loads the bundle: the bundle may be reached
 * through a link to another checkout's node_modules (the benchmark runs a snapshot of the code that
 * way), and its own place would then lead to that checkout's src/. The digest it made the bundle by
 * is then not computed a second time.
 */
const given = (globalThis as Record<symbol, { root: string; digest: string } | undefined>)[Symbol.for('warraq.source')];

export const SOURCE_ROOT = given?.root ?? findSourceRoot();

let digest = given?.digest;

/** Digest of every file under SOURCE_ROOT (source-digest.js), read once per process. */
export function sourceDigestOfRoot(): string {
  return (digest ??= sourceDigest(SOURCE_ROOT));
}
