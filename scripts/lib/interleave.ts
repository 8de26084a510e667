/**
 * Clean lines as one document, each followed by a damaged line when some are given (a clean paragraph inside damaged wire copy),
 * repaired with the lexicon, the Quran and the document's own word evidence: the changes, where each line starts, and which
 * document line a clean line became. Shared by the clean-text measures (eval-clean.ts, eval-habits.ts).
 */
import { normalize, type Change } from '../../src/text/normalize.ts';
import { loadLexicon } from '../../src/store/lexicon.ts';
import { lazyQuran } from '../../src/store/quran.ts';
import { WordCounts } from '../../src/text/evidence.ts';

export interface Interleaved {
  changes: Change[];
  /** Offset where each document line starts. */
  starts: number[];
  /** The document line of clean line k. */
  cleanAt: number[];
  /** The document line an offset falls in. */
  lineOf(offset: number): number;
}

export function repairInterleaved(clean: readonly string[], damaged: readonly string[] = []): Interleaved {
  const lexicon = loadLexicon();
  const lines: string[] = [];
  const cleanAt: number[] = [];
  clean.forEach((line, k) => {
    cleanAt.push(lines.length);
    lines.push(line);
    if (damaged.length) lines.push(damaged[k % damaged.length]!);
  });
  const doc = lines.join('\n');
  const { changes } = normalize(doc, { lexicon: () => lexicon, quran: lazyQuran, evidence: new WordCounts().add(doc), quotes: 'keep' });
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { changes, starts, cleanAt, lineOf };
}
