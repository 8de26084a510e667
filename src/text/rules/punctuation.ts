/**
 * Spacing around punctuation, and ASCII , ; ? typed between Arabic words. Every pattern needs an Arabic letter on the side that matters, so
 * numbers (3.5, 10:30), URLs and Latin runs are never touched.
 */
import type { Edit } from '../edits.ts';
import { isTextLetterCode as isArabicLetter, isWordMarkCode as isMark, TEXT_LETTERS } from '../arabic.ts';

/** Is the character before `at` (skipping harakat, and spaces when asked) an Arabic letter? */
function arabicBefore(text: string, at: number, skipSpaces = false): boolean {
  let i = at - 1;
  if (skipSpaces) while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) i--;
  while (i >= 0 && isMark(text.charCodeAt(i))) i--;
  return i >= 0 && isArabicLetter(text.charCodeAt(i));
}

// The marks are found one kind at a time with indexOf (a single-character scan is several times
// faster than a class), and the Arabic-letter conditions are checked by hand around each.
const MARKS = ['،', '؛', '؟', '.', ':', '!', ',', ';', '?'];
/** Marks after which a space goes when an Arabic word is glued to them. */
const SPACE_AFTER = new Set(['،', '؛', '؟', '!', '.', ':']);
const ASCII_PUNCT = new RegExp(`[,;?](?=[ \u00A0]*(?:[${TEXT_LETTERS}]|$|[«»"“”)\\]]))`, 'gm');

const ARABIC_OF: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };

export function punctuationSpaceEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const addresses = addressRanges(text);
  for (const mark of MARKS) {
    const spaceAfter = SPACE_AFTER.has(mark);
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      // A web or e-mail address keeps its dots and colons (https://خدمات.مصر، سالم@شركة.امارات), and a dot that opens a word
      // after a space is a domain's or a file's ending (.شبكة، .docx), not a sentence's end.
      if ((mark === '.' || mark === ':') && (inRanges(addresses, at) || (mark === '.' && dotOpensWord(text, at)))) continue;
      // Spaces before the mark, after an Arabic word: removed, unless the mark opens an ellipsis that stands free between
      // words ("تعرفني ... والسيف": the break between a verse's halves, or words left out of a quote).
      let start = at;
      while (start > 0 && (text.charCodeAt(start - 1) === 0x20 || text.charCodeAt(start - 1) === 0xa0)) start--;
      if (start < at && arabicBefore(text, start) && !(mark === '.' && freeEllipsisAt(text, at)))
        edits.push({ start, end: at, replacement: '', rule: 'punctuation-space' });
      // An Arabic word glued after the mark gets a space. The spaces before the mark go in this
      // same pass ("كلمة ،كلمة"), so look past them.
      if (!spaceAfter || !isArabicLetter(text.charCodeAt(at + 1)) || !arabicBefore(text, at, true)) continue;
      // After . and : only before a word of two letters or more (not an abbreviation such as ق.م).
      if ((mark === '.' || mark === ':') && !isArabicLetter(text.charCodeAt(at + 2))) continue;
      edits.push({ start: at + 1, end: at + 1, replacement: ' ', rule: 'punctuation-space' });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Where the text's web and e-mail addresses are: runs without spaces that hold :// or @, or begin with www. (in order). */
function addressRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // Each @, :// or www. found, the run of non-spaces around it (a www. only at the run's start), in order and once each.
  for (const m of text.matchAll(/@|:\/\/|www\./gi)) {
    const last = ranges[ranges.length - 1];
    if (last && m.index < last[1]) continue;
    if (m[0].length === 4 && m.index > 0 && !/\s/.test(text[m.index - 1]!)) continue;
    let start = m.index;
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    ranges.push([start, end]);
  }
  return ranges;
}

/** Is `at` inside one of the ranges (sorted, apart)? */
function inRanges(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (at < a) hi = mid - 1;
    else if (at >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Does the dot at `at` open a domain's or a file's ending after a space or و (.pdf، .شبكة، و.موقع): Latin letters, or an Arabic
 * generic top-level domain? (A dot typed before the next sentence's first word, الوزير .وأضاف, is mended.)
 */
function dotOpensWord(text: string, at: number): boolean {
  let k = at - 1;
  if (text[k] === 'و') k--;
  if (text[k] !== ' ' && text[k] !== '\u00A0') return false;
  return /^[A-Za-z]/.test(text.charAt(at + 1)) || ARABIC_DOMAIN.test(text.slice(at + 1, at + 12));
}
/** Arabic generic top-level domains (not a country's, which a sentence may begin with: الوفد .العراق يرفض). */
const ARABIC_DOMAIN = new RegExp(`^(?:شبكة|موقع|عرب|كوم)(?![${TEXT_LETTERS}])`);

/** Do two dots or more start at `at`, with a space after them (an ellipsis standing free between words)? */
export function freeEllipsisAt(text: string, at: number): boolean {
  let end = at;
  while (text.charCodeAt(end) === 0x2e) end++;
  const after = text.charCodeAt(end);
  return end - at >= 2 && (after === 0x20 || after === 0xa0);
}

export function arabicPunctuationEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Arabic copy rarely holds any of the three: a scan for each single character is far cheaper
  // than the pattern's scan, which is made only when one is there.
  if (text.indexOf(',') === -1 && text.indexOf(';') === -1 && text.indexOf('?') === -1) return edits;
  for (const m of text.matchAll(ASCII_PUNCT)) {
    if (arabicBefore(text, m.index, true))
      edits.push({ start: m.index, end: m.index + 1, replacement: ARABIC_OF[m[0]]!, rule: 'arabic-punctuation' });
  }
  return edits;
}
