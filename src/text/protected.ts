/**
 * Text the normalizer passes through as written (NFC aside): scripture between ﴿ and ﴾, lines in the Uthmani script, vocalized lines and
 * stretches in another language of the Arabic script (a quotation in Persian, Urdu or Kurdish: languages.ts).
 * protectedRanges(text) finds them; keepOutside(edits, ranges) drops the edits that touch one. Scripture whose marks all became
 * spaces (its damagedScripture ranges) is not kept as it is: the Quran restores it when the spaces prove its marks (verses.ts), else its
 * letters are rejoined and no guessed mark is put into it.
 */
import type { Edit } from './edits.ts';
import { showsArabic, showsOtherLanguage, stretches } from './languages.ts';
import { BASIC_LETTERS, HARAKAT, inLetterSpan, isHarakaCode, LETTER_SPAN, SUPERSCRIPT_ALEF, WORD_MARKS } from './arabic.ts';

const SUPERSCRIPT_ALEF_CODE = SUPERSCRIPT_ALEF.charCodeAt(0);

export interface Range {
  start: number;
  end: number;
}

/** Marks and letters only the Uthmani (Quranic) script uses: alef wasla, small high and low signs, open tanween. */
const UTHMANI = /[\u0671\u06D6-\u06ED\u08F0-\u08F2]/;
const HARAKA = new RegExp(`[${HARAKAT}]`);
const ORNATE_PARENS = /\uFD3F[^\uFD3E]*\uFD3E?/g;
/** A line is vocalized when at least this share of its Arabic words carries a haraka. */
const VOCALIZED_SHARE = 0.5;

const ANY_MARK_OR_ORNATE = new RegExp(`[${HARAKAT}${SUPERSCRIPT_ALEF}\u0671\u06D6-\u06ED\u08F0-\u08F2\uFD3F]`);

export interface ProtectedText {
  /** Kept exactly as written: Uthmani or vocalized lines, and scripture between ﴿ and ﴾. */
  kept: Range[];
  /**
   * Scripture between ﴿ and ﴾ on lines that are neither Uthmani nor vocalized, which the damage reached: no haraka is left and its
   * letters stand alone (a vocalized verse whose every mark became a space: ﴿و ج ع ل ن ا م ن  ال م اء﴾). It is restored from the
   * Quran when that proves its marks, or else rejoined without guessed marks. A verse written bare keeps its words whole (at most an opening letter of its own, ﴿ن والقلم﴾), so it is kept.
   */
  damagedScripture: Range[];
  /**
   * Scripture kept as written that may yet be damaged: no haraka, and one or two lone letters (not و) past its first word (﴿و ح ور  ع ين ﴾).
   * Too few to rejoin it bare, but it is restored when the Quran proves its marks (verses.ts); otherwise it stays as it is.
   */
  suspectScripture: Range[];
}

export function protectedRanges(text: string): ProtectedText {
  const found: ProtectedText = { kept: [], damagedScripture: [], suspectScripture: [] };
  const foreign = showsOtherLanguage(text);
  if (!foreign && !ANY_MARK_OR_ORNATE.test(text)) return found;
  // A stretch in another language of the Arabic script (a quotation in Persian or Urdu, whatever Arabic words it borrows; a line
  // of Kurdish without Arabic) is kept as written: its ی، ک and ZWNJ are its own, and the Arabic lexicon reads none of its words.
  // (An Arabic line that names گوگل, or holds a ZWNJ pasted into a word, is repaired.)
  if (foreign)
    for (const s of stretches(text)) {
      const stretch = text.slice(s.start, s.end);
      if (showsOtherLanguage(stretch) && (s.quoted || !showsArabic(stretch))) found.kept.push({ start: s.start, end: s.end });
    }
  const ornate = text.includes('\uFD3F');
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (UTHMANI.test(text.slice(start, end)) || vocalized(text, start, end)) found.kept.push({ start, end });
    else if (ornate) {
      for (const m of text.slice(start, end).matchAll(ORNATE_PARENS)) {
        const range = { start: start + m.index, end: start + m.index + m[0].length };
        const lone = loneLetters(m[0]);
        if (lone >= DAMAGED_SCRIPTURE_LONE_LETTERS) found.damagedScripture.push(range);
        else {
          found.kept.push(range);
          if (lone > 0) found.suspectScripture.push(range);
        }
      }
    }
    start = end + 1;
  }
  return found;
}

