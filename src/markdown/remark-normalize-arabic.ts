/**
 * remark plugin: runs the Arabic normalizer on every text node of the Markdown tree, never on
 * code, inline code, raw HTML or URLs (those are other node types or attributes). Quotation marks
 * are paired per block across its text nodes, so “**bold** quote” pairs correctly.
 */
import type { Root, Text, Parent, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { normalize, type NormalizeOptions } from '../text/normalize.ts';
import { pairQuotes, QUOTE_MARKS } from '../text/rules/quotes.ts';
import { HAS_ARABIC_LETTER } from '../text/arabic.ts';
import type { Change } from '../text/edits.ts';

export interface RemarkNormalizeOptions extends Partial<NormalizeOptions> {
  /** Receives every change made, with the line and column in the Markdown source. */
  onChange?: ((change: Change & { line: number; column: number }) => void) | undefined;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const remarkNormalizeArabic: Plugin<[RemarkNormalizeOptions?], Root> = (options = {}) => {
  const { onChange, ...normalizeOptions } = options;
  const quoteStyle = normalizeOptions.quotes ?? 'guillemets';
  return (tree) => {
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
        const { text, changes } = normalize(t.value, { ...normalizeOptions, quotes: 'keep', fragment: true });
        if (onChange && t.position) for (const c of changes) onChange({ ...c, ...sourcePosition(t, c.offset) });
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
      for (const e of edits) {
        let i = starts.length - 1;
        while (starts[i]! > e.start) i--;
        const local = e.start - starts[i]!;
        values[i]![local] = e.replacement; // quote marks are single UTF-16 units
        if (onChange && texts[i]!.position) onChange({ offset: local, before: joined[e.start]!, after: e.replacement, rule: 'quotes', ...sourcePosition(texts[i]!, local) });
      }
      texts.forEach((t, i) => (t.value = values[i]!.join('')));
    }
  };
};

function collectTexts(node: Parent, out: Text[]): void {
  for (const child of node.children) {
    if (child.type === 'text') out.push(child);
    else if ('children' in child && child.type !== 'code') collectTexts(child as Parent, out);
  }
}

/** Line and column in the source of an offset into a text node (exact when the node is unescaped text). */
function sourcePosition(node: Text, offset: number): { line: number; column: number } {
  const start = node.position!.start;
  const before = node.value.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  if (nl === -1) return { line: start.line, column: start.column + [...before].length };
  return { line: start.line + before.split('\n').length - 1, column: [...before.slice(nl + 1)].length + 1 };
}

export default remarkNormalizeArabic;
