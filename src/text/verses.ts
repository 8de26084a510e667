/**
 * A damaged verse restored exactly from a vocalised Quran text. The damage is a proof: after each letter stand as many spaces as harakat
 * followed it, one more at a word's end. restoreScripture (a verse between ﴿ and ﴾) gives the edits that put the source's marks back
 * only when every place of every edition with the verse's letters (U+0670 included) and those counts gives the same marks;
 * restoreQuotedVerses does the same, over 20 letters at least, for a verse in «…» or on a line of its own.
 */
import type { Edit } from './edits.ts';
import type { QuranText } from './options.ts';
import type { Range } from './protected.ts';
import { isHarakaCode, isTextLetterCode } from './arabic.ts';

/** Fewer letters than this in a piece of a verse (between punctuation) prove too little: the verse is rejoined bare. */
export const MIN_RUN_LETTERS = 4;
/** A piece found at more places than this (a common phrase) is not looked at further: it is rejoined bare. */
const MAX_PLACES = 500;

const SPACE = 0x20;
const NBSP = 0xa0;
const SUPERSCRIPT_ALEF = 0x670;

/** One edition, letter by letter: where each letter is in the source, how many harakat follow it, and whether a word ends with it. */
interface Edition {
  source: string;
  letters: string;
  at: Int32Array;
  clusterEnd: Int32Array;
  harakat: Uint8Array;
  wordEnd: Uint8Array;
}

/** A piece of a damaged verse: its letters, the spaces after each and where they start. */
interface Run {
  letters: string;
  spaces: number[];
  gapAt: number[];
}

const indexed = new WeakMap<QuranText, Edition[]>();

function editionsOf(quran: QuranText): Edition[] {
  let found = indexed.get(quran);
  if (!found) indexed.set(quran, (found = quran.editions.map(indexEdition)));
  return found;
}

function indexEdition(verses: readonly string[]): Edition {
  const source = verses.join('\n');
  // Sized for the worst case (every character a letter) and cut to the letters found.
  const at = new Int32Array(source.length);
  const clusterEnd = new Int32Array(source.length);
  const harakat = new Uint8Array(source.length);
  const wordEnd = new Uint8Array(source.length);
  const codes: number[] = [];
  let n = 0;
  let inCluster = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (isTextLetterCode(c)) {
      at[n] = i;
      clusterEnd[n] = i + 1;
      codes.push(c);
      n++;
      inCluster = true;
    } else if (isHarakaCode(c) && inCluster) {
      harakat[n - 1]!++;
      clusterEnd[n - 1] = i + 1;
    } else {
      // A space, a pause mark or a verse's end: the word ends (any other mark would stand between a letter and its harakat).
      if (n > 0) wordEnd[n - 1] = 1;
      inCluster = false;
    }
  }
  if (n > 0) wordEnd[n - 1] = 1;
  let letters = '';
  for (let k = 0; k < n; k += 8192) letters += String.fromCharCode(...codes.slice(k, k + 8192));
  return {
    source,
    letters,
    at: at.slice(0, n),
    clusterEnd: clusterEnd.slice(0, n),
    harakat: harakat.slice(0, n),
    wordEnd: wordEnd.slice(0, n),
  };
}

/**
 * The pieces of text[range): letters with the spaces and NO-BREAK SPACEs after each; anything else (﴿ ﴾, punctuation, digits, tatweel)
 * ends a piece. Undefined when a piece is too short to prove anything.
 */
function runsOf(text: string, range: Range): Run[] | undefined {
  const runs: Run[] = [];
  let run: Run | undefined;
  for (let i = range.start; i < range.end; i++) {
    const c = text.charCodeAt(i);
    if (isTextLetterCode(c)) {
      if (!run) runs.push((run = { letters: '', spaces: [], gapAt: [] }));
      run.letters += text[i];
      run.spaces.push(0);
      run.gapAt.push(i + 1);
    } else if ((c === SPACE || c === NBSP) && run) run.spaces[run.spaces.length - 1]!++;
    else if (c !== SPACE && c !== NBSP) run = undefined;
  }
  if (runs.length === 0 || runs.some((r) => r.letters.length < MIN_RUN_LETTERS)) return undefined;
  return runs;
}

/** Does the edition's text from letter p, word for word, give exactly the run's spaces once its marks are lost? */
function fits(ed: Edition, p: number, run: Run): boolean {
  const n = run.letters.length;
  if ((p > 0 && !ed.wordEnd[p - 1]) || !ed.wordEnd[p + n - 1]) return false;
  for (let k = 0; k < n - 1; k++) if (run.spaces[k] !== ed.harakat[p + k]! + ed.wordEnd[p + k]!) return false;
  // After the last letter the writer may have left a space of their own before ﴾.
  const extra = run.spaces[n - 1]! - ed.harakat[p + n - 1]!;
  return extra === 0 || extra === 1;
}

