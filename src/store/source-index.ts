/**
 * Which article files are unchanged since the last build, without reading them: `.cache/sources.json` keeps each file's size, mtime, ctime,
 * inode and cache key, as git's index does; entries not well before the save time ("racily clean") are not trusted.
 */
import { readFileSync, type Stats } from 'node:fs';
import { writeFileAtomically } from './atomic-write.ts';
import path from 'node:path';

/** [size, mtimeMs, ctimeMs, inode, cache key] */
type Entry = [number, number, number, number, string];

interface Stored {
  tag: string;
  savedAt: number;
  files: Record<string, Entry>;
}

/** What the index reads of a file's stat. */
type FileStat = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/** Times this close to the save (or after it) may hide a change within the filesystem's time resolution. */
const RACY_MS = 2000;

export class SourceIndex {
  private readonly old: Record<string, Entry>;
  private readonly savedAt: number;
  private readonly next: Record<string, Entry> = {};

  constructor(
    private readonly cacheRoot: string | undefined,
    /** Everything the keys depend on besides the files: code version and options. */
    private readonly tag: string,
  ) {
    const stored = cacheRoot ? readStored(path.join(cacheRoot, 'sources.json')) : undefined;
    const usable = stored && stored.tag === tag;
    this.old = usable ? stored.files : {};
    this.savedAt = usable ? stored.savedAt : 0;
  }

  /** The key of an unchanged file, or undefined when it must be read. */
  known(file: string, st: FileStat): string | undefined {
    const e = Object.hasOwn(this.old, file) ? this.old[file] : undefined;
    if (!e || e[0] !== st.size || e[1] !== st.mtimeMs || e[2] !== st.ctimeMs || e[3] !== st.ino) return undefined;
    if (st.mtimeMs > this.savedAt - RACY_MS || st.ctimeMs > this.savedAt - RACY_MS) return undefined;
    return e[4];
  }

  /** How many files the last build recorded: with every listed file known, equal counts mean no file was added or removed. */
  get recorded(): number {
    return Object.keys(this.old).length;
  }

  record(file: string, st: FileStat, key: string): void {
    this.next[file] = [st.size, st.mtimeMs, st.ctimeMs, st.ino, key];
  }

  save(): void {
    if (!this.cacheRoot) return;
    writeFileAtomically(
      path.join(this.cacheRoot, 'sources.json'),
      JSON.stringify({ tag: this.tag, savedAt: Date.now(), files: this.next } satisfies Stored),
    );
  }
}

function readStored(file: string): Stored | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return s && typeof s.tag === 'string' && typeof s.savedAt === 'number' && s.files && typeof s.files === 'object' ? s : undefined;
  } catch {
    return undefined;
  }
}
