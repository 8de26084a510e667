/**
 * Character classes of the Arabic script, shared by every text rule.
 * Kept as plain predicates on code points so hot loops avoid regex allocation.
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

/** Arabic letters proper (hamza … yeh) plus the extended letters used by Persian, Urdu and others. */
export function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06fc) || c === 0x06ff;
}

/** Combining marks of the Arabic block: harakat, Quranic annotation marks, superscript alef. */
export function isArabicMarkCode(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e4) || c === 0x06e7 || c === 0x06e8 || (c >= 0x06ea && c <= 0x06ed) || (c >= 0x0610 && c <= 0x061a);
}

export function isHarakaCode(c: number): boolean {
  return c >= 0x064b && c <= 0x0652;
}

export const isArabicLetter = (ch: string): boolean => isArabicLetterCode(ch.charCodeAt(0));
export const isArabicMark = (ch: string): boolean => isArabicMarkCode(ch.charCodeAt(0));

/** Any Arabic letter anywhere in the string: text without one is left alone by the normalizer. */
export const HAS_ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u066E-\u06D3]/;

/** Letters that only ever end a word (teh marbuta, alef maksura): a piece that starts with one is a broken word. */
export const WORD_FINAL_ONLY = new Set(['\u0629', '\u0649']);

/** Hamza seats that never begin an Arabic word. */
export const NEVER_WORD_INITIAL = new Set(['\u0629', '\u0649', '\u0624', '\u0626']);

/** Strip harakat (for lookups in an undiacritized lexicon; never applied to displayed text). */
export function stripHarakat(s: string): string {
  return s.replace(/[\u064B-\u065F\u0670]/g, '');
}
