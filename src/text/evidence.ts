/**
 * Split-word evidence: how often each undiacritized word form appears intact in a body of text (the site, or the document), counted by a
 * 53-bit word key (word-hash.ts wordKey): no strings allocated, and a joined non-word shares a key with a seen word at odds of ~1 in 2^53.
 */
import type { WordEvidence } from './options.ts';
import { isBasicLetterCode, isHarakaCode } from './arabic.ts';
import { DJB2_START, djb2Step, FNV_START, fnvOfKey, fnvStep, keyOfHashes, lowOfKey, skipsInHash, wordKey } from './word-hash.ts';

export { keyOfHashes, fnvOfKey, lowOfKey, wordKey } from './word-hash.ts';

export class WordCounts implements WordEvidence {
  /** Key (keyOfHashes) → count: what the build stores, adds up and sends to workers (evidence-cache.ts). */
  private counts = new Map<number, number>();
  /** The same counts for look-ups, built on the first after a change (see LookupTable). */
  private table: LookupTable | undefined;

  add(text: string): this {
    this.table = undefined;
    const n = text.length;
    for (let i = 0; i < n;) {
      let c = text.charCodeAt(i);
      if (!isBasicLetterCode(c)) {
        i++;
        continue;
      }
      let h = FNV_START;
      let h2 = DJB2_START;
      let len = 0;
      // A word: letters and the harakat the wire loses (any other mark ends it).
      for (; i < n && (isBasicLetterCode((c = text.charCodeAt(i))) || isHarakaCode(c)); i++) {
        if (skipsInHash(c)) continue;
        h = fnvStep(h, c);
        h2 = djb2Step(h2, c);
        len++;
      }
      if (len > 1) {
        const key = keyOfHashes(h, h2);
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    }
    return this;
  }

  /** The counts by word key: what the build adds up, stores and sends to workers (store/evidence-cache.ts). Not to be changed. */
  countsByKey(): ReadonlyMap<number, number> {
    return this.counts;
  }

  /** Answers from these counts from now on (evidence-cache.ts); the Map must not change afterwards. */
  useCounts(counts: Map<number, number>): this {
    this.counts = counts;
    this.table = undefined;
    return this;
  }

  count(word: string): number {
    return this.countHash(wordKey(word));
  }

  countHash(key: number): number {
    return this.countOfHashes(fnvOfKey(key), lowOfKey(key));
  }

  countOfHashes(fnv: number, djb2: number): number {
    return (this.table ??= new LookupTable(this.counts)).get(fnv | 0, djb2 & 0x1fffff);
  }

  get size(): number {
    return this.counts.size;
  }
}

/**
 * The counts in an open-addressing table over typed arrays. The repair asks about joined forms
 * at most gaps that could be damage, nearly all absent: a Map keyed by 53-bit numbers (heap
 * numbers, boxed and hashed per look-up) took a tenth of the normalizer's time, this usually one
 * probe.
 */
class LookupTable {
  private readonly fnvs: Int32Array;
  /** The key's low 21 bits (djb2) plus one: 0 marks an empty slot. */
  private readonly lows: Int32Array;
  private readonly counts: Int32Array;
  private readonly mask: number;

  constructor(map: Map<number, number>) {
    let size = 1024;
    while (size < map.size * 2) size *= 2;
    this.fnvs = new Int32Array(size);
    this.lows = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.mask = size - 1;
    for (const [key, count] of map) {
      const fnv = fnvOfKey(key);
      let at = fnv & this.mask;
      while (this.lows[at] !== 0) at = (at + 1) & this.mask;
      this.fnvs[at] = fnv;
      this.lows[at] = lowOfKey(key) + 1;
      this.counts[at] = count;
    }
  }

  get(fnv: number, low: number): number {
    const want = low + 1;
    for (let at = fnv & this.mask; this.lows[at] !== 0; at = (at + 1) & this.mask) {
      if (this.fnvs[at] === fnv && this.lows[at] === want) return this.counts[at]!;
    }
    return 0;
  }
}
