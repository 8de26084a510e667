/**
 * Evidence for split-word repair: how often each undiacritized word form appears intact in a body
 * of text (the site's articles, or the document being repaired). A join "تكب|دت → تكبدت" is far
 * safer when تكبدت is written whole elsewhere.
 */
import type { WordEvidence } from './options.ts';

const WORD = /[\u0621-\u063A\u0641-\u064A\u064B-\u0652]+/g;

export class WordCounts implements WordEvidence {
  private readonly counts = new Map<string, number>();

  add(text: string): this {
    for (const m of text.matchAll(WORD)) {
      const w = m[0].replace(/[\u064B-\u0652]/g, '');
      if (w.length > 1) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
    }
    return this;
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  get size(): number {
    return this.counts.size;
  }
}
