import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { normalize } from '../../src/text/normalize.ts';
import { loadLexicon } from '../../src/store/lexicon.ts';
import { damage } from '../../scripts/lib/damage.ts';

const lexicon = loadLexicon();
const opts = { lexicon: () => lexicon };
const DEVSET = new URL('../fixtures/devset/', import.meta.url);
const corpus = readdirSync(DEVSET)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, DEVSET), 'utf8'));

/** Text the way it arrives: Arabic letters and marks, spaces, NBSP, punctuation, quotes, Latin, digits. */
const messy = fc
  .array(
    fc.constantFrom(
      ...'ابتثجحخدذرسشصضطظعغفقكلمنهوية ى ء أ إ آ ؤ ئ'.split(''),
      ' ',
      ' ',
      '\u00A0',
      '\u064B',
      '\u0651',
      '\u064F',
      '،',
      '.',
      '؟',
      ',',
      '?',
      '"',
      '“',
      '”',
      '«',
      '»',
      '\uFD3F', // ﴿ and ﴾: scripture, kept or (damaged) rejoined bare
      '\uFD3E',
      'a',
      'Z',
      '1',
      '9',
      '\n',
      '(',
      ')',
      '-',
      ':',
    ),
    { maxLength: 80 },
  )
  .map((cs) => cs.join(''));

const lettersOf = (s: string) => [...s.normalize('NFC')].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');

describe('normalize: invariants (fast-check, fixed seed)', () => {
  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const once = normalize(text, opts).text;
        expect(normalize(once, opts).text).toBe(once);
      }),
      { numRuns: 5000, seed: 20221219 },
    );
  });

  it('never drops or adds a letter or digit (only marks, spaces and punctuation change)', () => {
    fc.assert(
      fc.property(messy, (text) => {
        expect(lettersOf(normalize(text, opts).text)).toBe(lettersOf(text));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('leaves clean, well-formed text unchanged, with or without diacritics', () => {
    // Natural text: runs of consecutive words from the corpus's sentences, cut anywhere.
    const lines = corpus
      .flatMap((c) => c.split('\n'))
      .filter(Boolean)
      .map((l) => l.split(' '));
    const sentence = fc
      .tuple(fc.nat(lines.length - 1), fc.nat(200), fc.integer({ min: 2, max: 14 }))
      .map(([l, start, len]) => {
        const ws = lines[l]!;
        const from = start % ws.length;
        return ws.slice(from, from + len).join(' ');
      })
      // Well-formed: a window that cuts a quotation in half is not (its first mark would close).
      .filter((t) => /^[^«»]*(?:«[^«»]*»[^«»]*)*$/.test(t));
    fc.assert(
      fc.property(sentence, fc.boolean(), (s, bare) => {
        const text = bare ? s.replace(/[\u064B-\u0652]/g, '') : s;
        expect(normalize(text, opts).text).toBe(text);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('repairs damaged text to a fixed point and never changes its letters', () => {
    const line = fc.constantFrom(...corpus.flatMap((c) => c.split('\n')).filter(Boolean));
    fc.assert(
      fc.property(line, (clean) => {
        const repaired = normalize(damage(clean).text, opts).text;
        expect(lettersOf(repaired)).toBe(lettersOf(clean));
        expect(normalize(repaired, opts).text).toBe(repaired);
      }),
      { numRuns: 120, seed: 3 },
    );
  });
});
