/**
 * Stage 1, load: reads every `content/**\/*.md` article as strict UTF-8. The I/O lives here; parsing and checking are pure (parse.ts).
 * Files named README.md or starting with _ are notes for editors, not articles.
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { ContentProblem } from './errors.ts';

export interface SourceFile {
  /** Path relative to the project root, with / separators. */
  path: string;
  text: string;
  mtimeMs: number;
}

/** An article is text for people to read; anything larger is a mistake or an attack on the build's time. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export function listArticleFiles(root: string, contentDir: string): string[] {
  const base = path.join(root, contentDir);
  // Names relative to the root, made as the walk goes rather than by path.relative per file.
  const prefix = path.relative(root, base);
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const name = rel === '' ? e.name : `${rel}${path.sep}${e.name}`;
      if (e.isDirectory()) walk(path.join(dir, e.name), name);
      else if (e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('_') && e.name.toLowerCase() !== 'readme.md') out.push(name);
    }
  };
  walk(base, prefix);
  out.sort();
  return path.sep === '/' ? out : out.map((f) => f.split(path.sep).join('/'));
}

/**
 * Reads article files into one buffer it reuses, grown to the largest file read: a build that reads every file of an archive
 * allocates no buffer per file (each one memory outside V8's heap that V8 counts towards a full collection; docs/performance.md).
 * The bytes a read gives stay valid until the next read.
 */
export class SourceReader {
  private scratch = Buffer.allocUnsafe(64 * 1024);

  read(full: string): Buffer {
    const fd = openSync(full, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.scratch.length) {
          const larger = Buffer.allocUnsafe(this.scratch.length * 2);
          this.scratch.copy(larger, 0, 0, length);
          this.scratch = larger;
        }
        const n = readSync(fd, this.scratch, length, this.scratch.length - length, null);
        if (n === 0) return this.scratch.subarray(0, length);
        length += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * One article file as loadEach gives it: its bytes (valid UTF-8; decodeSource gives the text; with a SourceReader, valid until
 * the next file is loaded), or only the stat that showed it unchanged, or a problem.
 */
export type LoadedArticle =
  | { file: string; stat: FileStat | undefined; bytes: Buffer; unchanged?: undefined; problem?: undefined }
  | { file: string; stat: FileStat; bytes?: undefined; unchanged: string; problem?: undefined }
  | { file: string; stat?: undefined; bytes?: undefined; unchanged?: undefined; problem: ContentProblem };

/**
 * The articles of these files (statArticles: every article under `contentDir`, in path order, each stat'ed before it is read, so a
 * file changed in between is seen as changed next time), one at a time; a file is not read at all when `unchanged` (the build's
 * source index) recognises its stat: `unchanged` is then what it returned. With a SourceReader a file's bytes last until the next.
 */
export function* loadEach(
  root: string,
  files: Iterable<{ file: string; stat: FileStat | undefined }>,
  unchanged: (file: string, stat: FileStat) => string | undefined,
  reader?: SourceReader,
): Generator<LoadedArticle> {
  for (const { file, stat } of files) yield loadStatted(root, file, stat, unchanged, reader);
}

/** Every article file under `contentDir`, in path order, with its stat (undefined when it could not be taken): what loadEach takes. */
export function* statArticles(root: string, contentDir: string): Generator<{ file: string; stat: FileStat | undefined }> {
  for (const file of listArticleFiles(root, contentDir)) {
    let stat: FileStat | undefined;
    try {
      // (what the build reads of it, not the whole Stats: a build may hold a hundred thousand)
      const { size, mtimeMs, ctimeMs, ino } = statSync(path.join(root, file));
      stat = { size, mtimeMs, ctimeMs, ino };
    } catch {
      stat = undefined;
    }
    yield { file, stat };
  }
}

/** What the build reads of an article file's stat: its size, times and inode (the source index, the size limit). */
export type FileStat = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/** One file of statArticles as loadEach gives it: not read when `unchanged` recognises its stat. */
function loadStatted(
  root: string,
  file: string,
  stat: FileStat | undefined,
  unchanged: (file: string, stat: FileStat) => string | undefined,
  reader?: SourceReader,
): LoadedArticle {
  const known = stat && unchanged(file, stat);
  if (stat && known !== undefined) return { file, stat, unchanged: known };
  const r = readSourceBytes(root, file, stat, reader);
  return r.ok ? { file, stat, bytes: r.bytes } : { file, problem: r.problem };
}

/** `stat`: the file's stat when the caller already took it (the build does, for its source index). */
export function readSource(root: string, file: string, stat?: FileStat): { ok: true; file: SourceFile } | { ok: false; problem: ContentProblem } {
  const r = readSourceBytes(root, file, stat);
  return r.ok ? { ok: true, file: { path: file, text: decodeSource(r.bytes), mtimeMs: r.mtimeMs } } : r;
}

/** An article file's text from its bytes (checked UTF-8 by readSourceBytes). */
export function decodeSource(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // as TextDecoder does: a BOM is no content
}

/** An article file's bytes, refused when too large, unreadable or not UTF-8. */
function readSourceBytes(
  root: string,
  file: string,
  stat?: FileStat,
  reader?: SourceReader,
): { ok: true; bytes: Buffer; mtimeMs: number } | { ok: false; problem: ContentProblem } {
  const full = path.join(root, file);
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    stat ??= statSync(full);
    mtimeMs = stat.mtimeMs;
    if (stat.size > MAX_ARTICLE_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return { ok: false, problem: { file, line: 1, message: `the file is ${mb(stat.size)}, more than the ${mb(MAX_ARTICLE_BYTES)} an article may be`, hint: 'split it into several articles, or move data and pictures out of the text', severity: 'error' } };
    }
    bytes = reader ? reader.read(full) : readFileSync(full);
  } catch (error) {
    return { ok: false, problem: { file, line: 1, message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint: 'check that it exists and that you may read it', severity: 'error' } };
  }
  // isUtf8 (simdutf) then a plain decode: several times faster than a fatal TextDecoder, same verdict.
  if (!isUtf8(bytes)) {
    const line = firstInvalidUtf8Line(bytes);
    return { ok: false, problem: { file, line, message: 'the file is not valid UTF-8', hint: 'save it as UTF-8 (your editor\'s "Save with encoding" menu)', severity: 'error' } };
  }
  return { ok: true, bytes, mtimeMs };
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return line;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    // Overlong forms, UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF are invalid too.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return line;
    if (b === 10) line++;
    i += need + 1;
  }
  return line;
}
