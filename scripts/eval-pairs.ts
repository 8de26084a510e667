/**
 * Harm on clean word pairs: every pair L R of frequent fixture words (tuning sets only) in a clean sentence, in a clean document and
 * beside a damaged line; counts the sentences the repair changes. Usage: node --import tsx scripts/eval-pairs.ts [-v] [--min N]
 * (a word is taken when the tuning texts have it N times or more, default 4; -v lists the changes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { normalize } from '../src/text/normalize.ts';
import { loadLexicon } from '../src/store/lexicon.ts';
import { lazyQuran } from '../src/store/quran.ts';
import { WordCounts } from '../src/text/evidence.ts';

const FIXTURES = new URL('../tests/fixtures/', import.meta.url);
/** Sets written to tune the rules; the evaluation sets (heldout, unseen*) stay out of the vocabulary. */
const TUNING = /^(?:devset\d*|fresh|final)$/;
/** The frame around each pair: a full stop before L, so nothing before it can take it. */
const frame = (L: string, R: string) => `انتهى الاجتماع. ${L} ${R} الجديد كان واضحا.`;
const DAMAGED_LINE = 'وأكدت الشرك ة أن الخسائر كبيرة جد ا خلال العام الماضي.';

function vocabulary(min: number): Map<string, number> {
  const words = new Map<string, number>();
  for (const set of readdirSync(FIXTURES).filter((d) => TUNING.test(d)))
    for (const f of readdirSync(new URL(`${set}/`, FIXTURES)).filter((f) => f.endsWith('.txt')))
      for (const w of readFileSync(new URL(`${set}/${f}`, FIXTURES), 'utf8')
        .replace(/[\u064B-\u0652\u0670]/g, '')
        .split(/[^\u0621-\u064A]+/))
        if (w.length >= 2 && w.length <= 6) words.set(w, (words.get(w) ?? 0) + 1);
  for (const [w, n] of words) if (n < min) words.delete(w);
  return words;
}

export function scorePairs(min = 4, verbose = false): { pairs: number; clean: number; damaged: number } {
  const lexicon = loadLexicon();
  const words = [...vocabulary(min).keys()];
  const rights = words.filter((w) => w.length <= 4);
  const score = { pairs: words.length * rights.length, clean: 0, damaged: 0 };
  for (const L of words) {
    const lines = rights.map((R) => frame(L, R));
    for (const mode of ['clean', 'damaged'] as const) {
      const doc = mode === 'clean' ? lines : lines.flatMap((l) => [l, DAMAGED_LINE]);
      const text = doc.join('\n');
      const out = normalize(text, {
        lexicon: () => lexicon,
        quran: lazyQuran,
        evidence: new WordCounts().add(text),
        quotes: 'keep',
      }).text.split('\n');
      lines.forEach((line, k) => {
        const got = out[mode === 'clean' ? k : 2 * k]!;
        if (got === line) return;
        score[mode]++;
        if (verbose) console.log(`${mode}: ${L} ${rights[k]} → ${got.slice(16, -20)}`);
      });
    }
  }
  return score;
}

function main() {
  const at = process.argv.indexOf('--min');
  const s = scorePairs(at > 0 ? Number(process.argv[at + 1]) : 4, process.argv.includes('-v'));
  const perMillion = (n: number) => ((n * 1e6) / s.pairs).toFixed(0);
  console.log(`word pairs: ${s.pairs}`);
  console.log(`changed in a clean document: ${s.clean} (${perMillion(s.clean)} per million)`);
  console.log(`changed beside a damaged line: ${s.damaged} (${perMillion(s.damaged)} per million)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
