/**
 * Hard links instead of copies for files never written in place (finished pages, kept search indexes, benchmark corpora); a copy where a
 * link is not possible (another filesystem, a filesystem without links).
 */
import { constants, copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Links (or copies) one file; fails if `to` exists. True when linked, false when copied. */
export function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    return false;
  }
}

/** Links (or copies) every file under `from` to the same place under `to`. True when every file was linked. */
export function linkTree(from: string, to: string): boolean {
  mkdirSync(to, { recursive: true });
  let linked = true;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (!(e.isDirectory() ? linkTree(a, b) : linkOrCopy(a, b))) linked = false;
  }
  return linked;
}
