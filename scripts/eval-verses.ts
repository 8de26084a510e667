/**
 * Measures the restoring of damaged verses (src/text/verses.ts): verses and fragments of Tanzil's simple text and of the vendored Uthmani
 * texts, between ﴿ ﴾, in «» or on a line of their own in news sentences, damaged like the wire, repaired with and without the Quran.
 * "With marks but not exact" counts verses given marks (by the repair's guesses or the Quran) that differ from the clean text.
 * Prints only figures.
 * Usage: node --import tsx scripts/eval-verses.ts [--every N] (a verse in N of each text, default 29)
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { damage } from './lib/damage.ts';
import { normalize, type NormalizeOptions } from '../src/text/normalize.ts';
import { loadLexicon } from '../src/store/lexicon.ts';
import { loadQuran } from '../src/store/quran.ts';
import { WordCounts } from '../src/text/evidence.ts';

/** News sentences a verse is quoted in: the text before it and after it. */
type Frame = readonly [string, string];
const SCRIPTURE: readonly Frame[] = [
  ['واستشهد الخطيب بقوله تعالى: ﴿', '﴾ في ختام كلمته أمام الحضور.'],
  ['وقال إن الآية ﴿', '﴾ تلخص رسالة المؤتمر.'],
  ['وافتتح الحفل بتلاوة ﴿', '﴾ ثم ألقى الوزير كلمته.'],
];
const QUOTED: readonly Frame[] = [
  ['واستشهد الخطيب بقوله تعالى: «', '» في ختام كلمته أمام الحضور.'],
  ['وقال في خطبته:\n', '\nثم دعا للمصلين.'],
];

/** Uthmani spelling brought near a writer's: alef wasla as alef, KFGQPC sukun as sukun, open tanween as tanween, signs dropped. */
function fromUthmani(verse: string): string {
  return verse
    .normalize('NFC')
    .replace(/\u0671/g, 'ا')
    .replace(/\u06E1/g, '\u0652')
    .replace(/\u08F0/g, '\u064B')
    .replace(/\u08F1/g, '\u064C')
    .replace(/\u08F2/g, '\u064D')
    .replace(/\u064E(\u0651?)\u06E2/g, '\u064B$1')
    .replace(/\u064F(\u0651?)\u06E2/g, '\u064C$1')
    .replace(/\u0650(\u0651?)\u06ED/g, '\u064D$1')
    .replace(/\u0640(?=\u0670)/g, '')
    .replace(/[\u0653\u0655-\u065F\u06D6-\u06ED]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** A verse as a writer quotes it: pause marks and the basmala Tanzil puts before a sura's first verse dropped. */
function fromSimple(verse: string): string {
  const words = verse.split(' ').filter((w) => !/^[\u06D6-\u06ED]+$/.test(w));
  return (words.length > 4 && words[0]!.startsWith('بِسْمِ') ? words.slice(4) : words).join(' ');
}

/** Whole verses and, for every other one, a fragment of three to ten words. */
function samples(verses: string[], every: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < verses.length; i += every) {
    const words = verses[i]!.split(' ');
    if (words.length < 2) continue;
    if ((i / every) % 2 === 0 || words.length <= 4) out.push(words.join(' '));
    else {
      const length = Math.min(words.length, 3 + ((i * 7) % 8));
      const start = (i * 13) % (words.length - length + 1);
      out.push(words.slice(start, start + length).join(' '));
    }
  }
  return out;
}

interface VerseScore {
  verses: number;
  exact: number;
  wrong: number;
  words: number;
  exactWords: number;
  midGaps: number;
  midExact: number;
}

function score(verses: string[], frames: readonly Frame[], options: Partial<NormalizeOptions>): VerseScore {
  const s: VerseScore = { verses: 0, exact: 0, wrong: 0, words: 0, exactWords: 0, midGaps: 0, midExact: 0 };
  verses.forEach((v, k) => {
    const [before, after] = frames[k % frames.length]!;
    const want = v.normalize('NFC');
    const clean = before + want + after;
    const { text: damaged, gaps } = damage(clean);
    const { text, changes } = normalize(damaged, { ...options, evidence: new WordCounts().add(damaged), quotes: 'keep' });
    const got = text.startsWith(before) && text.endsWith(after) ? text.slice(before.length, text.length - after.length) : '';
    s.verses++;
    if (got === want) s.exact++;
    else if (/[\u064B-\u0652]/.test(got)) s.wrong++;
    const wantWords = want.split(' ');
    const gotWords = got.split(/[ \u00A0]+/);
    s.words += wantWords.length;
    if (gotWords.length === wantWords.length) s.exactWords += wantWords.filter((w, i) => w === gotWords[i]).length;
    const joins = new Map(changes.filter((c) => c.rule === 'split-word').map((c) => [c.offset, c.after]));
    const verseEnd = damaged.length - after.length;
    for (const g of gaps.filter((g) => g.midWord && g.offset >= before.length && g.offset < verseEnd)) {
      s.midGaps++;
      if (joins.get(g.offset) === g.marks) s.midExact++;
    }
  });
  return s;
}

function main() {
  const everyArg = process.argv.indexOf('--every');
  const every = everyArg > 0 ? Number(process.argv[everyArg + 1]) : 29;
  const lexicon = loadLexicon();
  const quran = loadQuran();
  const uthmani = (f: string) =>
    gunzipSync(readFileSync(new URL(`../tests/fixtures/quran/${f}`, import.meta.url)))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.includes('|'))
      .map((l) => fromUthmani(l.split('|')[2]!));
  const sets: Array<[string, string[]]> = [
    ['Tanzil simple 1.0.2', samples(quran.editions[0]!.map(fromSimple), every)],
    ['Tanzil simple 1.1, pause marks dropped', samples(quran.editions[1]!.map(fromSimple), every + 2)],
    ['KFGQPC Uthmani, made plain', samples(uthmani('uthmani-kfgqpc.txt.gz'), every + 4)],
    ['Tanzil Uthmani, made plain', samples(uthmani('uthmani-tanzil.txt.gz'), every + 6)],
  ];
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(4) : 'n/a');
  for (const [name, verses] of sets) {
    for (const [where, frames] of [
      ['between ﴿ ﴾', SCRIPTURE],
      ['in «» or on its own line', QUOTED],
    ] as const) {
      for (const [label, options] of [
        ['bare (no Quran)', { lexicon: () => lexicon }],
        ['with the Quran', { lexicon: () => lexicon, quran: () => quran }],
      ] as const) {
        const s = score(verses, frames, options);
        console.log(
          `${name}, ${where}, ${label}: ${s.verses} verses, ${s.exact} exact, ${s.wrong} with marks but not exact; words exact ${pct(s.exactWords, s.words)} (${s.exactWords}/${s.words}); mid-word gaps exact ${pct(s.midExact, s.midGaps)} (${s.midExact}/${s.midGaps})`,
        );
      }
    }
  }
}

main();
