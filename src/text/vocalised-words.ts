/**
 * The marks of a fully vocalised word, learnt from the vocalised Quran text (Imlaei spelling, NormalizeOptions.quran): each bare word
 * with every way it is vocalised there and how often. wordMarks gives the marks of a rejoined word's gaps when two thirds of the
 * vocalisations whose marked letters are exactly the letters followed by a gap (as many marks as the gap's spaces, and as many on the
 * last letter as it lost) agree on them; otherwise nothing; quranWrites says whether any does. shapeMarks guesses by the shape of
 * the letters, contextMarks by the marks the Quran's letters carry in the same neighbourhood.
 */
import type { QuranText } from './options.ts';
import { DAMMA, FATHA, KASRA, SHADDA, SUKUN, isHarakaCode, isTextLetterCode } from './arabic.ts';

/** A vocalisation: the marks after each letter but the last (the last one's is a case ending, put back by final-marks.ts). */
interface Vocalisation {
  marks: readonly string[];
  /** How many marks its last letter carries (a shadda and a vowel are two). */
  final: number;
  /** How many times the Quran's editions write it. */
  count: number;
}

const indexed = new WeakMap<QuranText, Map<string, Vocalisation[]>>();

/** Letters a vocalised word writes bare (long vowels, alef maqsura, madda): the only letters of a word that a gap need not follow. */
export const BARE_LETTERS = 'اويىآ';

/** The article and the one-letter words written on it (ال، وال، بال، فبال، لل، وللـ). */
export const ARTICLE_AND_PROCLITICS = /^(?:[وف]?[بك]?ال|[وف]?لل)/;

/**
 * Could a word whose pieces are these be vocalised throughout (every letter but a long vowel, the article's and the last followed by a
 * gap)? A cheap test, so that a text without such a word never reads the Quran.
 */
export function mayBeVocalisedWord(pieces: readonly string[]): boolean {
  const word = pieces.join('');
  if (pieces.length < 3) return false;
  const article = ARTICLE_AND_PROCLITICS.exec(word)?.[0].length ?? 0;
  let at = 0;
  for (let m = 0; m < pieces.length; m++) {
    const piece = pieces[m]!;
    for (let p = 0; p < piece.length - 1; p++) if (at + p >= article && !BARE_LETTERS.includes(piece[p]!)) return false;
    at += piece.length;
  }
  return true;
}

/**
 * The marks for the gaps between the pieces of a rejoined word (gap m after pieces[m], `counts[m]` marks lost there), or undefined
 * when the Quran does not write the word or writes it in ways that differ there.
 */
export function wordMarks(quran: QuranText, pieces: readonly string[], counts: readonly number[], finalLost: number): string[] | undefined {
  const found = marksOfWord(indexOf(quran), pieces, counts, finalLost);
  const proclitic = PROCLITIC_VOWELS[pieces[0]!];
  if (found || pieces.length < 3 || !proclitic || counts[0] !== 1) return found;
  // A conjunction or preposition of one letter, with its vowel, before a word the Quran writes without it.
  const rest = marksOfWord(indexOf(quran), pieces.slice(1), counts.slice(1), finalLost);
  return rest && [proclitic, ...rest];
}

/**
 * Does the Quran write this word (or it after a one-letter conjunction or preposition) with marks on just the letters its gaps follow,
 * as many as each gap's spaces, and `finalLost` marks on its last letter when that is not 0? (vocalised-runs.ts weighs words by it.)
 */
export function quranWrites(quran: QuranText, pieces: readonly string[], counts: readonly number[], finalLost: number): boolean {
  const index = indexOf(quran);
  if (fitsAny(index, pieces, counts, finalLost)) return true;
  return (
    pieces.length >= 2 &&
    PROCLITIC_VOWELS[pieces[0]!] !== undefined &&
    counts[0] === 1 &&
    fitsAny(index, pieces.slice(1), counts.slice(1), finalLost)
  );
}

function fitsAny(index: Map<string, Vocalisation[]>, pieces: readonly string[], counts: readonly number[], finalLost: number): boolean {
  const forms = index.get(pieces.join(''));
  if (!forms) return false;
  const gapAfter = gapsAfterLetters(pieces, counts);
  return forms.some((form) => (!finalLost || form.final === finalLost) && fits(form.marks, gapAfter));
}

/** The lost marks after each letter that a gap follows, by the letter's place in the word (the pieces joined). */
function gapsAfterLetters(pieces: readonly string[], counts: readonly number[]): Map<number, number> {
  const gapAfter = new Map<number, number>();
  let at = -1;
  for (let m = 0; m < pieces.length - 1; m++) gapAfter.set((at += pieces[m]!.length), counts[m]!);
  return gapAfter;
}

