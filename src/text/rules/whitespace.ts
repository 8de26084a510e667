/**
 * Space debris left by lost diacritics and careless pasting: NO-BREAK SPACE beside a space, runs
 * of spaces between words, spaces at a line's end. Applied only to lines with Arabic letters, and
 * never to a lone NBSP between two words (an editor may have put it there to keep them together).
 */
import type { Edit } from '../edits.ts';
import { HAS_ARABIC_LETTER } from '../arabic.ts';

/**
 * `fragment`: the text is one Markdown text node among others, so its last line does not end a
 * line: a space there separates it from the next node and is kept (runs become one space).
 */
export function whitespaceEdits(text: string, fragment = false): Edit[] {
  const edits: Edit[] = [];
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (HAS_ARABIC_LETTER.test(line)) {
      // Inner runs: two or more of space/NBSP, or NBSP touching a space. Leading indentation stays.
      for (const m of line.matchAll(/(?<=\S)(?: {2,}|[ \u00A0]*\u00A0[ \u00A0]*)(?=\S)/g)) {
        if (m[0] === '\u00A0') continue;
        edits.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, replacement: ' ', rule: 'whitespace' });
      }
      const trail = /(?<=\S)[ \u00A0\t]+$/.exec(line);
      if (trail) {
        const keep = fragment && last ? ' ' : '';
        if (trail[0] !== keep) edits.push({ start: lineStart + trail.index, end: lineStart + line.length, replacement: keep, rule: 'whitespace' });
      }
    }
    lineStart += line.length + 1;
  });
  return edits;
}
