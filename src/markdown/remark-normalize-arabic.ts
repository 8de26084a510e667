/**
 * remark plugin: runs the Arabic normalizer on every text node of the Markdown tree, never on code, inline code, raw HTML or URLs, with
 * quotation marks paired per block across its text nodes (the walk and pairing are text-blocks.ts, shared with `warraq lint`).
 */
import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { normalizePieces, type Doubt, type NormalizeOptions } from '../text/normalize.ts';
import type { Change } from '../text/edits.ts';
import { forEachTextBlock, pairBlockQuotes } from './text-blocks.ts';

export interface RemarkNormalizeOptions extends Partial<NormalizeOptions> {
  /** Receives every change made, with the line and column in the Markdown source. */
  onChange?: ((change: Change & { line: number; column: number }) => void) | undefined;
  /** Receives every gap the repair declined that could be a lost mark (normalize's doubts). */
  onDoubt?: ((doubt: Doubt) => void) | undefined;
  /** When given and false, changes are not reported (their positions are not computed). */
  wantsChanges?: (() => boolean) | undefined;
}

const remarkNormalizeArabic: Plugin<[RemarkNormalizeOptions?], Root> = (options = {}) => {
  const { onChange: report, onDoubt, wantsChanges, ...normalizeOptions } = options;
  const quoteStyle = normalizeOptions.quotes ?? 'guillemets';
  // One options object for every text node (quotes are paired per block below, not per node).
  const nodeOptions: Partial<NormalizeOptions> = { ...normalizeOptions, quotes: 'keep', fragment: true };
  return (tree) => {
    const onChange = report && (wantsChanges?.() ?? true) ? report : undefined;
    // The text nodes are normalized as pieces of one document: the damage's trace runs through the whole article.
    const blocks: Text[][] = [];
    forEachTextBlock(tree, (texts) => blocks.push(texts));
    const results = normalizePieces(
      blocks.flat().map((t) => t.value),
      blocks.flatMap((texts) => texts.map((_, k) => k === 0)),
      nodeOptions,
    );
    let next = 0;
    for (const texts of blocks) {
      for (const t of texts) {
        const { text, changes, doubts } = results[next++]!;
        if (onDoubt) for (const d of doubts) onDoubt(d);
        if (onChange && t.position) {
          const at = positionsIn(t);
          for (const c of changes) onChange({ ...c, ...at(c.offset) });
        }
        t.value = text;
      }
      // Quotes: one pass over the block's text nodes, as if they were one string.
      const edits = pairBlockQuotes(
        texts.map((t) => t.value),
        quoteStyle,
      );
      if (edits.length === 0) continue;
      const values = texts.map((t) => t.value.split('')); // UTF-16 units, like the offsets
      const cursors = new Map<Text, (offset: number) => { line: number; column: number }>();
      const cursorOf = (t: Text) => {
        let c = cursors.get(t);
        if (!c) cursors.set(t, (c = positionsIn(t)));
        return c;
      };
      for (const e of edits) {
        const t = texts[e.node]!;
        const before = t.value[e.at]!;
        values[e.node]![e.at] = e.to; // quote marks are single UTF-16 units
        if (onChange && t.position) onChange({ offset: e.at, before, after: e.to, rule: 'quotes', ...cursorOf(t)(e.at) });
      }
      texts.forEach((t, i) => (t.value = values[i]!.join('')));
    }
  };
};

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
