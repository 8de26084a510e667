/**
 * Edits and the change log. Every normalization rule returns the edits it wants on its input;
 * `applyEdits` applies them and `OffsetMap` carries each edit's position back to the original
 * text, so a report can point at the line and column an editor sees in their file.
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

  /** Original offset of a position in the text as it stood after `depth` passes (default: all). */
  toOriginal(offset: number, depth = this.passes.length): number {
    let pos = offset;
    for (let p = depth - 1; p >= 0; p--) {
      const pass = this.passes[p]!;
      let back = 0;
      for (const e of pass) {
        if (e.newEnd <= pos && e.newEnd !== e.start) {
          back += e.delta;
          continue;
        }
        if (e.newEnd === e.start && e.start < pos) {
          back += e.delta; // a pure deletion before the position
          continue;
        }
        if (e.start < pos) pos = e.start; // inside a replacement: point at its start
        break;
      }
      pos -= back;
    }
    return pos;
  }

  get depth(): number {
    return this.passes.length;
  }
}
