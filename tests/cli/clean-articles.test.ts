/**
 * Clean Markdown articles written apart from the rules (tests/fixtures/clean-articles9: headings, lists, tables, links, quotes,
 * credits, writers' spacing), linted as `warraq lint` does: not one repair that changes a letter or a mark (issue #18: clean text
 * passes unchanged, and `lint --fix` would write any such repair into the article).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lintSource } from '../../src/cli/lint-core.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';

const DIR = new URL('../fixtures/clean-articles9/', import.meta.url);
/** Rules whose repairs change letters or marks (the others only spacing, punctuation spacing and quotation style). */
const LETTERS = new Set(['split-word', 'word-final-mark', 'presentation-form', 'persian-letter', 'tatweel', 'digits']);

describe('clean Markdown articles written apart', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md'));
  const sources = files.map((f) => readFileSync(new URL(f, DIR), 'utf8'));
  // The site's evidence: every article's words, as a build gives it.
  const evidence = new WordCounts();
  for (const s of sources) evidence.add(s);
  it('lints every article with no repair to its letters or marks (measured once on arrival: 1, الخط ب وحده → بِوحده)', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const found = files.flatMap((f, k) =>
      lintSource(`content/2023/01/${f}`, sources[k]!, { normalize: { lexicon: lazyLexicon, evidence } })
        .issues.filter((i) => LETTERS.has(i.rule))
        .map((i) => `${f}:${i.line}:${i.column} ${i.rule} ${i.fix}`),
    );
    expect(found).toEqual([]);
  });
});
