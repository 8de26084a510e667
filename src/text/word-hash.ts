/**
 * The one hash of a word: FNV-1a (32 bits) and djb2 over its letters, every word mark skipped, made into one 53-bit key. Loops that scan
 * text themselves use FNV_START/fnvStep/djb2Step and skipsInHash, so every hash of a word agrees.
 */
import { isWordMarkCode } from './arabic.ts';

export const FNV_START = 0x811c9dc5;
export const DJB2_START = 5381;

export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export function djb2Step(h: number, c: number): number {
  return (Math.imul(h, 33) + c) | 0;
}

/** The characters a word's hash leaves out: its marks. */
export const skipsInHash = isWordMarkCode;

/** The key of a word from its two hashes: FNV-1a (32 bits) and djb2's low 21 bits, one safe integer. */
export function keyOfHashes(fnv: number, djb2: number): number {
  return (fnv >>> 0) * 0x200000 + lowOfDjb2(djb2);
}

/** The part of djb2 a key keeps: its low 21 bits. */
export function lowOfDjb2(djb2: number): number {
  return djb2 & 0x1fffff;
}

/** The FNV-1a half of a key (keyOfHashes), as a signed 32-bit integer. */
export function fnvOfKey(key: number): number {
  return Math.floor(key / 0x200000) | 0;
}

/** The djb2 half of a key (keyOfHashes): its low 21 bits. */
export function lowOfKey(key: number): number {
  return key % 0x200000;
}

/** A word's key (keyOfHashes of its two hashes): what evidence counts and answers are kept by. */
export function wordKey(word: string): number {
  let h = FNV_START;
  let h2 = DJB2_START;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (skipsInHash(c)) continue;
    h = fnvStep(h, c);
    h2 = djb2Step(h2, c);
  }
  return keyOfHashes(h, h2);
}
