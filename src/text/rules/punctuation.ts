/**
 * Spacing around punctuation, and ASCII , ; ? typed between Arabic words. Every pattern needs an
 * Arabic letter on the side that matters, so numbers (3.5, 10:30), URLs and Latin runs are never
 * touched.
 */
import type { Edit } from '../edits.ts';

const AR = '\\u0621-\\u063A\\u0641-\\u064A\\u066E-\\u06D3';
const MARK = '\\u064B-\\u065F\\u0670';

// A space or NBSP run between an Arabic letter (with its marks) and a following mark of punctuation.
const SPACE_BEFORE = new RegExp(`(?<=[${AR}][${MARK}]*)[ \\u00A0]+(?=[،؛؟.:!,;?])`, 'g');
// Arabic punctuation glued to the next Arabic word.
const NO_SPACE_AFTER = new RegExp(`(?<=[${AR}][${MARK}]*[،؛؟!])(?=[${AR}])|(?<=[${AR}][${MARK}]*[.:])(?=[${AR}]{2})`, 'g');
// ASCII comma, semicolon, question mark after an Arabic word, before an Arabic word, a space or the end.
const ASCII_PUNCT = new RegExp(`(?<=[${AR}][${MARK}]*)[,;?](?=[ \\u00A0]*(?:[${AR}]|$|[«»"“”)\\]]))`, 'gm');

const ARABIC_OF: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

export function punctuationSpaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(SPACE_BEFORE)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: '', rule: 'punctuation-space' });
  }
  for (const m of text.matchAll(NO_SPACE_AFTER)) {
    edits.push({ start: m.index, end: m.index, replacement: ' ', rule: 'punctuation-space' });
  }
  return edits;
}

export function arabicPunctuationEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(ASCII_PUNCT)) {
    edits.push({ start: m.index, end: m.index + 1, replacement: ARABIC_OF[m[0]]!, rule: 'arabic-punctuation' });
  }
  return edits;
}
