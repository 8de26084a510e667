/**
 * The Quran in ordinary (Imlaei) spelling, fully vocalised: Tanzil's "simple" text in two editions, vendored verbatim in data/quran/
 * (README there). Read and put in NFC on first use, then kept. The text core never reads it: the normalizer is handed it and asks for
 * it only for a damaged verse long enough to prove its marks, or a rejoined word whose every letter lost its mark (vocalised-words.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { QuranText } from '../text/options.ts';
import { SOURCE_ROOT } from '../source-root.ts';

/** The editions, each a Tanzil text file (`sura|aya|text` a line, its notice in # lines), gzip-compressed. */
export const QURAN_FILES = ['tanzil-simple-1.0.2.txt.gz', 'tanzil-simple-1.1.txt.gz'].map((f) =>
  path.join(path.dirname(SOURCE_ROOT), 'data', 'quran', f),
);

let cached: QuranText | undefined;

export function loadQuran(): QuranText {
  return (cached ??= { editions: QURAN_FILES.map(readEdition) });
}

/** A lazy getter for NormalizeOptions.quran. */
export const lazyQuran = (): QuranText => loadQuran();

function readEdition(file: string): string[] {
  const verses: string[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    const m = /^\d+\|\d+\|(.*)$/.exec(line);
    if (m) verses.push(m[1]!.normalize('NFC'));
  }
  if (verses.length !== 6236) throw new Error(`${file}: ${verses.length} verses, not 6,236`);
  return verses;
}
