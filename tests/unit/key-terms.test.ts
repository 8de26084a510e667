/**
 * keyTerms keeps the `limit` most frequent content words, ties in the order first seen: the same list as a stable sort of every
 * word by its count gives, on generated articles and the repair fixtures, for several limits.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { contentWords, keyTerms } from '../../src/terms/fold.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';

function bySort(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([w]) => w);
}

describe('keyTerms', () => {
  const texts = [...generateCorpus({ count: 300, seed: 5 })].map((a) => a.text);
  for (const set of ['devset', 'fresh', 'final']) {
    const dir = new URL(`../fixtures/${set}/`, import.meta.url);
    for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts.push(readFileSync(new URL(f, dir), 'utf8'));
  }

  it.each([24, 5, 1])('limit %i: the same words in the same order as a stable sort by count', (limit) => {
    for (const t of texts) expect(keyTerms(t, limit)).toEqual(bySort(t, limit));
    expect(texts.filter((t) => keyTerms(t, limit).length === limit).length).toBeGreaterThan(300);
  });

  it('ties keep the order the words were first seen in', () => {
    expect(keyTerms('سوق سوق نفط نفط ذهب ذهب فضة', 2)).toEqual(['سوق', 'نفط']);
    expect(keyTerms('فضة ذهب ذهب سوق سوق سوق', 3)).toEqual(['سوق', 'ذهب', 'فضه']); // (folded: ة → ه)
  });
});
