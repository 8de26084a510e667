#!/usr/bin/env node
// Entry point for `npx warraq`.
//
// The CLI runs from dist/, src/ compiled to plain JavaScript at install (`prepare`, bin/compile.js),
// so Node loads Warraq's code without the TypeScript loader (tsx) between it and each module.
// dist/ is run only while it is the current source: the digest of src/ it was compiled from
// (dist/source-digest.txt) must equal the digest of src/ now. When dist/ is missing or older
// (src/ edited since the last install: `npm run compile` brings it up to date), or
// WARRAQ_FROM_SOURCE is set, the CLI runs from src/ through tsx (as vitest runs it).
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
