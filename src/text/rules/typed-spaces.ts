/**
 * Writers' and editors' spacing habits told from the damage's trace: a word's lost last mark leaves NO-BREAK SPACE and a space in
 * turn through the whole text, a writer types double spaces and spaces before punctuation, a browser editor saves double spaces as
 * NO-BREAK SPACE and space. withoutTypedSpaces drops the word-final marks the repair read from typed spaces. Pure.
 */
import type { Edit } from '../edits.ts';
import { LETTER_SPAN, MARK_SPANS } from '../arabic.ts';

const A = `[${LETTER_SPAN}]`;

/**
 * The repair's edits that read a line's spaces as lost marks, dropped where the line shows them typed. The damage turns a word's
 * last mark into NO-BREAK SPACE and a space in turn, so of two word ends that lost a mark one holds a NO-BREAK SPACE and the other
 * plain spaces. A line without NO-BREAK SPACE and two or more word ends that could hold a mark (those read, spaces before
 * punctuation: قال الرئيس  إن الحكومة  ستعلن، للبلاد ، في) shows a writer's double spaces: its plain word-final marks go. A line
 * with two NO-BREAK SPACEs after words and no plain double space nor space before punctuation shows an editor's NO-BREAK SPACEs (a
 * browser editor saves a typed double space as NO-BREAK SPACE and space): the marks read at them go. Across lines, two plain
 * spaces before punctuation or double spaces read as marks with no NO-BREAK SPACE between them are typed (typedWordEnds), and so is
 * one of two NO-BREAK SPACEs with no plain word end between them (adjacentNbspWordEnds). In a document that shows no damage
 * (split-scan.ts showsDamage) every such space is typed.
 */
export function withoutTypedSpaces(edits: Edit[], text: string, damaged: boolean): Edit[] {
  const finalAt = (e: Edit) =>
    e.rule === 'word-final-mark' ? (/^[ ]*\u00A0/.test(text.slice(e.end, e.end + 3)) ? 'nbsp' : 'plain') : undefined;
  if (!damaged) return edits.filter((e) => !finalAt(e));
  // Spaces that end in a NO-BREAK SPACE right before a letter are an editor's: the damage leaves one only before a space,
  // punctuation or a line's end (يا ليل␠⍽يا عين).
  edits = edits.filter((e) => !finalAt(e) || !editorsNbspAfter(text, e.end));
  const plainEnds = edits.filter((e) => finalAt(e) === 'plain').map((e) => e.end);
  const nbspRead = edits.some((e) => finalAt(e) === 'nbsp');
  const ends = plainEnds.length || nbspRead ? wordEnds(text) : [];
  if (plainEnds.length) {
    const typed = typedWordEnds(ends, plainEnds);
    if (typed.size) edits = edits.filter((e) => finalAt(e) !== 'plain' || !typed.has(e.end));
  }
  if (nbspRead) {
    const crowded = adjacentNbspWordEnds(ends);
    if (crowded.size) edits = edits.filter((e) => finalAt(e) !== 'nbsp' || !crowded.has(e.end));
  }
  const spaced = edits.filter((e) => finalAt(e)).sort((a, b) => a.start - b.start);
  if (spaced.length === 0) return edits;
  const dropped = new Set<Edit>();
  const joins = edits
    .filter((e) => e.rule === 'split-word')
    .map((e) => e.start)
    .sort((a, b) => a - b);
  let joinAt = 0;
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
    // (A line that spaces by hand and rejoins no word of its own; in one that does, the damage's alternation is read as elsewhere.)
    while (joinAt < joins.length && joins[joinAt]! < lineStart) joinAt++;
    if (spacedByHand(line) && !(joinAt < joins.length && joins[joinAt]! <= lineEnd)) {
      for (const e of inLine) dropped.add(e);
    } else if (nbspWordEnds(line) === 0) {
      const plainInLine = new Set([...inLine.filter((e) => finalAt(e) === 'plain').map((e) => e.end), ...beforePunctuation]);
      if (plainInLine.size >= 2) for (const e of inLine) if (finalAt(e) === 'plain') dropped.add(e);
    } else if (nbspTyped(line)) {
      for (const e of inLine) if (finalAt(e) === 'nbsp') dropped.add(e);
    }
  }
  return dropped.size ? edits.filter((e) => !dropped.has(e)) : edits;
}

