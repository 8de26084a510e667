/**
 * Split-word repair: rejoins words whose harakat became spaces (تكب دت → تكبّدت), marks restored, only when the joined form is a word
 * (site evidence or lexicon, not the lexicon alone) and the pieces cannot be two words; never across punctuation, quotes, digits or lines.
 */
import type { Edit } from '../edits.ts';
import type { Doubt, NormalizeOptions } from '../options.ts';
import { keepOutside, linesWithHarakat } from '../protected.ts';
import { Context } from './split-context.ts';
import { forEachWindow, nbspTyped, nbspWordEnds, showsDamage, SPACE_BEFORE_PUNCTUATION, typedWordEnds } from './split-scan.ts';
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

/**
 * The repair's edits that read a line's spaces as lost marks, dropped where the line shows them typed. The damage turns a word's
 * last mark into NO-BREAK SPACE and a space in turn, so of two word ends that lost a mark one holds a NO-BREAK SPACE and the other
 * plain spaces. A line without NO-BREAK SPACE and two or more word ends that could hold a mark (those read, spaces before
 * punctuation: قال الرئيس  إن الحكومة  ستعلن، للبلاد ، في) shows a writer's double spaces: its plain word-final marks go. A line
 * with two NO-BREAK SPACEs after words and no plain double space nor space before punctuation shows an editor's NO-BREAK SPACEs (a
 * browser editor saves a typed double space as NO-BREAK SPACE and space): the marks read at them go. In a
 * document that shows no damage (showsDamage) every such space is typed.
 */
function withoutTypedSpaces(edits: Edit[], text: string, damaged: boolean): Edit[] {
  const finalAt = (e: Edit) =>
    e.rule === 'word-final-mark' ? (/^[ ]*\u00A0/.test(text.slice(e.end, e.end + 3)) ? 'nbsp' : 'plain') : undefined;
  if (!damaged) return edits.filter((e) => !finalAt(e));
  const typed = typedWordEnds(text);
  if (typed.size) edits = edits.filter((e) => finalAt(e) !== 'plain' || !typed.has(e.end));
  const spaced = edits.filter((e) => finalAt(e)).sort((a, b) => a.start - b.start);
  if (spaced.length === 0) return edits;
  const dropped = new Set<Edit>();
  for (let k = 0; k < spaced.length;) {
    const lineStart = text.lastIndexOf('\n', spaced[k]!.start - 1) + 1;
    let lineEnd = text.indexOf('\n', spaced[k]!.start);
    if (lineEnd === -1) lineEnd = text.length;
    let n = k;
    while (n < spaced.length && spaced[n]!.start <= lineEnd) n++;
    const inLine = spaced.slice(k, n);
    k = n;
    const line = text.slice(lineStart, lineEnd);
    const beforePunctuation = [...line.matchAll(SPACE_BEFORE_PUNCTUATION)].map((m) => lineStart + m.index);
    if (nbspWordEnds(line) === 0) {
      const ends = new Set([...inLine.filter((e) => finalAt(e) === 'plain').map((e) => e.end), ...beforePunctuation]);
      if (ends.size >= 2) for (const e of inLine) if (finalAt(e) === 'plain') dropped.add(e);
    } else if (nbspTyped(line)) {
      for (const e of inLine) if (finalAt(e) === 'nbsp') dropped.add(e);
    }
  }
  return dropped.size ? edits.filter((e) => !dropped.has(e)) : edits;
}

export { showsDamage };