/** Letters standing alone (not و) that make a damaged verse: a bare one has at most its opening letter (ن، ق، ص). */
const DAMAGED_SCRIPTURE_LONE_LETTERS = 3;
/** A basic letter with no letter or mark beside it (tatweel, a mark or a letter next to it makes it part of a word). */
const LONE_LETTER = new RegExp(`(?<![${LETTER_SPAN}${WORD_MARKS}])[${BASIC_LETTERS}](?![${LETTER_SPAN}${WORD_MARKS}])`, 'g');

/**
 * The letters standing alone (not و) in a segment without harakat, counted up to DAMAGED_SCRIPTURE_LONE_LETTERS; 0 when it has a haraka
 * or when its only lone letter opens it (﴿ن والقلم﴾).
 */
function loneLetters(segment: string): number {
  if (HARAKA.test(segment)) return 0;
  const space = segment.search(/\s/);
  const firstWordEnd = space === -1 ? segment.length : space;
  let lone = 0;
  let pastFirstWord = false;
  for (const m of segment.matchAll(LONE_LETTER)) {
    if (m[0] === 'و') continue;
    if (m.index > firstWordEnd) pastFirstWord = true;
    if (++lone >= DAMAGED_SCRIPTURE_LONE_LETTERS) break;
  }
  return lone >= DAMAGED_SCRIPTURE_LONE_LETTERS || pastFirstWord ? lone : 0;
}

/** Do at least half the Arabic words of text[start, end) carry a haraka (and are there two or more)? */
function vocalized(text: string, start: number, end: number): boolean {
  let words = 0;
  let marked = 0;
  let inWord = false;
  let wordMarked = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x20;
    const letter = inLetterSpan(c) || isHarakaCode(c) || c === SUPERSCRIPT_ALEF_CODE;
    if (letter) {
      if (!inWord) {
        inWord = true;
        wordMarked = false;
        words++;
      }
      if (isHarakaCode(c)) wordMarked = true;
    } else if (inWord) {
      inWord = false;
      if (wordMarked) marked++;
    }
  }
  return words >= 2 && marked >= words * VOCALIZED_SHARE;
}

/** The edits that touch no protected range (an insertion at a range's edge touches it too). */
export function keepOutside(edits: Edit[], ranges: readonly Range[]): Edit[] {
  if (ranges.length === 0) return edits;
  return edits.filter((e) => !ranges.some((r) => e.start <= r.end && e.end >= r.start));
}

/** The ranges moved by edits applied outside them (each edit shifts what follows it). */
export function shiftRanges(ranges: readonly Range[], edits: readonly Edit[]): Range[] {
  if (ranges.length === 0 || edits.length === 0) return [...ranges];
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return ranges.map((r) => {
    let delta = 0;
    for (const e of sorted) {
      if (e.end > r.start) break;
      delta += e.replacement.length - (e.end - e.start);
    }
    return { start: r.start + delta, end: r.end + delta };
  });
}

/** The lines that kept a haraka: damage turns every one into a space, so these lost none. */
export function linesWithHarakat(text: string): Range[] {
  const ranges: Range[] = [];
  if (!HARAKA.test(text)) return ranges;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    for (let i = start; i < end; i++) {
      if (isHarakaCode(text.charCodeAt(i))) {
        ranges.push({ start, end });
        break;
      }
    }
    start = end + 1;
  }
  return ranges;
}