/**
 * A plain space between a word and punctuation (not an ellipsis, which stands free between words): a lost mark's place in damaged
 * copy, a writer's habit in clean text.
 */
const PUNCTUATION = `[,،؛:!?؟»”)\\]]|\\.(?!\\.)`;
const SPACE_BEFORE_PUNCTUATION = new RegExp(`(?<=${A}) (?=${PUNCTUATION})`, 'g');
const SPACE_BEFORE_PUNCTUATION_ONE = new RegExp(SPACE_BEFORE_PUNCTUATION.source);
const DOUBLE_SPACE = new RegExp(`(?<=${A}) {2}`);
const NBSP_RUN = new RegExp(`(?<=${A})[ \u00A0]*\u00A0[ \u00A0]*`, 'g');

/** Is there a word end of plain spaces that could hold a lost mark: two, or one before punctuation or the line's end? */
export function plainWordEnd(text: string): boolean {
  return DOUBLE_SPACE.test(text) || SPACE_BEFORE_PUNCTUATION_ONE.test(text) || SPACE_BEFORE_LINE_END.test(text);
}
const SPACE_BEFORE_LINE_END = new RegExp(`${A} $`, 'm');

/**
 * A word end whose spaces could hold a lost mark: spaces with a NO-BREAK SPACE; one or two plain spaces before punctuation or a
 * line's end; one before a verse's closing ﴾; two or more plain spaces before anything else. (A NO-BREAK SPACE right before a
 * letter is an editor's: the damage leaves one only where a mark stood before a space, punctuation or a line's end.)
 */
interface WordEnd {
  at: number;
  kind: 'nbsp' | 'punctuation' | 'verse-end' | 'double';
}
const WORD_END = new RegExp(`(?<=${A})(?:([ \u00A0]*\u00A0[ \u00A0]*)|( {1,2})(?=${PUNCTUATION}|$)|( )(?=\uFD3E)| {2,})`, 'gm');
const NBSP_BEFORE_LETTER = new RegExp(`^[ \u00A0]*\u00A0${A}`);

/** Do the spaces after the word ending at `at` end in a NO-BREAK SPACE right before a letter (an editor's, never the damage's)? */
function editorsNbspAfter(text: string, at: number): boolean {
  return NBSP_BEFORE_LETTER.test(text.slice(at, at + 8));
}

/** The text's word ends whose spaces could hold a lost mark, in order. */
function wordEnds(text: string): WordEnd[] {
  const ends: WordEnd[] = [];
  for (const m of text.matchAll(WORD_END)) {
    if (m[1] !== undefined && editorsNbspAfter(text, m.index)) continue;
    ends.push({
      at: m.index,
      kind: m[1] !== undefined ? 'nbsp' : m[2] !== undefined ? 'punctuation' : m[3] !== undefined ? 'verse-end' : 'double',
    });
  }
  return ends;
}

/**
 * Where plain spaces after a word cannot all be lost marks: the damage turns a word's last mark into NO-BREAK SPACE and a space in
 * turn, through the whole text, so between two word ends with a NO-BREAK SPACE (and before the first, after the last) at most one
 * word end of plain spaces lost a mark. Where two or more stand there, none is trusted (كلمة ، كلمة ., or a clean line's double
 * space beside a damaged line's): their offsets. The word ends are the spaces before punctuation or a line's end and the double
 * spaces the repair read as a mark (`read`); other double spaces before a word may be a shadda and vowel inside one.
 */
function typedWordEnds(ends: readonly WordEnd[], read: readonly number[]): Set<number> {
  const typed = new Set<number>();
  let segment: number[] = [];
  const close = () => {
    if (new Set(segment).size >= 2) for (const at of segment) typed.add(at);
    segment = [];
  };
  const sites = ends.filter((e) => e.kind === 'nbsp' || e.kind === 'punctuation').map((e) => [e.at, e.kind === 'nbsp'] as const);
  const all = [...sites, ...read.map((at) => [at, false] as const)].sort((a, b) => a[0] - b[0]);
  for (const [at, nbsp] of all) {
    if (nbsp) close();
    else segment.push(at);
  }
  close();
  return typed;
}

/**
 * Are the text's word-end spaces a writer's rather than the damage's: more than twice as many plain spaces before punctuation or
 * a line's end as word ends with a NO-BREAK SPACE (and one)? The damage leaves at most one more of the first than of the second.
 */
