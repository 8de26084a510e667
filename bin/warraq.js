#!/usr/bin/env node
// Entry point for `npx warraq`: runs dist/ (src/ compiled at install by bin/compile.js) only while its recorded digest
// (dist/source-digest.txt) equals the digest of src/ now; otherwise, or when WARRAQ_FROM_SOURCE is set, runs src/ through tsx.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourceDigest } from '../src/source-digest.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

const digest = sourceDigest(SRC);
// The digest is computed once per process: the cache keys use it too (src/source-root.ts).
globalThis[Symbol.for('warraq.source')] = { root: SRC, digest };

let main;
if (!process.env.WARRAQ_FROM_SOURCE && compiledDigest() === digest) {
  // Stack traces name the TypeScript source, not the compiled file.
  process.setSourceMapsEnabled(true);
  ({ main } = await import(pathToFileURL(path.join(DIST, 'cli', 'main.js')).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

function compiledDigest() {
  try {
    return readFileSync(path.join(DIST, 'source-digest.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
}
