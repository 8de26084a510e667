/**
 * Atomic output: the build writes into a fresh sibling folder, swapped in for the old one only after a complete, successful build. A bad
 * article, a crash or a kill leaves the previous site as it was (at worst a stale `_site.tmp-*` folder, removed next time).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface AtomicOptions {
  /** Runs once the new site is in place, while the old one is being removed (both take a while on a large site, and they touch different folders). */
  afterSwap?: (() => void) | undefined;
  /**
   * Leave the old site's removal to a process of its own that outlives this one (the command
   * line: the new site is in place, and the prompt need not wait for ten thousand files to be
   * unlinked). A removal cut short leaves a `.old-` folder that the next build removes.
   */
  removeInBackground?: boolean | undefined;
}

export async function writeAtomically<T>(outDir: string, write: (tmpDir: string) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(outDir);
  const tmp = await freshSibling(outDir, options.removeInBackground);
  let result: T;
  try {
    result = await write(tmp);
  } catch (error) {
    discard(tmp);
    throw error;
  }
  const target = path.resolve(outDir);
  const old = path.join(parent, `${name}.old-${process.pid}-${Date.now()}`);
  // Two renames: there is no atomic directory exchange in Node. Between them the site is absent
  // for microseconds; it is never half-written.
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  const removal = options.removeInBackground ? removeInBackground(old) : removeTree(old);
  try {
    options.afterSwap?.();
  } finally {
    await removal;
  }
  return result;
}

/**
 * Makes an empty `<name>.tmp-*` folder beside the output folder, after removing the leftovers of killed builds and old sites a removal
 * in the background has not finished with (still running, or cut short): those go the same way again. (An interrupted in-place
 * commit's staging folder is one of them: output/in-place.ts finishes that commit before a build gets here.)
 */
export async function freshSibling(outDir: string, removeOldInBackground?: boolean): Promise<string> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(outDir);
  mkdirSync(parent, { recursive: true });
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${name}.tmp-`)) await removeTree(path.join(parent, entry));
    else if (entry.startsWith(`${name}.old-`)) await (removeOldInBackground ? removeInBackground : removeTree)(path.join(parent, entry));
  }
  const tmp = path.join(parent, `${name}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  return tmp;
}

/** Removes the folder a failed build wrote into. */
export function discard(tmp: string): void {
  rmSync(tmp, { recursive: true, force: true });
  // Copies still in flight when the write failed (Eleventy's passthrough copy) can bring the
  // folder back: remove it again when the process ends, after everything else (a synchronous
  // 'exit' handler runs last, on a normal end and on process.exit alike).
  process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));
}

/** Starts removing a folder in a detached `rm` that this process does not wait for; removes it here where that cannot be done. */
async function removeInBackground(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  if (process.platform !== 'win32') {
    const started = await new Promise<boolean>((resolve) => {
      const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore', detached: true });
      child.on('error', () => resolve(false));
      child.on('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
    if (started) return;
  }
  await removeTree(dir);
}

/**
 * Removes a folder. The system's `rm -rf` takes well under half the time of Node's rmSync on a
 * site of 10,000 pages (no JavaScript per file), and runs beside this process's own work; rmSync
 * where there is no `rm` or it failed.
 */
export async function removeTree(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  if (process.platform !== 'win32') {
    const ok = await new Promise<boolean>((resolve) => {
      const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
    if (ok && !existsSync(dir)) return;
  }
  rmSync(dir, { recursive: true, force: true });
}