/** The harakat after each of the run's letters, when every place that fits agrees; undefined when none fits or two disagree. */
function marksOf(run: Run, editions: readonly Edition[]): string[] | undefined {
  let agreed: string[] | undefined;
  let places = 0;
  for (const ed of editions) {
    for (let p = ed.letters.indexOf(run.letters); p !== -1; p = ed.letters.indexOf(run.letters, p + 1)) {
      if (++places > MAX_PLACES) return undefined;
      if (!fits(ed, p, run)) continue;
      const marks = run.spaces.map((_, k) => ed.source.slice(ed.at[p + k]! + 1, ed.clusterEnd[p + k]));
      if (!agreed) agreed = marks;
      else if (marks.some((m, k) => m !== agreed![k])) return undefined;
    }
  }
  return agreed;
}

/**
 * The edits that restore the damaged verse text[range) from the Quran (each gap's spaces become the marks they replaced; word
 * separators stay as written), or undefined when a piece of it is short, found nowhere, or found with different marks. The Quran is
 * asked for only when every piece is long enough.
 */
export function restoreScripture(text: string, range: Range, quran: () => QuranText, minLetters = 0): Edit[] | undefined {
  const runs = runsOf(text, range);
  if (!runs || runs.reduce((n, r) => n + r.letters.length, 0) < minLetters) return undefined;
  const editions = editionsOf(quran());
  const edits: Edit[] = [];
  for (const run of runs) {
    const marks = marksOf(run, editions);
    if (!marks) return undefined;
    marks.forEach((m, k) => {
      if (!m) return;
      const start = run.gapAt[k]!;
      const next = text.charCodeAt(start + m.length);
      const midWord = isTextLetterCode(next) && next !== SUPERSCRIPT_ALEF;
      edits.push({ start, end: start + m.length, replacement: m, rule: midWord ? 'split-word' : 'word-final-mark' });
    });
  }
  return edits;
}

/** Outside ﴿ ﴾ a verse proves itself only over this many letters (several words: a phrase of the Quran can be a news phrase too). */
export const MIN_QUOTED_VERSE_LETTERS = 20;
/** Lone letters (not و) in a row, each within LONE_LETTER_REACH characters of the last, before lines and quotations are looked at. */
const MIN_LONE_LETTERS = 4;
const LONE_LETTER_REACH = 12;
/** A line or «…» is dense with lone letters, as a fully vocalised text turns when damaged, from this many tokens, half of them lone letters. */
const MIN_DENSE_TOKENS = 8;

/**
 * A verse quoted outside ﴿ ﴾ (in «…» or on a line of its own) whose marks all became spaces: the lines, or else the quotations, without
 * a haraka and dense with lone letters that the Quran proves over at least MIN_QUOTED_VERSE_LETTERS letters, none touching `skip`. The
 * Quran is asked for only when such a line or quotation exists.
 */
export function restoreQuotedVerses(text: string, skip: readonly Range[], quran: () => QuranText): { ranges: Range[]; edits: Edit[] } {
  const found: { ranges: Range[]; edits: Edit[] } = { ranges: [], edits: [] };
  if (!hasLoneLetters(text)) return found;
  const prove = (r: Range): boolean => {
    if (!dense(text, r) || skip.some((k) => r.start <= k.end && r.end >= k.start)) return false;
    const edits = restoreScripture(text, r, quran, MIN_QUOTED_VERSE_LETTERS);
    if (!edits) return false;
    found.ranges.push(r);
    found.edits.push(...edits);
    return true;
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!prove({ start, end })) {
      for (let open = text.indexOf('«', start); open !== -1 && open < end; open = text.indexOf('«', open + 1)) {
        const close = text.indexOf('»', open);
        if (close !== -1 && close < end) prove({ start: open, end: close + 1 });
      }
    }
    start = end + 1;
  }
  return found;
}

const isSpaceCode = (c: number) => c === SPACE || c === NBSP;

/**
 * Does the text have MIN_LONE_LETTERS letters (not و) in a row, each after a space with a space or NO-BREAK SPACE after it and within
 * LONE_LETTER_REACH of the one before, as a fully vocalised text has once damaged? Found space by space with indexOf, before anything
 * else is looked at (news damage leaves lone letters far apart).
 */
function hasLoneLetters(text: string): boolean {
  let run = 0;
  let last = -LONE_LETTER_REACH;
  for (let i = text.indexOf(' '); i !== -1 && i + 2 < text.length; i = text.indexOf(' ', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (!isTextLetterCode(c) || c === 0x648 || !isSpaceCode(text.charCodeAt(i + 2))) continue;
    run = i - last <= LONE_LETTER_REACH ? run + 1 : 1;
    last = i;
    if (run >= MIN_LONE_LETTERS) return true;
  }
  return false;
}

/** Has text[range) no haraka, MIN_DENSE_TOKENS tokens or more and lone letters (not و) for half of them? */
function dense(text: string, range: Range): boolean {
  let tokens = 0;
  let lone = 0;
  let length = 0;
  let letter = 0;
  for (let i = range.start; i <= range.end; i++) {
    const c = i < range.end ? text.charCodeAt(i) : SPACE;
    if (isHarakaCode(c)) return false;
    if (isSpaceCode(c) || c === 0x0a) {
      if (length) {
        tokens++;
        if (length === 1 && letter && letter !== 0x648) lone++;
      }
      length = 0;
    } else {
      length++;
      letter = isTextLetterCode(c) ? c : 0;
    }
  }
  return tokens >= MIN_DENSE_TOKENS && lone * 2 >= tokens;
}
