/**
 * Writes the WikiNews fixtures (tests/fixtures/wikinews*) from CAMeL Lab's WikiNewsMax.tsv (github.com/CAMeL-Lab/wild_diacritics,
 * data/WikiNewsMax.tsv: one word a row, fully vocalised, a blank row between sentences). Same input, same bytes.
 * Usage: node --import tsx scripts/corpus/wikinews-fixture.ts path/to/WikiNewsMax.tsv
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const SENTENCES_PER_PARAGRAPH = 4;
const PARAGRAPHS_PER_FILE = 8;

/** Tokenized punctuation put back against its word (`قال ،` → `قال،`, `( نص )` → `(نص)`). */
const detokenize = (s: string) =>
  s
    .replace(/\s+([،,.:؛;؟?!)\]»%])/g, '$1')
    .replace(/([([«])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** Newsroom style: shadda and tanween fath kept, every other mark dropped, and no shadda on the sun letter after ال. */
const newsroom = (word: string) => word.replace(/[\u064C-\u0650\u0652]/g, '').replace(/^([وفبكل]?(?:ال|لل)[تثدذرزسشصضطظلن])\u0651/, '$1');

function sentencesOf(tsv: string): string[][] {
  const sentences: string[][] = [];
  let current: string[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const [bare, vocalised] = row.split('\t');
    if (!bare) {
      if (current.length) sentences.push(current);
      current = [];
    } else current.push((vocalised || bare).normalize('NFC'));
  }
  if (current.length) sentences.push(current);
  return sentences.filter((s) => s.length >= 4);
}

function writeSet(folder: string, sentences: string[]): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH)
    paragraphs.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_FILE) {
    const name = `wikinews-${String(i / PARAGRAPHS_PER_FILE + 1).padStart(2, '0')}.txt`;
    writeFileSync(`${folder}/${name}`, paragraphs.slice(i, i + PARAGRAPHS_PER_FILE).join('\n') + '\n');
  }
}

const input = process.argv[2];
if (!input) throw new Error('usage: wikinews-fixture.ts path/to/WikiNewsMax.tsv');
const sentences = sentencesOf(readFileSync(input, 'utf8'));
const half = Math.floor(sentences.length / 2);
const styled = (list: string[][], style: (w: string) => string) => list.map((s) => detokenize(s.map(style).join(' ')));
writeSet('tests/fixtures/wikinews', styled(sentences.slice(0, half), newsroom));
writeSet('tests/fixtures/wikinews-test', styled(sentences.slice(half), newsroom));
writeSet(
  'tests/fixtures/wikinews-vocalised',
  styled(sentences, (w) => w),
);
