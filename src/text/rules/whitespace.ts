/**
 * Space debris left by lost diacritics and pasting: NO-BREAK SPACE beside a space, runs of spaces, spaces at a line's end. Only on lines
 * with Arabic letters, and never a lone NBSP between two words (an editor may have put it there to keep them together).
 */
import type { Edit } from '../edits.ts';
import { HAS_ARABIC_LETTER } from '../arabic.ts';

/**
 * `fragment`: the text is one Markdown text node among others, so its last line does not end a
 * line: a space there separates it from the next node and is kept (runs become one space).
 */
export function whitespaceEdits(text: string, fragment = false): Edit[] {
  const edits: Edit[] = [];
  // One pass over the whole text; the Arabic test is made only for lines that have debris.
  const arabicLine = lineTester(text);
  // Most text has no debris at all: two cheap searches decide whether the scans are needed.
  const debris = text.includes('  ') || text.includes('\u00A0');
  const trailing = debris || text.includes('\t') || text.endsWith(' ') || spaceBeforeNewline(text);
  if (!trailing) return edits;
  if (debris)
    for (const m of text.matchAll(INNER)) {
      const end = m.index + m[0].length;
      if (m[0] === '\u00A0' || !nonSpace(text, m.index - 1) || !nonSpace(text, end) || !arabicLine(m.index)) continue;
      edits.push({ start: m.index, end, replacement: ' ', rule: 'whitespace' });
    }
  for (const m of text.matchAll(TRAILING)) {
    if (!nonSpace(text, m.index - 1) || !arabicLine(m.index)) continue;
    const atEnd = m.index + m[0].length === text.length;
    const keep = fragment && atEnd ? ' ' : '';
    if (m[0] !== keep) edits.push({ start: m.index, end: m.index + m[0].length, replacement: keep, rule: 'whitespace' });
  }
  return edits;
}

/**
 * Inner runs: two or more of space/NBSP, or NBSP touching a space, between two non-space
 * characters (leading indentation stays). The patterns find whole runs; the characters around
 * them are checked by hand, since a lookbehind would be tried at every position of the text.
 */
const INNER = /[ \u00A0]{2,}|\u00A0/g;
const TRAILING = /[ \u00A0\t]+$/gm;

/** Does a line end in a space? (Read at each newline: a search for " \n" stops at every space.) */
function spaceBeforeNewline(text: string): boolean {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) === 0x20) return true;
  return false;
}

/** Is there a character at `i`, and is it no whitespace? */
function nonSpace(text: string, i: number): boolean {
  return i >= 0 && i < text.length && !/\s/.test(text[i]!);
}

/** Does the line holding this offset contain an Arabic letter? (Memoized per line start.) */
function lineTester(text: string): (offset: number) => boolean {
  const memo = new Map<number, boolean>();
  return (offset) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    let known = memo.get(start);
    if (known === undefined) {
      let end = text.indexOf('\n', offset);
      if (end === -1) end = text.length;
      known = HAS_ARABIC_LETTER.test(text.slice(start, end));
      memo.set(start, known);
    }
    return known;
  };
}