export function spacingTyped(text: string): boolean {
  let plain = 0;
  let nbsp = 0;
  for (const { kind } of wordEnds(text)) {
    if (kind === 'punctuation') plain++;
    else if (kind === 'nbsp') nbsp++;
  }
  return plain > 2 * (nbsp + 1);
}

/**
 * Does the line show spaces only a hand types: two or more, a NO-BREAK SPACE, or one before punctuation, after a character that
 * is no letter nor mark (شقة :  140 م²⍽،، أي 30% .), a NO-BREAK SPACE between a word and a letter (الوزارة⍽أن، الجين⍽BRCA1), or
 * more spaces after a word than two lost marks and a space leave (المواجهات⍽␠⍽.)? The damage leaves its spaces right after a
 * letter whose mark it took, one a mark, before a space, punctuation or a digit (و⍽45); a line typed so has its spaces at word
 * ends typed too. (Not a space before a NO-BREAK SPACE: a word's two lost last marks leave one,
 * تحدٍّ is تحد ⍽.)
 */
function spacedByHand(line: string): boolean {
  return HAND_SPACING.test(line);
}
const HAND_SPACING = new RegExp(
  `[^\\s${LETTER_SPAN}${MARK_SPANS}](?: {2}|\u00A0| (?=[.,،؛:!?؟]))|(?<=${A})(?:\u00A0(?=[A-Za-z${LETTER_SPAN}])|[ \u00A0]{2}(?:\u00A0|[ \u00A0]{2}))`,
);

/** How many word ends of the text hold a NO-BREAK SPACE. */
export function nbspWordEnds(line: string): number {
  return line.match(NBSP_RUN)?.length ?? 0;
}

/**
 * Does the line show an editor's NO-BREAK SPACEs rather than lost marks: two word ends or more with one, and no word end with
 * plain spaces that could hold a mark (two, or one before punctuation)? The damage turns a word's last mark into NO-BREAK SPACE
 * and a space in turn, so two word ends that lost a mark always include a plain one; a browser editor saves every typed double
 * space as NO-BREAK SPACE and space.
 */
export function nbspTyped(line: string): boolean {
  return nbspWordEnds(line) >= 2 && !DOUBLE_SPACE.test(line) && !SPACE_BEFORE_PUNCTUATION_ONE.test(line);
}

/**
 * Word ends with a NO-BREAK SPACE that follow one another with no word end of plain spaces between them (an editor's NO-BREAK
 * SPACE in a clean line beside a damaged line's): the damage leaves NO-BREAK SPACE and a space in turn, so one of each such pair
 * is typed, and neither is trusted. Their offsets.
 */
function adjacentNbspWordEnds(ends: readonly WordEnd[]): Set<number> {
  const adjacent = new Set<number>();
  let previous = -1;
  for (const { at, kind } of ends) {
    if (kind !== 'nbsp') previous = -1;
    else {
      if (previous >= 0) adjacent.add(previous).add(at);
      previous = at;
    }
  }
  return adjacent;
}

/**
 * For one document given in pieces (a Markdown article's text nodes: `opensLine[i]` when piece i begins a block, else it continues
 * the one before, across emphasis or a link): of the word ends where the repair read a lost mark in each piece (`reads`, offsets
 * in the piece), those the whole document's alternation shows typed — two plain word ends between two NO-BREAK SPACE ones, two
 * NO-BREAK SPACE ones with no plain one between — in each piece's offsets.
 */
export function untrustedWordEnds(
  pieces: readonly string[],
  opensLine: readonly boolean[],
  reads: ReadonlyArray<readonly number[]>,
): Set<number>[] {
  const bases: number[] = [];
  let doc = '';
  pieces.forEach((p, i) => {
    if (i > 0 && opensLine[i]) doc += '\n';
    bases.push(doc.length);
    doc += p;
  });
  const ends = wordEnds(doc);
  const nbsp = new Set(ends.filter((e) => e.kind === 'nbsp').map((e) => e.at));
  const read = reads.flatMap((r, i) => r.map((o) => bases[i]! + o));
  const untrusted = new Set([
    ...typedWordEnds(
      ends,
      read.filter((o) => !nbsp.has(o)),
    ),
    ...adjacentNbspWordEnds(ends),
  ]);
  return pieces.map((_, i) => new Set(reads[i]!.filter((o) => untrusted.has(bases[i]! + o))));
}
