/**
 * The split-word scan passes over windows where no join is possible (split-scan.ts interestingGap
 * and noJoinPossible, which mirror split-rules.ts mayBeSplit and acceptJoin). Turning that fast
 * path off (every gap looked at, no window skipped) must give the same edits. (Not the same doubts:
 * the editor is asked about pieces near a gap that could be damage, and the full path looks at
 * every gap, so it asks about more.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { splitWordEdits, splitWordEditsEveryGap } from '../../src/text/rules/split-words.ts';
import { DEFAULT_OPTIONS, type Doubt, type NormalizeOptions, type WordEvidence } from '../../src/text/options.ts';
import { loadLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { damage } from '../../scripts/lib/damage.ts';

const lexicon = loadLexicon();
const texts: string[] = [];
for (const set of ['devset', 'devset2', 'fresh']) {
  const dir = new URL(`../fixtures/${set}/`, import.meta.url);
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    texts.push(readFileSync(new URL(f, dir), 'utf8').normalize('NFC'));
}
const cleanWords = [
  ...new Set(
    texts
      .join(' ')
      .split(/[^\p{L}\p{M}]+/u)
      .filter((w) => /[\u0621-\u064A]/.test(w)),
  ),
];
// Damaged words: the marks become the spaces of wire copy (a split word, a final NBSP).
const damagedWords = cleanWords.filter((w) => /[\u064B-\u0652]/.test(w)).map((w) => damage(w).text);
const siteEvidence = new WordCounts();
for (const t of texts) siteEvidence.add(t);
/** Evidence that answers by word only (the scan cannot ask it by hash). */
const byWordOnly: WordEvidence = { count: (w) => siteEvidence.count(w) };

type Config = Partial<NormalizeOptions>;
const configs: Record<string, (text: string) => Config> = {
  'no lexicon, own words': (t) => ({ evidence: new WordCounts().add(t) }),
  'lexicon, own words': (t) => ({ lexicon: () => lexicon, evidence: new WordCounts().add(t) }),
  'lexicon, site evidence': () => ({ lexicon: () => lexicon, evidence: siteEvidence }),
  'lexicon, evidence by word only, damaged': () => ({ lexicon: () => lexicon, evidence: byWordOnly, damaged: true }),
  'lexicon, no evidence, not damaged': () => ({ lexicon: () => lexicon, damaged: false }),
};

function both(text: string, config: Config) {
  const options: NormalizeOptions = { ...DEFAULT_OPTIONS, ...config };
  const fastDoubts: Doubt[] = [];
  const fullDoubts: Doubt[] = [];
  const fast = splitWordEdits(text, options, fastDoubts);
  const full = splitWordEditsEveryGap(text, options, fullDoubts);
  return { fast: { edits: fast, doubts: fastDoubts }, full: { edits: full, doubts: fullDoubts } };
}

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...cleanWords) },
  { weight: 4, arbitrary: fc.constantFrom(...damagedWords) },
  { weight: 2, arbitrary: fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهويةىءأإآؤئ'.split('')) },
);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\u00A0', '\u00A0 ', '   ', '، ', '.\n', ' (', ') ');
const arabicIsh = fc
  .array(fc.tuple(token, separator), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('split words: the fast path agrees with the full path', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(`on random Arabic-ish text (${name})`, () => {
      fc.assert(
        fc.property(arabicIsh, (text) => {
          const { fast, full } = both(text, config(text));
          expect(fast.edits).toEqual(full.edits);
        }),
        { numRuns: 1500, seed: 20261202 },
      );
    });
  }

  it("on the fixtures, clean and damaged like the wire, with the lexicon and each text's own words", () => {
    let edits = 0;
    for (const clean of texts) {
      for (const text of [clean, damage(clean).text]) {
        const { fast, full } = both(text, configs['lexicon, own words']!(text));
        expect(fast.edits).toEqual(full.edits);
        edits += fast.edits.length;
      }
    }
    expect(edits).toBeGreaterThan(1000); // the damaged texts are repaired: the comparison is not vacuous
  }, 60_000);
});