/**
 * The marks of a fully vocalised word that no source writes, by the shape of its letters, as the vocalised Quran's words have them: a
 * one-letter proclitic's own vowel (وَ، فَ، بِ، لِ، كَ), the sukun on the article's lam and a fatha on the letter after it (74% on a
 * word's first letter); before a long vowel (a letter written bare: ا، و، ي, or ى) the vowel it lengthens (100%); with one mark lost
 * inside the word otherwise, sukun after a vowelled letter (51%; fatha 35%), fatha after a sukun (53%), kasra after a long ا (46%:
 * فاعِل); no guess on a word's first letter without the article nor before its last, where the verb's forms and the case decide.
 * `finalMarked`: the word's last letter lost a mark of its own (a consonant, not a long vowel); `start`: the length of its proclitics
 * and article, when it has one (0 for والدته, بالغة).
 */
export function shapeMarks(pieces: readonly string[], counts: readonly number[], finalMarked: boolean, start: number): string[] {
  const word = pieces.join('');
  const marked = new Uint8Array(word.length);
  let at = -1;
  for (let m = 0; m < pieces.length - 1; m++) marked[(at += pieces[m]!.length)] = 1;
  if (finalMarked) marked[word.length - 1] = 1;
  const marks: string[] = [];
  // What the letter before carries: a vowel, a sukun, or not known. A word's first letter (after the article) carries a vowel.
  let previous: 'vowel' | 'sukun' | 'unknown' = 'unknown';
  at = -1;
  for (let m = 0; m < pieces.length - 1; m++) {
    const p = (at += pieces[m]!.length);
    const next = word[p + 1]!;
    const long = !marked[p + 1] && 'اويى'.includes(next) ? (next === 'ى' ? 'ا' : next) : '';
    const vowel = long === 'ا' ? FATHA : long === 'و' ? DAMMA : long === 'ي' ? KASRA : '';
    let mark = '';
    if (counts[m] === 2) mark = p < start ? '' : vowel && (vowel + SHADDA).normalize('NFC');
    else if (start && p === start - 1) mark = SUKUN;
    else if (p < start)
      mark = PROCLITIC_VOWELS[word[p]!] ?? ''; // (the article's alef after it is not a long vowel)
    else if (vowel) mark = vowel;
    else if (start && p === start) mark = FATHA;
    else if (p > start && p < word.length - 2)
      mark = !marked[p - 1] ? (word[p - 1] === 'ا' ? KASRA : '') : previous === 'sukun' ? FATHA : previous === 'vowel' ? SUKUN : '';
    marks.push(mark);
    previous = mark === SUKUN ? 'sukun' : counts[m] !== 1 || p <= start || mark ? 'vowel' : 'unknown';
  }
  return marks;
}

/**
 * The marks of a fully vocalised word that no source writes, from the vocalised Quran's letters in context: for each gap, the mark the
 * Quran's words most often carry on that letter with those two letters before and the next, with that many marks and the letter before
 * marked or bare (where the Quran has no such letter there: the letter before and two after, one on each side, the next, the letter
 * alone), when two thirds of them agree, or a plain majority of twenty or more (agreed); '' elsewhere.
 */
export function contextMarks(quran: QuranText, pieces: readonly string[], counts: readonly number[]): string[] {
  const table = contextTableOf(quran);
  const word = pieces.join('');
  const gapAfter = gapsAfterLetters(pieces, counts);
  const marks: string[] = [];
  for (const [p, count] of gapAfter) {
    let mark = '';
    for (const key of contextKeys(word, p, count, gapAfter.has(p - 1))) {
      const votes = table.get(key);
      if (!votes) continue;
      mark = agreed(votes);
      break;
    }
    marks.push(mark);
  }
  return marks;
}

/** The keys a letter's mark is looked up by, most context first. */
function contextKeys(word: string, p: number, count: number, previousMarked: boolean): string[] {
  const before2 = p > 1 ? word[p - 2]! : '^';
  const before = p > 0 ? word[p - 1]! : '^';
  const letter = word[p]!;
  const next = word[p + 1] ?? '$';
  const next2 = word[p + 2] ?? '$';
  const flag = previousMarked ? '+' : '-';
  return [
    `<${before2}${before}${letter}${next}${count}${flag}`,
    `>${before}${letter}${next}${next2}${count}${flag}`,
    `3${before}${letter}${next}${count}${flag}`,
    `2${letter}${next}${count}${flag}`,
    `1${letter}${count}`,
  ];
}

