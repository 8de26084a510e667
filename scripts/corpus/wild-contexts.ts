/**
 * Turns CAMeL Lab's Wild2Max contexts (github.com/CAMeL-Lab/wild_diacritics, data/Wild2Max_dev.tsv or _test.tsv: a word and the
 * text around it, with the marks its writers typed) into story files for scripts/eval-repair.ts, kept out of the repository.
 * Usage: node --import tsx scripts/corpus/wild-contexts.ts path/to/Wild2Max_dev.tsv out-folder
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { detokenize } from '../lib/detokenize.ts';

/** Sparsely marked paragraphs (fewer than this share of words with a mark) go to `-sparse`, the rest to `-vocal`. */
const SPARSE_SHARE = 0.35;
const PARAGRAPHS_PER_FILE = 30;

/** Each row's whole sentences (the window cuts the first and last), each sentence once, a row's new ones as one paragraph. */
function paragraphsOf(tsv: string): string[] {
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const [after, word, before] = row.split('\t');
    if (word === undefined) continue;
    const sentences = detokenize(`${before ?? ''} ${word} ${after ?? ''}`)
      .normalize('NFC')
      .split(/(?<=[.!؟?])\s+/);
    const whole = sentences.slice(1, -1).filter((s) => /[\u0621-\u064A]{2}/.test(s) && s.split(' ').length >= 4 && !seen.has(s));
    for (const s of whole) seen.add(s);
    if (whole.length) paragraphs.push(whole.join(' '));
  }
  return paragraphs;
}

function writeSet(folder: string, paragraphs: string[]): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_FILE)
    writeFileSync(
      `${folder}/${String(i / PARAGRAPHS_PER_FILE).padStart(3, '0')}.txt`,
      paragraphs.slice(i, i + PARAGRAPHS_PER_FILE).join('\n') + '\n',
    );
}

const [input, out] = process.argv.slice(2);
if (!input || !out) throw new Error('usage: wild-contexts.ts path/to/Wild2Max_dev.tsv out-folder');
const sparse: string[] = [];
const vocal: string[] = [];
for (const p of paragraphsOf(readFileSync(input, 'utf8'))) {
  const words = p.split(' ').filter((w) => /[\u0621-\u064A]/.test(w));
  const marked = words.filter((w) => /[\u064B-\u0652]/.test(w)).length;
  (marked / Math.max(1, words.length) < SPARSE_SHARE ? sparse : vocal).push(p);
}
writeSet(`${out}-sparse`, sparse);
writeSet(`${out}-vocal`, vocal);
console.log(`${sparse.length} sparsely marked paragraphs, ${vocal.length} vocalised`);
