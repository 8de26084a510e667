/**
 * The words whose counts may differ from the site's saved totals (evidence-cache.ts), as a bitmap of their keys' low 21 bits: what a
 * head the last build found valid is checked against (prepared-cache.ts validEntry). Pure; no I/O.
 */
import { lowOfKey } from '../text/evidence.ts';

/** A word outside it certainly has the count it had (ChangedWords.has false); one in it may (the caller then asks the evidence). */
export class ChangedWords {
  private readonly bits = new Int32Array(1 << 16);

  add(key: number): void {
    const low = lowOfKey(key);
    this.bits[low >>> 5]! |= 1 << (low & 31);
  }

  /** Whether a word whose key has these low 21 bits may have changed count. */
  has(low: number): boolean {
    return (this.bits[low >>> 5]! & (1 << (low & 31))) !== 0;
  }
}
