// The bundle of src/ that bin/warraq.js runs: see there.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(ROOT, 'src');
export const SOURCE_ROOT = SRC;

/** Digest of every file under src/ (names and bytes): a bundle is made from exactly these. */
export function sourceDigest() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else h.update(`${path.relative(SRC, full)}\0`).update(readFileSync(full)).update('\0');
    }
  };
  walk(SRC);
  return h.digest('hex').slice(0, 20);
}

/** The bundle's entry (made now if there is none for this source), or undefined: use tsx. */
export async function bundle() {
  if (process.env.WARRAQ_NO_BUNDLE) return undefined;
  try {
    const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'warraq', 'bundle');
    const digest = sourceDigest();
    const dir = path.join(cacheDir, digest);
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
      if (e !== digest && Date.now() - statSync(old).mtimeMs > 3_600_000) rmSync(old, { recursive: true, force: true });
    }
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}
