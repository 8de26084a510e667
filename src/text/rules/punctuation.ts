/**
 * Spacing around punctuation, and ASCII , ; ? typed between Arabic words. Every pattern needs an
 * Arabic letter on the side that matters, so numbers (3.5, 10:30), URLs and Latin runs are never
 * touched.
 */
import type { Edit } from '../edits.ts';

const isArabicLetter = (c: number) => (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
const isMark = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670;

/** Is the character before `at` (skipping harakat, and spaces when asked) an Arabic letter? */
function arabicBefore(text: string, at: number, skipSpaces = false): boolean {
  let i = at - 1;
  if (skipSpaces) while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) i--;
  while (i >= 0 && isMark(text.charCodeAt(i))) i--;
  return i >= 0 && isArabicLetter(text.charCodeAt(i));
}

// Patterns find the few places worth a look; the Arabic-letter condition is checked by hand
// (a variable-length lookbehind would be tried at every position of the text).
// A space right before a mark: far rarer than the marks themselves (one sentence in a hundred
// against every sentence), so the search allocates a match only where there is work.
const SPACE_BEFORE_PUNCTUATION = /[ \u00A0][،؛؟.:!,;?]/g;
const GLUED_AFTER = /[،؛؟!.:](?=[\u0621-\u063A\u0641-\u064A\u066E-\u06D3])/g;
const ASCII_PUNCT = /[,;?](?=[ \u00A0]*(?:[\u0621-\u063A\u0641-\u064A\u066E-\u06D3]|$|[«»"“”)\]]))/gm;

const ARABIC_OF: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

export function punctuationSpaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Spaces before a mark: found where the last of them touches it, then the run looked back over.
  for (const m of text.matchAll(SPACE_BEFORE_PUNCTUATION)) {
    const mark = m.index + 1;
    let start = m.index;
    while (start > 0 && (text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0xa0)) start--;
    if (arabicBefore(text, start)) edits.push({ start, end: mark, replacement: '', rule: 'punctuation-space' });
  }
  for (const m of text.matchAll(GLUED_AFTER)) {
    // The spaces before the mark go in this same pass ("كلمة ،كلمة"), so look past them.
    if (!arabicBefore(text, m.index, true)) continue;
    // After . and : only before a word of two letters or more (not an abbreviation such as ق.م).
    if ((m[0] === '.' || m[0] === ':') && !isArabicLetter(text.charCodeAt(m.index + 2))) continue;
    edits.push({ start: m.index + 1, end: m.index + 1, replacement: ' ', rule: 'punctuation-space' });
  }
  return edits;
}

export function arabicPunctuationEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Arabic copy rarely holds any of the three: a scan for each single character is far cheaper
  // than the pattern's scan, which is made only when one is there.
  if (text.indexOf(',') === -1 && text.indexOf(';') === -1 && text.indexOf('?') === -1) return edits;
  for (const m of text.matchAll(ASCII_PUNCT)) {
    if (arabicBefore(text, m.index, true)) edits.push({ start: m.index, end: m.index + 1, replacement: ARABIC_OF[m[0]]!, rule: 'arabic-punctuation' });
  }
  return edits;
}
