// `npm run compile` (run as `prepare` by npm ci and npm install): compiles src/ with tsc (tsconfig.build.json) into dist/, stamped
// with the digest of that src/ (dist/source-digest.txt). Without TypeScript installed it compiles nothing; the CLI then runs src/ via tsx.
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest } from '../src/source-digest.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DIST = path.join(ROOT, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('warraq: TypeScript is not installed, so src/ is not compiled; the CLI runs src/ through tsx.');
  process.exit(0);
}

// The digest is taken before compiling: a source file edited meanwhile leaves a stamp that does
// not match, never a stamp that claims code it was not compiled from.
const digest = sourceDigest(path.join(ROOT, 'src'));
// Compiled beside dist/ and renamed into place, so dist/ is never half of one compilation.
const tmp = path.join(ROOT, `dist.tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
const { status } = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', tmp], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('warraq: compiling src/ failed (the errors are above); fix them and run `npm run compile`.');
  process.exit(status ?? 1);
}
writeFileSync(path.join(tmp, 'source-digest.txt'), `${digest}\n`);
rmSync(DIST, { recursive: true, force: true });
renameSync(tmp, DIST);
