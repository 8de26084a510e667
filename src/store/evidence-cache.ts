/**
 * The site-wide word counts (text/evidence.ts) kept between builds: `.cache/evidence.json` holds the totals, the tag (code version and
 * options), the entry keys counted and an id of this save; each file's own counts are in its prepared entry (prepared-cache.ts). A gone
 * or changed file's counts are subtracted and the new ones added, giving exactly a fresh count, and the words they touch are the only
 * ones whose count can differ from the saved totals (changedWords); another tag, or a file's entry missing, means counting afresh.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-write.ts';
import path from 'node:path';
import { WordCounts } from '../text/evidence.ts';
import { ChangedWords } from './changed-words.ts';
import { encodeLookups, type PreparedCache } from './prepared-cache.ts';

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

/** A file's own word counts as its prepared entry keeps them (EntryText.wordCounts). */
export function encodeFileCounts(text: string): Buffer {
  return encodeLookups([...fileCounts(text)].sort((a, b) => a[0] - b[0]));
}

function writeJson(file: string, value: unknown): boolean {
  return writeFileAtomically(file, JSON.stringify(value));
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
  /** Tells this save from any other (absent in a file of an older Warraq). */
  id?: string;
}

/** Builds the evidence as files are read (add), then settles the changes (finish). */
export class EvidenceBuilder {
  private readonly totals: Counts;
  private readonly oldKeys: Set<string>;
  private readonly keys: string[] = [];
  private changed = false;
  /** The id of the saved totals this build starts from, when it does (not a fresh count). */
  private storedId: string | undefined;
  private readonly touched = new ChangedWords();

  constructor(
    private readonly cache: PreparedCache | undefined,
    private readonly tag: string,
  ) {
    const stored = cache ? readJson<Stored>(path.join(cache.root, 'evidence.json')) : undefined;
    if (stored && stored.tag === tag && Array.isArray(stored.keys) && Array.isArray(stored.counts)) {
      // (JSON keeps number keys as numbers and string keys as strings: the Map comes back as it was.)
      this.totals = new Map(stored.counts);
      this.oldKeys = new Set(stored.keys);
      this.storedId = typeof stored.id === 'string' ? stored.id : undefined;
      // (a file of an older Warraq has no id: saved again, with one)
      if (this.storedId === undefined) this.changed = true;
    } else {
      this.totals = new Map();
      this.oldKeys = new Set();
    }
  }

  /** One article's text (or how to read it, when it may not be needed); its key identifies its bytes. */
  add(key: string, source: string | (() => string)): void {
    this.keys.push(key);
    if (this.oldKeys.delete(key)) return; // already in the totals
    this.changed = true;
    // A new key has no entry yet: preparing it writes one, with these counts, for the build that drops it.
    const text = typeof source === 'string' ? source : source();
    for (const [w, n] of fileCounts(text)) {
      this.totals.set(w, (this.totals.get(w) ?? 0) + n);
      this.touched.add(w);
    }
  }

  /**
   * Subtracts the files that are gone or changed, their counts read from their entries. Returns the
   * counts, or undefined when an entry is missing (the caller then counts every file afresh).
   */
  finish(): Counts | undefined {
    for (const key of this.oldKeys) {
      this.changed = true;
      const own = this.cache?.readWordCounts(key);
      if (!own) {
        this.storedId = undefined;
        return undefined;
      }
      for (const [w, n] of own) {
        this.touched.add(w);
        const left = (this.totals.get(w) ?? 0) - n;
        if (left > 0) this.totals.set(w, left);
        else this.totals.delete(w);
      }
    }
    return this.totals;
  }

  /** The id of the saved totals this build starts from (undefined: counting afresh, or saved by an older Warraq). */
  get startId(): string | undefined {
    return this.storedId;
  }

  /** After finish: the words whose counts may differ from the saved totals (startId's); undefined when it counted afresh. */
  changedWords(): ChangedWords | undefined {
    return this.storedId === undefined ? undefined : this.touched;
  }

  /**
   * Saves the totals for the next build (after the build succeeded in preparing). Returns the id of the totals saved, or kept
   * when they did not change; undefined when there is no cache or the file could not be written.
   */
  save(counts: ReadonlyMap<number, number>): string | undefined {
    if (!this.cache) return undefined;
    if (!this.changed) return this.storedId;
    const stored: Stored = { tag: this.tag, keys: this.keys, counts: [...counts], id: randomUUID() };
    return writeJson(path.join(this.cache.root, 'evidence.json'), stored) ? stored.id : undefined;
  }
}
