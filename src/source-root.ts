/**
 * Warraq's own source folder wherever the asking code runs: src/ under the TypeScript loader (tests, scripts), or dist/ (src/ compiled at
 * install). Cache keys use the files here (store/code-version.ts, site/search.ts), so runs from src/ and dist/ share them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from './source-digest.js';

function findSourceRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'cli', 'main.ts'))) return path.join(dir, 'src');
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Warraq's src/ folder not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/**
 * bin/warraq.js names it, and its digest, before it loads the code: it compares that digest with
 * dist/'s, and the digest is then not computed a second time.
 */
const given = (globalThis as Record<symbol, { root: string; digest: string } | undefined>)[Symbol.for('warraq.source')];

export const SOURCE_ROOT = given?.root ?? findSourceRoot();

let digest = given?.digest;

/** Digest of every file under SOURCE_ROOT (source-digest.js), read once per process. */
export function sourceDigestOfRoot(): string {
  return (digest ??= sourceDigest(SOURCE_ROOT));
}
