/**
 * Clean Markdown articles written apart from the rules (tests/fixtures/clean-articles9 and -13: headings, lists, tables, links,
 * quotes, credits, quotations in other scripts, addresses, writers' spacing), linted as `warraq lint` does: no repair that changes
 * a letter, a mark or a ZWNJ but the few named (issue #18: clean text passes unchanged, and `lint --fix` would write any such repair).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lintSource } from '../../src/cli/lint-core.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';

/** Rules whose repairs change letters, marks or joiners (the others only spacing, punctuation spacing and quotation style). */
const LETTERS = new Set(['split-word', 'word-final-mark', 'presentation-form', 'persian-letter', 'tatweel', 'digits', 'invisible-char']);

describe('clean Markdown articles written apart', () => {
  // Each set's repairs measured once on arrival → now:
  // - clean-articles9 (19 articles): 1 (الخط ب وحده → بِوحده) → 0;
  // - clean-articles13 (16 articles, 2c7470b): 4 (letters listed ب ت ث، ج ح خ، ع غ ق ظ; 29 °م قبل) → 1 (مثل ع غ ق ظ.: four letters
  //   in no order, which a vocalised word's letters can be).
  it.each([
    ['clean-articles9', 15, 0],
    ['clean-articles13', 15, 1],
  ])('lints the articles of %s with few repairs to their letters or marks', (set, size, most) => {
    const dir = new URL(`../fixtures/${set}/`, import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    const sources = files.map((f) => readFileSync(new URL(f, dir), 'utf8'));
    // The site's evidence: every article's words, as a build gives it.
    const evidence = new WordCounts();
    for (const s of sources) evidence.add(s);
    expect(files.length).toBeGreaterThanOrEqual(size);
    const found = files.flatMap((f, k) =>
      lintSource(`content/2023/01/${f}`, sources[k]!, { normalize: { lexicon: lazyLexicon, evidence } })
        .issues.filter((i) => LETTERS.has(i.rule))
        .map((i) => `${f}:${i.line}:${i.column} ${i.rule} ${i.fix}`),
    );
    expect(found.length, found.join('\n')).toBeLessThanOrEqual(most);
  });
});
