/**
 * Damages clean Arabic text exactly like ../shared/tools/corrupt.mjs (each haraka a space; at a word's end NO-BREAK SPACE and space in
 * turn) and records every damage gap with the marks it replaced: the gold standard for measuring the repair.
 */
const MARK = /[\u064B-\u0652]/u;
const LETTER = /\p{L}/u;

export interface DamageGap {
  /** Offset in the damaged text of the gap's first character. */
  offset: number;
  length: number;
  /** The marks the gap replaced, in order. */
  marks: string;
  /** True when a letter follows (a split word); false at a word's end. */
  midWord: boolean;
}

export function damage(clean: string): { text: string; gaps: DamageGap[] } {
  const chars = [...clean.normalize('NFC')];
  let wordEnds = 0;
  let out = '';
  const gaps: DamageGap[] = [];
  let open: DamageGap | undefined;
  chars.forEach((ch, i) => {
    if (!MARK.test(ch)) {
      open = undefined;
      out += ch;
      return;
    }
    const next = chars[i + 1] ?? ' ';
    let rep: string;
    let mid: boolean;
    if (LETTER.test(next) || MARK.test(next)) {
      rep = ' ';
      mid = true;
    } else {
      wordEnds += 1;
      rep = wordEnds % 2 ? '\u00A0' : ' ';
      mid = false;
    }
    if (!open) {
      open = { offset: out.length, length: 0, marks: '', midWord: mid };
      gaps.push(open);
    }
    open.length += rep.length;
    open.marks += ch;
    open.midWord = mid; // the last mark decides: a letter follows or not
    out += rep;
  });
  return { text: out, gaps };
}
