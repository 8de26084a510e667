/**
 * Double quotation marks paired by position and written in one style: the n-th mark of a paragraph opens when n is odd, closes when even
 * (a wire glyph's direction means nothing); a paragraph with an odd number of marks is left alone.
 */
import type { Edit } from '../edits.ts';

export type QuoteStyle = 'guillemets' | 'curly' | 'keep';

const MARKS = /["“”„‟«»]/g;
const STYLE: Record<Exclude<QuoteStyle, 'keep'>, [string, string]> = {
  guillemets: ['«', '»'],
  curly: ['“', '”'],
};

/**
 * `text` is one paragraph (or several, split on newlines). A paragraph rendered from several
 * Markdown text nodes is handled by the caller passing the nodes' marks through `pairQuotes`.
 */
export function quoteEdits(text: string, style: QuoteStyle): Edit[] {
  if (style === 'keep') return [];
  const edits: Edit[] = [];
  // One search over the whole text; marks are grouped by paragraph as they come.
  let group: number[] = [];
  let groupEnd = -1; // offset of the newline that ends the current group's paragraph
  let code: Range[] = [];
  let codeAt = 0;
  for (const m of text.matchAll(MARKS)) {
    if (m.index > groupEnd) {
      edits.push(...pairQuotes(text, group, style));
      group = [];
      const groupStart = text.lastIndexOf('\n', m.index) + 1;
      groupEnd = text.indexOf('\n', m.index);
      if (groupEnd === -1) groupEnd = text.length;
      code = codeSpans(text, groupStart, groupEnd);
      codeAt = 0;
    }
    // (Not a mark of code: between backticks, or a paragraph's markup or data: lang="ar"، {"title": …}.)
    while (codeAt < code.length && code[codeAt]!.end <= m.index) codeAt++;
    if (codeAt < code.length && code[codeAt]!.start <= m.index) continue;
    group.push(m.index);
  }
  edits.push(...pairQuotes(text, group, style));
  return edits;
}

interface Range {
  start: number;
  end: number;
}

/**
 * The stretches of paragraph text[start, end) whose quotation marks are code's, not prose's, in order: between two backticks
 * (`x = "y"`), or the whole paragraph when a mark follows = { or [ (an attribute, JSON data).
 */
function codeSpans(text: string, start: number, end: number): Range[] {
  const paragraph = text.slice(start, end);
  if (/[={[]\s*"/.test(paragraph)) return [{ start, end }];
  const spans: Range[] = [];
  for (const m of paragraph.matchAll(/`[^`]*`/g)) spans.push({ start: start + m.index, end: start + m.index + m[0].length });
  return spans;
}

/** Given the offsets of the marks of one paragraph in `text`, the edits that pair them. */
export function pairQuotes(text: string, positions: readonly number[], style: QuoteStyle): Edit[] {
  if (style === 'keep' || positions.length === 0 || positions.length % 2 !== 0) return [];
  const [open, close] = STYLE[style];
  const edits: Edit[] = [];
  positions.forEach((pos, i) => {
    const want = i % 2 === 0 ? open : close;
    if (text[pos] !== want) edits.push({ start: pos, end: pos + 1, replacement: want, rule: 'quotes' });
  });
  return edits;
}

export const QUOTE_MARKS = MARKS;
