/**
 * Warraq's own source folder (src/), wherever the code that asks runs from: src/ itself under the
 * TypeScript loader (tests, scripts), or the bundle of it that bin/warraq.js runs, which lives in
 * node_modules/.cache/ of the same checkout. The prepared-article cache is keyed by the files
 * here (build/cache.ts codeVersion), and worker threads load their TypeScript from here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findSourceRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'cli', 'main.ts'))) return path.join(dir, 'src');
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Warraq's src/ folder not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/**
 * bin/warraq.js names it before it loads the bundle: the bundle may be reached through a link to
 * another checkout's node_modules (the benchmark runs a snapshot of the code that way), and its
 * own place would then lead to that checkout's src/.
 */
const given = (globalThis as Record<symbol, unknown>)[Symbol.for('warraq.sourceRoot')];

export const SOURCE_ROOT = typeof given === 'string' ? given : findSourceRoot();
