/**
 * Split-word repair: rejoins words whose harakat became spaces (تكب دت → تكبّدت), marks restored, only when the joined form is a word
 * (site evidence or lexicon, not the lexicon alone) and the pieces cannot be two words; never across punctuation, quotes, digits or lines.
 */
import type { Edit } from '../edits.ts';
import type { Doubt, NormalizeOptions } from '../options.ts';
import { LETTER_SPAN } from '../arabic.ts';
import { keepOutside, linesWithHarakat } from '../protected.ts';
import { Context } from './split-context.ts';
import { forEachWindow } from './split-scan.ts';
import { repairChain } from './split-rules.ts';

export function splitWordEdits(text: string, options: NormalizeOptions, doubts: Doubt[] = []): Edit[] {
  return editsOf(text, options, doubts, false);
}

/**
 * splitWordEdits with every gap between two words looked at and no window passed over (the
 * scan's fast path off). The same edits and doubts by design; for the test that checks it.
 */
export function splitWordEditsEveryGap(text: string, options: NormalizeOptions, doubts: Doubt[] = []): Edit[] {
  return editsOf(text, options, doubts, true);
}

function editsOf(text: string, options: NormalizeOptions, doubts: Doubt[], everyGap: boolean): Edit[] {
  const edits: Edit[] = [];
  const found: Doubt[] = [];
  const ctx = new Context(options, options.damaged ?? showsDamage(text));
  forEachWindow(text, (chain, atChainEnd) => repairChain(text, chain, ctx, edits, atChainEnd, found), ctx, everyGap);
  // A line that kept a haraka lost none: the damage turns every one into a space.
  const marked = linesWithHarakat(text);
  for (const d of found) if (!marked.some((r) => d.offset >= r.start && d.offset <= r.end)) doubts.push(d);
  return keepOutside(edits, marked);
}

/**
 * Does the text bear the marks of lost harakat that clean text never shows: a piece that starts
 * with a letter no word starts with (مد ة، يتول ى), a lone alef after a word (سرب ا), or NO-BREAK
 * SPACE before a space? Joins of two pieces that are both words need this before they are made.
 */
export function showsDamage(text: string): boolean {
  return DAMAGE_SIGNS.test(text);
}
const A = `[${LETTER_SPAN}]`;
const DAMAGE_SIGNS = new RegExp(`${A} [\u0629\u0649\u0624\u0626](?!${A}{3})|${A}{2} \u0627(?!${A}| ${A}(?!${A}))|${A}\u00A0 `);
