/**
 * An article's foreign names and their keys (name-key.js), given to Pagefind as `name` filter values so a reader typing another agency's
 * spelling finds it. Only name-like words are keyed (foreign letters or endings, or unknown to the lexicon but as a name).
 */
import path from 'node:path';
import type { Lexicon } from '../text/options.ts';
import { EXTENDED_LETTERS, LETTER_SPAN, MARK_SPANS, TATWEEL, WORD_MARKS } from '../text/arabic.ts';
import { SOURCE_ROOT } from '../source-root.ts';
import { nameKey } from './name-key.js';
import { foldArabic, STOP } from '../terms/fold.ts';

/** The key function's file, which the build copies to the output for the search page. */
export const NAME_KEY_SCRIPT = { from: path.join(SOURCE_ROOT, 'site', 'name-key.js'), to: 'assets/name-key.js' };

const MARKS = new RegExp(`[${MARK_SPANS}${TATWEEL}]`, 'g');
const CLITICS = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];
const FOREIGN_LETTERS = /[پچژڤگڨڭ]/;
const FOREIGN_ENDINGS = /(?:سكي|سكايا|نكو|فيتش|يتش|ستان|برغ|بورغ|غراد|لاند)$/;

/** The word and its readings without one glued prefix, each keeping at least three letters. */
export function readings(word: string): string[] {
  const bare = word.normalize('NFC').replace(MARKS, '');
  const out = [bare];
  for (const p of CLITICS) if (bare.startsWith(p) && bare.length - p.length >= 3) out.push(bare.slice(p.length));
  return out;
}

export function isNameLike(word: string, lexicon: Lexicon): boolean {
  const forms = readings(word);
  if (FOREIGN_LETTERS.test(forms[0]!)) return true;
  if (forms.some((f) => f.length >= 6 && FOREIGN_ENDINGS.test(f))) return true;
  if (forms.some((f) => STOP.has(foldArabic(f)))) return false;
  return forms.every((f) => !lexicon.has(f) || (!inflected(f, lexicon) && takesNoSuffix(f, lexicon)));
}

/** Endings of inflected forms: pronouns, dual and plural, feminine, nisba. */
const ENDINGS = ['هما', 'ها', 'هم', 'كم', 'نا', 'ه', 'ك', 'ون', 'ين', 'ان', 'ات', 'وا', 'تم', 'ت', 'ية', 'ة', 'ي'];

/** Is the word an inflected form of a word the lexicon knows (أسبوعها, مراقبون, مدرستها, الرقمية)? */
function inflected(word: string, lexicon: Lexicon): boolean {
  for (const e of ENDINGS) {
    if (!word.endsWith(e) || word.length - e.length < 2) continue;
    const stem = word.slice(0, -e.length);
    if (lexicon.has(stem) || (stem.endsWith('ت') && lexicon.has(`${stem.slice(0, -1)}ة`))) return true;
  }
  return false;
}

/** Pronoun and plural endings the lexicon gives an Arabic noun or verb (ي and ية left out: a city has a nisba). */
const SUFFIXES = ['ها', 'هم', 'ك', 'نا', 'وا', 'ات', 'ون'];

/**
 * A word the lexicon knows but never with a pronoun or plural ending is a name (أنطونيو,
 * فرانكفورت, إسطنبول): an Arabic noun or verb takes them (كتابها, كتبوا). A final ة, ى or ء takes
 * them in its joined form (مدرستها, مستشفاها, سماؤها). A definite word (الكتاب) takes none, and
 * is judged by its other reading (كتاب).
 */
function takesNoSuffix(word: string, lexicon: Lexicon): boolean {
  const last = word.at(-1);
  const stems =
    last === 'ة'
      ? [`${word.slice(0, -1)}ت`]
      : last === 'ى'
        ? [`${word.slice(0, -1)}ا`]
        : last === 'ء'
          ? [`${word.slice(0, -1)}ؤ`, `${word.slice(0, -1)}ئ`, word]
          : [word];
  return !stems.some((stem) => SUFFIXES.some((s) => lexicon.has(stem + s)));
}

/** The keys a name-like word is found by: of each of its readings. */
export function keysOfWord(word: string, lexicon: Lexicon): string[] {
  if (!isNameLike(word, lexicon)) return [];
  const keys = new Set<string>();
  for (const f of readings(word)) {
    const k = nameKey(f);
    if (k) keys.add(k);
  }
  return [...keys];
}

const WORDS = new RegExp(`[${LETTER_SPAN}${EXTENDED_LETTERS}${WORD_MARKS}${TATWEEL}]+`, 'g');

/** Each word's keys, remembered for the documents of one indexing run (words recur across articles). */
export type NameKeyMemo = Map<string, string[]>;

/** The keys of the name-like words of a text (sorted, each once). */
export function nameKeysOf(text: string, lexicon: Lexicon, memo: NameKeyMemo = new Map()): string[] {
  const keys = new Set<string>();
  for (const word of text.match(WORDS) ?? []) {
    let found = memo.get(word);
    if (!found) memo.set(word, (found = keysOfWord(word, lexicon)));
    for (const k of found) keys.add(k);
  }
  return [...keys].sort();
}
