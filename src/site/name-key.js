// The spelling-tolerant key of a foreign name written in Arabic letters: its consonant skeleton, the same however an agency transliterated
// it. Plain JavaScript, one copy for the build (names.ts, search-document.ts) and the search page (served as /assets/name-key.js).
// It drops harakat, tatweel, hamza forms, ى/ي and ة/ه, long vowels after the first letter, a final ه and doubled letters; merges look-alike
// consonants (ج غ گ ڨ ڭ; ك ق ک; ف ڤ; ب پ; ت ط; ز ژ; تش چ ش; final ش as س). A key under three letters is no key.

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Each letter's class, written as the letter that stands for it (the rest stand for themselves). */
const CLASS = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  غ: 'ج',
  گ: 'ج',
  ڨ: 'ج',
  ڭ: 'ج',
  ق: 'ك',
  ک: 'ك',
  ڤ: 'ف',
  ڢ: 'ف',
  پ: 'ب',
  ط: 'ت',
  ژ: 'ز',
  چ: 'ش',
};
const VOWELS = new Set(['ا', 'و', 'ي']);

/** The least a key must hold, in consonants. */
export const MIN_KEY = 3;

/**
 * @param {string} word one word, with or without harakat
 * @returns {string | undefined} its key, or undefined when it has fewer than MIN_KEY consonants
 *   or a character that is not an Arabic letter
 */
export function nameKey(word) {
  const letters = [];
  for (const ch of word.normalize('NFC').replace(MARKS, '').replace(/ء/g, '')) letters.push(CLASS[ch] ?? ch);
  const w = letters.join('').replace(/تش/g, 'ش');
  if (!/^[\u0621-\u064A]+$/.test(w)) return undefined;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (VOWELS.has(c) && i > 0) continue;
    if (out.endsWith(c)) continue;
    out += c;
  }
  if (out.endsWith('ه')) out = out.slice(0, -1);
  if (out.endsWith('ش')) out = `${out.slice(0, -1)}س`;
  return out.length >= MIN_KEY ? out : undefined;
}
