/**
 * The Markdown text the normalizer reads, for the build and `warraq lint` alike: each prose block (paragraph, heading, table cell) with its
 * text nodes in order (never code, raw HTML or URLs), and quotation marks paired across a block's text nodes as if one string.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import { pairQuotes, QUOTE_MARKS, type QuoteStyle } from '../text/rules/quotes.ts';
import { HAS_ARABIC_LETTER } from '../text/arabic.ts';

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Calls `visit` with the text nodes of each prose block of the tree, in document order. */
export function forEachTextBlock(tree: Root, visit: (texts: Text[]) => void): void {
  const walk = (node: Root | RootContent): void => {
    if (BLOCKS.has(node.type)) {
      const texts: Text[] = [];
      collectTexts(node as Parent, texts);
      visit(texts);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}

function collectTexts(node: Parent, out: Text[]): void {
  for (const child of node.children) {
    if (child.type === 'text') out.push(child);
    else if ('children' in child && (child.type as string) !== 'code') collectTexts(child as Parent, out);
  }
}

/** A quotation mark to replace: in the block's text node `node`, at UTF-16 offset `at`. */
export interface BlockQuoteEdit {
  node: number;
  at: number;
  to: string;
}

/**
 * The quotation marks to restyle in a block whose text nodes hold `values`, paired across the
 * nodes; none when the style is 'keep' or the block has no Arabic letter.
 */
export function pairBlockQuotes(values: readonly string[], style: QuoteStyle): BlockQuoteEdit[] {
  if (style === 'keep' || !values.some((v) => HAS_ARABIC_LETTER.test(v))) return [];
  const joined = values.join('\u0000');
  const positions = [...joined.matchAll(QUOTE_MARKS)].map((m) => m.index);
  const edits = pairQuotes(joined, positions, style);
  if (edits.length === 0) return [];
  const starts: number[] = [];
  let at = 0;
  for (const v of values) {
    starts.push(at);
    at += v.length + 1;
  }
  return edits.map((e) => {
    let i = starts.length - 1;
    while (starts[i]! > e.start) i--;
    return { node: i, at: e.start - starts[i]!, to: e.replacement };
  });
}