/** The mark two thirds of the votes give, or more than half of twenty or more; '' when none does. */
function agreed(votes: Map<string, number>): string {
  let all = 0;
  let top = '';
  let most = 0;
  for (const [mark, n] of votes) {
    all += n;
    if (n > most) [top, most] = [mark, n];
  }
  return most * 3 >= all * 2 || (all >= 20 && most * 2 > all) ? top : '';
}

const contextTables = new WeakMap<QuranText, Map<string, Map<string, number>>>();

function contextTableOf(quran: QuranText): Map<string, Map<string, number>> {
  let table = contextTables.get(quran);
  if (table) return table;
  table = new Map();
  for (const [bare, forms] of indexOf(quran))
    for (const form of forms)
      for (let p = 0; p < form.marks.length; p++) {
        const mark = form.marks[p]!;
        if (!mark) continue;
        for (const key of contextKeys(bare, p, mark.length, p > 0 && form.marks[p - 1] !== '')) {
          let votes = table.get(key);
          if (!votes) table.set(key, (votes = new Map()));
          votes.set(mark, (votes.get(mark) ?? 0) + form.count);
        }
      }
  contextTables.set(quran, table);
  return table;
}

/** The vowels of the one-letter conjunctions and prepositions before a word (وَ، فَ، بِ، لِ، كَ). */
const PROCLITIC_VOWELS: Readonly<Record<string, string>> = { و: FATHA, ف: FATHA, ب: KASRA, ل: KASRA, ك: FATHA };

function marksOfWord(
  index: Map<string, Vocalisation[]>,
  pieces: readonly string[],
  counts: readonly number[],
  finalLost: number,
): string[] | undefined {
  const forms = index.get(pieces.join(''));
  if (!forms) return undefined;
  const gapAfter = gapsAfterLetters(pieces, counts);
  const votes = new Map<string, number>();
  let all = 0;
  for (const form of forms) {
    if ((finalLost && form.final !== finalLost) || !fits(form.marks, gapAfter)) continue;
    const key = [...gapAfter.keys()].map((p) => form.marks[p]!).join('|');
    votes.set(key, (votes.get(key) ?? 0) + form.count);
    all += form.count;
  }
  for (const [key, n] of votes) if (n * 3 >= all * 2) return key.split('|');
  return undefined;
}

function fits(form: readonly string[], gapAfter: ReadonlyMap<number, number>): boolean {
  for (let p = 0; p < form.length; p++) if ((gapAfter.get(p) ?? 0) !== form[p]!.length) return false;
  return true;
}

function indexOf(quran: QuranText): Map<string, Vocalisation[]> {
  let index = indexed.get(quran);
  if (!index) indexed.set(quran, (index = buildIndex(quran)));
  return index;
}

function buildIndex(quran: QuranText): Map<string, Vocalisation[]> {
  const index = new Map<string, Vocalisation[]>();
  const tokens = new Map<string, number>();
  for (const verses of quran.editions)
    for (const verse of verses) for (const token of verse.split(' ')) tokens.set(token, (tokens.get(token) ?? 0) + 1);
  for (const [token, count] of tokens) {
    const parsed = parse(token);
    if (!parsed) continue;
    for (const marks of variants(parsed.bare, parsed.marks)) {
      const forms = index.get(parsed.bare);
      const key = marks.join('|');
      const same = forms?.find((f) => f.final === parsed.final && f.marks.join('|') === key);
      if (same) same.count += count;
      else if (forms) forms.push({ marks, final: parsed.final, count });
      else index.set(parsed.bare, [{ marks, final: parsed.final, count }]);
    }
  }
  return index;
}

/** A word of the Quran as letters and the marks after each, or undefined for a sign or a word with marks news never writes (ٰ). */
function parse(token: string): { bare: string; marks: string[]; final: number } | undefined {
  let bare = '';
  const marks: string[] = [];
  for (const ch of token) {
    const c = ch.charCodeAt(0);
    if (isTextLetterCode(c)) {
      bare += ch;
      marks.push('');
    } else if (isHarakaCode(c) && marks.length) marks[marks.length - 1] += ch;
    else return undefined;
  }
  if (!bare) return undefined;
  // A first letter's shadda is the previous word's letter assimilated into it (كُلٌّ مِّنْ), which prose does not write.
  marks[0] = marks[0]!.replace(SHADDA, '');
  return { bare, marks: marks.slice(0, -1), final: marks.at(-1)!.length };
}

/** The vocalisation as written, and without the sukun on the article's lam, which most vocalised prose leaves out (المَطالِب). */
function variants(bare: string, marks: string[]): string[][] {
  const article = ARTICLE_AND_PROCLITICS.exec(bare)?.[0].length;
  if (article === undefined || marks[article - 1] !== SUKUN) return [marks];
  const without = [...marks];
  without[article - 1] = '';
  return [marks, without];
}
