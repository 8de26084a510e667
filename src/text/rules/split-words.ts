/**
 * Split-word repair: rejoins words whose harakat became spaces (تكب دت → تكبّدت), marks restored, only when the joined form is a word
 * (site evidence or lexicon, not the lexicon alone) and the pieces cannot be two words; never across punctuation, quotes, digits or lines.
 */
import type { Edit } from '../edits.ts';
import type { Doubt, NormalizeOptions } from '../options.ts';
import { keepOutside, linesWithHarakat } from '../protected.ts';
import { Context } from './split-context.ts';
import { forEachWindow, showsDamage } from './split-scan.ts';
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
  return withoutTypedSpaces(keepOutside(edits, marked), text, ctx.damaged);
}

/** A plain space between a word and punctuation: a lost mark's place in damaged copy, a writer's habit in clean text. */
const SPACE_BEFORE_PUNCTUATION = /(?<=[\u0621-\u064A]) (?=[.,،؛:!?؟])/g;

/**
 * The word-final marks read from a line's plain spaces, dropped where the line shows them typed: no NO-BREAK SPACE in the line and
 * two or more word ends that could hold a mark (those read, spaces before punctuation: قال الرئيس  إن الحكومة  ستعلن، للبلاد ، في).
 * The damage turns a word's last mark into NO-BREAK SPACE and a space in turn, so two word ends that lost a mark always hold one; a
 * writer's double spaces and spaces before a comma never do.
 */
function withoutTypedSpaces(edits: Edit[], text: string, damaged: boolean): Edit[] {
  const plainEnd = (e: Edit) => e.rule === 'word-final-mark' && !/^[ ]*\u00A0/.test(text.slice(e.end, e.end + 3));
  // (In a document that shows no damage, every such space is typed.)
  if (!damaged) return edits.filter((e) => !plainEnd(e));
  const plain = edits.filter(plainEnd).sort((a, b) => a.start - b.start);
  if (plain.length === 0) return edits;
  const dropped = new Set<Edit>();
  for (let k = 0; k < plain.length;) {
    const lineStart = text.lastIndexOf('\n', plain[k]!.start - 1) + 1;
    let lineEnd = text.indexOf('\n', plain[k]!.start);
    if (lineEnd === -1) lineEnd = text.length;
    let n = k;
    while (n < plain.length && plain[n]!.start <= lineEnd) n++;
    const line = text.slice(lineStart, lineEnd);
    if (!line.includes('\u00A0')) {
      // The word ends: those the marks were read at, and every plain space between a word and punctuation.
      const ends = new Set(plain.slice(k, n).map((e) => e.end));
      for (const m of line.matchAll(SPACE_BEFORE_PUNCTUATION)) ends.add(lineStart + m.index);
      if (ends.size >= 2) for (let m = k; m < n; m++) dropped.add(plain[m]!);
    }
    k = n;
  }
  return dropped.size ? edits.filter((e) => !dropped.has(e)) : edits;
}

export { showsDamage };
