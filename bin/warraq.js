#!/usr/bin/env node
// Entry point for `npx warraq`.
//
// The CLI runs from a bundle of src/ that esbuild makes once per version of the source (kept in
// node_modules/.cache/warraq/bundle/<digest of src>/, bin/bundle.js): Node then loads Warraq's code and
// its dependencies itself, without the TypeScript loader (tsx) between it and each of the
// thousand modules a build imports — over a second of every build's start-up on a small machine.
// The bundle is made in a temporary folder and renamed into place, so two commands started
// together never run half of one. Where it cannot be made (a read-only install) or
// WARRAQ_NO_BUNDLE is set, the CLI runs from src/ through tsx (as vitest runs it).
import { pathToFileURL } from 'node:url';
import { bundle, SOURCE_ROOT, sourceDigest } from './bundle.js';

const entry = await bundle();
let main;
if (entry) {
  // Stack traces name the TypeScript source, not the bundle.
  process.setSourceMapsEnabled(true);
  // The src/ the bundle was made from, and its digest (src/source-root.ts).
  globalThis[Symbol.for('warraq.source')] = { root: SOURCE_ROOT, digest: sourceDigest() };
  ({ main } = await import(pathToFileURL(entry).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
