/**
 * Split-word repair: rejoins words whose harakat became spaces (تكب دت → تكبّدت), marks restored, only when the joined form is a word
 * (site evidence or lexicon, not the lexicon alone) and the pieces cannot be two words; never across punctuation, quotes, digits or lines.
 */
import type { Edit } from '../edits.ts';
import type { Doubt, NormalizeOptions } from '../options.ts';
import { keepOutside, linesWithHarakat } from '../protected.ts';
import { Context } from './split-context.ts';
import { forEachWindow, showsDamage } from './split-scan.ts';
import { withoutTypedSpaces } from './typed-spaces.ts';
import { repairChain, splitsInLine } from './split-rules.ts';

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
  return withoutTypedSpaces(keepOutside(edits, marked), text, ctx.damaged);
}

export { showsDamage };

/** Does a line of the text show the damage itself (split-rules.ts lineShowsSplits): what a block gives its pieces (normalizePieces)? */
export function showsSplits(text: string, options: NormalizeOptions): boolean {
  const ctx = new Context(options, true);
  return text.split('\n').some((line) => splitsInLine(line, ctx));
}
