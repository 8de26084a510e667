/**
 * Character classes of the Arabic script, the one place their code point ranges are written: each is a predicate on a code point (for hot
 * loops) and, where a regex needs it, the body of a regex character class (`[${WORD_MARKS}]`).
 */

/** The eight harakat that wire copy loses (U+064B–U+0652): tanween, short vowels, shadda, sukun. */
export const FATHATAN = '\u064B';
export const DAMMATAN = '\u064C';
export const KASRATAN = '\u064D';
export const FATHA = '\u064E';
export const DAMMA = '\u064F';
export const KASRA = '\u0650';
export const SHADDA = '\u0651';
export const SUKUN = '\u0652';
export const TATWEEL = '\u0640';
export const NBSP = '\u00A0';
export const SUPERSCRIPT_ALEF = '\u0670';

/** Arabic letters proper (hamza … yeh) plus the extended letters used by Persian, Urdu and others. */
export function isArabicLetterCode(c: number): boolean {
  return isTextLetterCode(c) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06fc) || c === 0x06ff;
}

/** Combining marks of the Arabic block: the word marks plus Quranic annotation marks. */
export function isArabicMarkCode(c: number): boolean {
  return (
    isWordMarkCode(c) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x0610 && c <= 0x061a)
  );
}

/** The eight harakat wire copy loses (U+064B–U+0652: tanween, short vowels, shadda, sukun). */
export function isHarakaCode(c: number): boolean {
  return c >= 0x064b && c <= 0x0652;
}
export const HARAKAT = '\u064B-\u0652';

/**
 * Every mark written on a letter of a word (U+064B–U+065F and superscript alef U+0670): the
 * harakat plus maddah, hamza above and below and the rarer vowel signs. A word without them is
 * its bare form (what the lexicon, the evidence and the word hash see).
 */
export function isWordMarkCode(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670;
}
export const WORD_MARKS = '\u064B-\u065F\u0670';

/**
 * The word marks, U+0610–U+061A and all of U+06D6–U+06ED as spans (a regex class body): what a name and a search query drop before they
 * are matched (site/names.ts, the search page). Wider than isArabicMarkCode: also the end of ayah, rub el hizb, small waw and yeh and
 * sajdah signs inside U+06D6–U+06ED.
 */
export const MARK_SPANS = `\u0610-\u061A${WORD_MARKS}\u06D6-\u06ED`;

/** The letters of Arabic proper: hamza … ghain and feh … yeh (U+0621–U+063A, U+0641–U+064A). */
export function isBasicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a);
}
export const BASIC_LETTERS = '\u0621-\u063A\u0641-\u064A';

/** Alef wasla … yeh barree (U+0671–U+06D3): the letters other languages (and the Quran) add. */
export function isExtendedLetterCode(c: number): boolean {
  return c >= 0x0671 && c <= 0x06d3;
}
export const EXTENDED_LETTERS = '\u0671-\u06D3';

/** The basic letters and U+066E–U+06D3 (dotless beh and qaf, superscript alef, the extended letters): HAS_ARABIC_LETTER's class. */
export function isTextLetterCode(c: number): boolean {
  return isBasicLetterCode(c) || (c >= 0x066e && c <= 0x06d3);
}
export const TEXT_LETTERS = `${BASIC_LETTERS}\u066E-\u06D3`;

/** Hamza … yeh as one span (U+0621–U+064A: tatweel and five unassigned points inside). */
export function inLetterSpan(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}
export const LETTER_SPAN = '\u0621-\u064A';

export const isArabicLetter = (ch: string): boolean => isArabicLetterCode(ch.charCodeAt(0));
export const isArabicMark = (ch: string): boolean => isArabicMarkCode(ch.charCodeAt(0));

/** Any Arabic letter anywhere in the string: text without one is left alone by the normalizer. */
export const HAS_ARABIC_LETTER = new RegExp(`[${TEXT_LETTERS}]`);

/** Letters that only ever end a word (teh marbuta, alef maksura): a piece that starts with one is a broken word. */
export const WORD_FINAL_ONLY = new Set(['\u0629', '\u0649']);

/** Hamza seats that never begin an Arabic word. */
export const NEVER_WORD_INITIAL = new Set(['\u0629', '\u0649', '\u0624', '\u0626']);

const ANY_WORD_MARK = new RegExp(`[${WORD_MARKS}]`, 'g');
/** Strip every word mark (for lookups in an undiacritized lexicon; never applied to displayed text). */
export function stripHarakat(s: string): string {
  return s.replace(ANY_WORD_MARK, '');
}
