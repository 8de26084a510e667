/**
 * Yes/no answers remembered by a word's 53-bit key (word-hash.ts; bare words, so a word and its marked form share an entry) in an
 * open-addressing table over typed arrays: the lexicon's answers at the gaps the normalizer asks about.
 */
import { fnvOfKey, lowOfDjb2, lowOfKey, wordKey } from './word-hash.ts';

export class HashAnswers {
  private keys: Int32Array;
  private checks: Int32Array;
  private answers: Uint8Array;
  private count = 0;

  constructor(
    private readonly initialCapacity = 1 << 18,
    /** Past this many words the table starts afresh (memory stays bounded). */
    private readonly maxWords = 1 << 21,
  ) {
    this.keys = new Int32Array(initialCapacity);
    this.checks = new Int32Array(initialCapacity);
    this.answers = new Uint8Array(initialCapacity);
  }

  /**
   * The remembered answer for a word given its two hashes (FNV-1a and djb2 of its letters, as
   * word-hash.ts wordKey computes them): 1 yes, 0 no, -1 not asked yet.
   */
  peek(fnv: number, djb2: number): number {
    const h1 = fnv | 0 || 1; // 0 marks an empty slot
    const check = lowOfDjb2(djb2);
    const mask = this.keys.length - 1;
    let at = h1 & mask;
    for (let k = this.keys[at]!; k !== 0; k = this.keys[at]!) {
      if (k === h1 && this.checks[at] === check) return this.answers[at]!;
      at = (at + 1) & mask;
    }
    return -1;
  }

  /** The remembered answer for `word`, or `ask(word)` remembered. */
  get(word: string, ask: (word: string) => boolean): boolean {
    const key = wordKey(word);
    const h1 = fnvOfKey(key);
    const h2 = lowOfKey(key);
    const said = this.peek(h1, h2);
    if (said !== -1) return said === 1;
    return this.remember(word, h1, h2, ask);
  }

  /**
   * `ask(word)`, remembered under the word's two hashes, for a caller that has just computed them
   * as get() does and found no answer with peek().
   */
  remember(word: string, h1: number, h2: number, ask: (word: string) => boolean): boolean {
    const answer = ask(word);
    if (this.count >= this.maxWords) this.reset(this.initialCapacity);
    else if ((this.count + 1) * 2 > this.keys.length) this.reset(this.keys.length * 2, true);
    this.insert(h1 || 1, lowOfDjb2(h2), answer);
    return answer;
  }

  private insert(h1: number, h2: number, answer: boolean): void {
    const mask = this.keys.length - 1;
    let at = h1 & mask;
    while (this.keys[at] !== 0) at = (at + 1) & mask;
    this.keys[at] = h1;
    this.checks[at] = h2;
    this.answers[at] = answer ? 1 : 0;
    this.count++;
  }

  private reset(capacity: number, keep = false): void {
    const { keys, checks, answers } = this;
    this.keys = new Int32Array(capacity);
    this.checks = new Int32Array(capacity);
    this.answers = new Uint8Array(capacity);
    this.count = 0;
    if (keep) for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.insert(keys[i]!, checks[i]!, answers[i] === 1);
  }
}
