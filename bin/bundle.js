// The bundle of src/ that bin/warraq.js runs: see there.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceDigest as digestOf } from '../src/source-digest.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(ROOT, 'src');
export const SOURCE_ROOT = SRC;

/** Digest of every file under src/ (names and bytes): a bundle is made from exactly these. */
let digest;
export function sourceDigest() {
  return (digest ??= digestOf(SRC));
}

/** The bundle's entry (made now if there is none for this source), or undefined: use tsx. */
export async function bundle() {
  if (process.env.WARRAQ_NO_BUNDLE) return undefined;
  try {
    const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'warraq', 'bundle');
    const name = sourceDigest();
    const dir = path.join(cacheDir, name);
    const entry = path.join(dir, 'cli', 'main.js');
    if (existsSync(entry)) return entry;
    const { build } = await import('esbuild');
    const tmp = path.join(cacheDir, `.tmp-${process.pid}-${Date.now()}`);
    mkdirSync(cacheDir, { recursive: true });
    await build({
      entryPoints: [path.join(SRC, 'cli', 'main.ts')],
      outdir: tmp,
      outbase: SRC,
      bundle: true,
      splitting: true, // each command's code stays behind its dynamic import
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
    });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // made meanwhile by another command
    }
    // Bundles of older source and leftovers of commands killed while bundling, once an hour old:
    // a dev server started before the source changed still loads its commands' code from its own.
    for (const e of readdirSync(cacheDir)) {
      const old = path.join(cacheDir, e);
      if (e !== name && Date.now() - statSync(old).mtimeMs > 3_600_000) rmSync(old, { recursive: true, force: true });
    }
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}
