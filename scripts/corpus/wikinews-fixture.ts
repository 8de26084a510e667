/**
 * Writes the WikiNews fixtures (tests/fixtures/wikinews*) from CAMeL Lab's WikiNewsMax.tsv (github.com/CAMeL-Lab/wild_diacritics,
 * data/WikiNewsMax.tsv: one word a row, fully vocalised, a blank row between sentences). Same input, same bytes.
 * Usage: node --import tsx scripts/corpus/wikinews-fixture.ts path/to/WikiNewsMax.tsv
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detokenize } from '../lib/detokenize.ts';

const SENTENCES_PER_PARAGRAPH = 4;
const PARAGRAPHS_PER_FILE = 8;

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

/** Replaces the folder's story files (its README stays). */
function writeSet(folder: string, sentences: string[]): void {
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) if (f.endsWith('.txt')) rmSync(path.join(folder, f));
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
