/**
 * The one way a file of `.cache/` is written: to a temporary name beside it, then renamed over it, so a reader sees the whole old file or
 * the whole new one. The cache is an optimization: a failure (read-only or full disk) returns false.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** `data`: the bytes, or pieces of them written in turn (a large file need not be held whole). */
export function writeFileAtomically(file: string, data: string | Uint8Array | Iterable<Uint8Array>): boolean {
  // (worker threads share the pid: the random part keeps their temporary names apart)
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(tmp, 'w');
    const pieces = typeof data === 'string' ? [Buffer.from(data)] : data instanceof Uint8Array ? [data] : data;
    for (const piece of pieces) for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // nothing was made (the folder could not be)
    }
    return false;
  }
}
