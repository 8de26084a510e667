/**
 * The site-wide word counts (text/evidence.ts) kept between builds: `.cache/evidence.json` holds the totals, the tag (code version and
 * options) and the entry keys counted; `.cache/words/<k2>/<key>.json` one file's counts. A gone or changed file's counts are subtracted and
 * the new ones added, giving exactly a fresh count; another tag, or a file's counts missing, means counting every file afresh.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-write.ts';
import path from 'node:path';
import { WordCounts } from '../text/evidence.ts';

/** Word key (text/evidence.ts wordKey) → count. */
type Counts = Map<number, number>;

/** The counts behind a WordCounts, to add, subtract, store and send to workers. */
export function countsOf(wc: WordCounts): ReadonlyMap<number, number> {
  return wc.countsByKey();
}

/** A WordCounts answering from the given counts (as countsOf returned them). */
export function evidenceFrom(counts: ReadonlyMap<number, number>): WordCounts {
  return new WordCounts().useCounts(counts as Counts);
}

export function fileCounts(text: string): ReadonlyMap<number, number> {
  return countsOf(new WordCounts().add(text));
}

function writeJson(file: string, value: unknown): void {
  writeFileAtomically(file, JSON.stringify(value));
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

interface Stored {
  tag: string;
  keys: string[];
  counts: Array<[number, number]>;
}

/** Builds the evidence as files are read (add), then settles the changes (finish). */
export class EvidenceBuilder {
  private readonly totals: Counts;
  private readonly oldKeys: Set<string>;
  private readonly keys: string[] = [];
  private readonly fresh: boolean;
  private changed = false;

  constructor(
    private readonly cacheRoot: string | undefined,
    private readonly tag: string,
  ) {
    const stored = cacheRoot ? readJson<Stored>(path.join(cacheRoot, 'evidence.json')) : undefined;
    if (stored && stored.tag === tag && Array.isArray(stored.keys) && Array.isArray(stored.counts)) {
      // (JSON keeps number keys as numbers and string keys as strings: the Map comes back as it was.)
      this.totals = new Map(stored.counts);
      this.oldKeys = new Set(stored.keys);
      this.fresh = false;
    } else {
      this.totals = new Map();
      this.oldKeys = new Set();
      this.fresh = true;
    }
  }

  private wordsFile(key: string): string {
    return path.join(this.cacheRoot!, 'words', key.slice(0, 2), `${key}.json`);
  }

  /** One article's text (or how to read it, when it may not be needed); its key identifies its bytes. */
  add(key: string, source: string | (() => string)): void {
    this.keys.push(key);
    if (this.oldKeys.delete(key)) return; // already in the totals
    this.changed = true;
    const text = typeof source === 'string' ? source : source();
    if (this.fresh) {
      // Cold: count straight into the totals; each file's own counts are stored when it is prepared.
      for (const [w, n] of fileCounts(text)) this.totals.set(w, (this.totals.get(w) ?? 0) + n);
      return;
    }
    const own = fileCounts(text);
    for (const [w, n] of own) this.totals.set(w, (this.totals.get(w) ?? 0) + n);
    if (this.cacheRoot) writeJson(this.wordsFile(key), [...own]);
  }

  /** Stores a file's own counts (workers and the in-thread path call this for what they prepare). */
  static store(cacheRoot: string, key: string, text: string): void {
    writeJson(path.join(cacheRoot, 'words', key.slice(0, 2), `${key}.json`), [...fileCounts(text)]);
  }

  /**
   * Subtracts the files that are gone or changed. Returns the counts, or undefined when a stored
   * piece is missing (the caller then counts every file afresh with recount()).
   */
  finish(): Counts | undefined {
    for (const key of this.oldKeys) {
      this.changed = true;
      const own = this.cacheRoot ? readJson<Array<[number, number]>>(this.wordsFile(key)) : undefined;
      if (!Array.isArray(own)) return undefined;
      for (const [w, n] of own) {
        const left = (this.totals.get(w) ?? 0) - n;
        if (left > 0) this.totals.set(w, left);
        else this.totals.delete(w);
      }
    }
    return this.totals;
  }

  /** Saves the totals for the next build (after the build succeeded in preparing). */
  save(counts: ReadonlyMap<number, number>): void {
    if (!this.cacheRoot || !this.changed) return;
    const stored: Stored = { tag: this.tag, keys: this.keys, counts: [...counts] };
    writeJson(path.join(this.cacheRoot, 'evidence.json'), stored);
  }
}
