/**
 * remark plugin: runs the Arabic normalizer on every text node of the Markdown tree, never on
 * code, inline code, raw HTML or URLs (those are other node types or attributes). Quotation marks
 * are paired per block across its text nodes, so “**bold** quote” pairs correctly.
 */
import type { Root, Text, Parent, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { normalize, type Doubt, type NormalizeOptions } from '../text/normalize.ts';
import { pairQuotes, QUOTE_MARKS } from '../text/rules/quotes.ts';
import { HAS_ARABIC_LETTER } from '../text/arabic.ts';
import type { Change } from '../text/edits.ts';

export interface RemarkNormalizeOptions extends Partial<NormalizeOptions> {
  /** Receives every change made, with the line and column in the Markdown source. */
  onChange?: ((change: Change & { line: number; column: number }) => void) | undefined;
  /** Receives every gap the repair declined that could be a lost mark (normalize's doubts). */
  onDoubt?: ((doubt: Doubt) => void) | undefined;
  /** When given and false, changes are not reported (their positions are not computed). */
  wantsChanges?: (() => boolean) | undefined;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const remarkNormalizeArabic: Plugin<[RemarkNormalizeOptions?], Root> = (options = {}) => {
  const { onChange: report, onDoubt, wantsChanges, ...normalizeOptions } = options;
  const quoteStyle = normalizeOptions.quotes ?? 'guillemets';
  // One options object for every text node (quotes are paired per block below, not per node).
  const nodeOptions: Partial<NormalizeOptions> = { ...normalizeOptions, quotes: 'keep', fragment: true };
  return (tree) => {
    const onChange = report && (wantsChanges?.() ?? true) ? report : undefined;
    walk(tree);
    function walk(node: Root | RootContent): void {
      if (BLOCKS.has(node.type)) {
        normalizeBlock(node as Parent);
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child);
    }
    function normalizeBlock(block: Parent): void {
      const texts: Text[] = [];
      collectTexts(block, texts);
      for (const t of texts) {
        const { text, changes, doubts } = normalize(t.value, nodeOptions);
        if (onDoubt) for (const d of doubts) onDoubt(d);
        if (onChange && t.position) {
          const at = positionsIn(t);
          for (const c of changes) onChange({ ...c, ...at(c.offset) });
        }
        t.value = text;
      }
      // Quotes: one pass over the block's text nodes, as if they were one string.
      if (quoteStyle === 'keep' || !texts.some((t) => HAS_ARABIC_LETTER.test(t.value))) return;
      const joined = texts.map((t) => t.value).join('\u0000');
      const positions = [...joined.matchAll(QUOTE_MARKS)].map((m) => m.index);
      const edits = pairQuotes(joined, positions, quoteStyle);
      if (edits.length === 0) return;
      const starts: number[] = [];
      let at = 0;
      for (const t of texts) {
        starts.push(at);
        at += t.value.length + 1;
      }
      const values = texts.map((t) => t.value.split('')); // UTF-16 units, like the offsets
      const cursors = new Map<Text, (offset: number) => { line: number; column: number }>();
      const cursorOf = (t: Text) => {
        let c = cursors.get(t);
        if (!c) cursors.set(t, (c = positionsIn(t)));
        return c;
      };
      for (const e of edits) {
        let i = starts.length - 1;
        while (starts[i]! > e.start) i--;
        const local = e.start - starts[i]!;
        values[i]![local] = e.replacement; // quote marks are single UTF-16 units
        if (onChange && texts[i]!.position) onChange({ offset: local, before: joined[e.start]!, after: e.replacement, rule: 'quotes', ...cursorOf(texts[i]!)(local) });
      }
      texts.forEach((t, i) => (t.value = values[i]!.join('')));
    }
  };
};

function collectTexts(node: Parent, out: Text[]): void {
  for (const child of node.children) {
    if (child.type === 'text') out.push(child);
    else if ('children' in child && (child.type as string) !== 'code') collectTexts(child as Parent, out);
  }
}

/**
 * Line and column in the source of offsets into a text node (exact when the node is unescaped
 * text). Offsets asked in increasing order cost linear time in total (one forward scan), so an
 * article with thousands of repairs in one long line does not cost quadratic time.
 */
function positionsIn(node: Text): (offset: number) => { line: number; column: number } {
  const start = node.position!.start;
  const value = node.value;
  let at = 0;
  let line = start.line;
  let column = start.column; // column of the code point at `at`
  return (offset: number) => {
    if (offset < at) {
      at = 0;
      line = start.line;
      column = start.column;
    }
    for (; at < offset && at < value.length; at++) {
      const code = value.charCodeAt(at);
      if (code === 10) {
        line++;
        column = 1;
      } else if (code < 0xdc00 || code > 0xdfff) column++; // a low surrogate belongs to the code point before it
    }
    return { line, column };
  };
}

export default remarkNormalizeArabic;
