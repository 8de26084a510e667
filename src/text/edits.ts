/**
 * Edits and the change log: every rule returns the edits it wants on its input, `applyEdits` applies them, and `OffsetMap` carries each
 * edit's position back to the original text, so a report points at the line and column an editor sees.
 */

export type RuleName =
  | 'nfc'
  | 'presentation-form'
  | 'tatweel'
  | 'invisible-char'
  | 'persian-letter'
  | 'split-word'
  | 'word-final-mark'
  | 'whitespace'
  | 'quotes'
  | 'punctuation-space'
  | 'arabic-punctuation'
  | 'digits';

export interface Edit {
  /** Start and end (exclusive) in the text the rule was given. */
  start: number;
  end: number;
  replacement: string;
  rule: RuleName;
}

export interface Change {
  /** UTF-16 offset in the original text. */
  offset: number;
  before: string;
  after: string;
  rule: RuleName;
}

/** Applies non-overlapping edits (any order) and returns the new text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Maps offsets in the text after a series of edit passes back to the original text.
 * Each pass is stored as its sorted edits; mapping walks the passes from the newest back.
 */
export class OffsetMap {
  private readonly passes: Array<Array<{ start: number; newEnd: number; delta: number }>> = [];

  push(edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let shift = 0;
    const pass = sorted.map((e) => {
      const start = e.start + shift; // start in the new text
      const delta = e.replacement.length - (e.end - e.start);
      shift += delta;
      return { start, newEnd: start + e.replacement.length, delta };
    });
    this.passes.push(pass);
  }

  /**
   * Original offsets of positions in the text as it stands after all passes. `offsets` must be
   * ascending; mapping keeps them so, which lets each pass be walked once for all of them
   * (linear, where mapping one offset at a time would be quadratic on heavily damaged text).
   */
  toOriginalMany(offsets: readonly number[]): number[] {
    let current = [...offsets];
    for (let p = this.passes.length - 1; p >= 0; p--) {
      const pass = this.passes[p]!;
      let e = 0;
      let back = 0;
      current = current.map((pos) => {
        while (e < pass.length) {
          const edit = pass[e]!;
          const isDeletion = edit.newEnd === edit.start;
          if (isDeletion ? edit.start <= pos : edit.newEnd <= pos) {
            back += edit.delta;
            e++;
            continue;
          }
          if (!isDeletion && edit.start < pos) return edit.start - back; // inside a replacement
          break;
        }
        return pos - back;
      });
    }
    return current;
  }

  toOriginal(offset: number): number {
    return this.toOriginalMany([offset])[0]!;
  }

  get depth(): number {
    return this.passes.length;
  }
}
