/**
 * normalize(text, options): repairs damaged Arabic copy and returns the clean text with the list of changes. Pure (the lexicon and the Quran
 * are handed in as lazy getters). Rules run in a fixed order: Unicode debris first, split words while the spaces are there, quotes and punctuation last.
 */
import { applyEdits, OffsetMap, type Change, type Edit } from './edits.ts';
import { HAS_ARABIC_LETTER, stripHarakat } from './arabic.ts';
import { DEFAULT_OPTIONS, type Doubt, type NormalizeOptions, type QuranText } from './options.ts';
import {
  digitEdits,
  invisibleCharEdits,
  nfcEdits,
  persianLetterEdits,
  presentationFormEdits,
  rareKindsOfLastText,
  tatweelEdits,
  type RareKinds,
} from './rules/unicode.ts';
import { showsSplits, splitWordEdits } from './rules/split-words.ts';
export { showsDamage } from './rules/split-words.ts';
import { whitespaceEdits } from './rules/whitespace.ts';
import { quoteEdits } from './rules/quotes.ts';
import { arabicPunctuationEdits, punctuationSpaceEdits } from './rules/punctuation.ts';
import { keepOutside, protectedRanges, shiftRanges, type Range } from './protected.ts';
import { restoreQuotedVerses, restoreScripture } from './verses.ts';
import { untrustedWordEnds } from './rules/typed-spaces.ts';

export type { Change } from './edits.ts';
export type { Doubt, NormalizeOptions, QuranText } from './options.ts';

export interface NormalizeResult {
  text: string;
  changes: Change[];
  /** Gaps the repair declined that could still be a lost mark, for an editor to decide. */
  doubts: Doubt[];
}

/** A rule: its edits on the text; `rare` tells which kinds of rare character the text holds, remembered for the normalize call. */
type Rule = (text: string, options: NormalizeOptions, doubts: Doubt[], rare: (text: string) => RareKinds) => Edit[];

/** The pipeline of rules, in order. Exported so tests and docs can name them. */
export const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['nfc', (t) => nfcEdits(t)],
  ['presentation-form', (t, _o, _d, rare) => presentationFormEdits(t, rare(t))],
  ['invisible-char', (t, _o, _d, rare) => invisibleCharEdits(t, rare(t))],
  ['persian-letter', (t, o, _d, rare) => (o.lang === 'ar' ? persianLetterEdits(t, rare(t)) : [])],
  // After the other three, which share one search for rare characters (rules/unicode.ts): most
  // texts that have any have tatweel, and its removal would make them search the new text again.
  ['tatweel', (t, _o, _d, rare) => tatweelEdits(t, rare(t))],
  ['split-word', (t, o, d) => (o.repairSplitWords ? splitWordEdits(t, o, d) : [])],
  ['whitespace', (t, o) => whitespaceEdits(t, o.fragment)],
  ['quotes', (t, o) => quoteEdits(t, o.quotes)],
  ['arabic-punctuation', (t) => arabicPunctuationEdits(t)],
  ['punctuation-space', (t) => punctuationSpaceEdits(t)],
  ['digits', (t, o) => digitEdits(t, o.digits)],
];

export function normalize(text: string, options: Partial<NormalizeOptions> = {}): NormalizeResult {
  // Text with no Arabic letter (an English article, code, a URL) is left exactly as it is.
  if (!HAS_ARABIC_LETTER.test(text)) return { text, changes: [], doubts: [] };
  const opts: NormalizeOptions = { ...DEFAULT_OPTIONS, ...options };
  const map = new OffsetMap();
  const changes: Change[] = [];
  const doubts: Doubt[] = [];
  let current = text;
  current = runRules(current, opts, map, changes, doubts);
  changes.sort((a, b) => a.offset - b.offset);
  return { text: current, changes, doubts };
}

function runRules(text: string, opts: NormalizeOptions, map: OffsetMap, changes: Change[], doubts: Doubt[]): string {
  let current = text;
  // Scripture and vocalized lines pass through as written; they are found once NFC has run. Damaged scripture is restored from the Quran
  // when its spaces prove the marks, otherwise rejoined bare.
  let kept: Range[] | undefined;
  let bare: Range[] | undefined;
  let suspect: Range[] | undefined;
  const rare = rareKindsOfLastText();
  for (const [name, rule] of RULES) {
    let found: Doubt[] = [];
    let edits = rule(current, opts, found, rare);
    // Damaged scripture that the Quran proves is restored exactly, and kept as restored from then on (verses.ts); a verse quoted
    // outside ﴿ ﴾ is looked for only where the repair found damage enough for one.
    const restored =
      name === 'split-word' && opts.repairSplitWords && opts.quran
        ? provenScripture(current, kept, bare, suspect, edits.length >= MIN_REPAIRS_FOR_QUOTED_VERSE, opts.quran)
        : undefined;
    // Those that were kept as written (suspect scripture) are in kept already.
    const newlyKept = restored?.ranges.filter((r) => !suspect?.includes(r));
    const guarded = restored ? [...(kept ?? []), ...restored.ranges] : kept;
    if (guarded && found.length) found = found.filter((d) => !guarded.some((r) => d.offset >= r.start && d.offset <= r.end));
    if (found.length) {
      const origins = map.toOriginalMany(found.map((d) => d.offset));
      found.forEach((d, k) => doubts.push({ ...d, offset: origins[k]! }));
    }
    if (kept) edits = keepOutside(edits, kept);
    if (restored) {
      edits = [...keepOutside(edits, restored.ranges), ...restored.edits];
      bare = bare?.filter((r) => !restored.ranges.includes(r));
    }
    if (bare?.length && name === 'split-word') edits = withoutMarks(edits, bare, current);
    if (name === 'split-word' && opts.bareWordEnds?.size) edits = withoutMarksAt(edits, opts.bareWordEnds, map);
    if (name === 'nfc') ({ kept, damagedScripture: bare, suspectScripture: suspect } = protectedRanges(applyEdits(current, edits)));
    if (edits.length === 0) continue;
    if (kept && name !== 'nfc') kept = shiftRanges(kept, edits);
    if (newlyKept?.length) kept = [...(kept ?? []), ...newlyKept.map((r) => movedRange(r, edits))];
    if (bare?.length && name !== 'nfc') bare = shiftRanges(bare, edits);
    if (suspect?.length && name !== 'nfc') suspect = name === 'split-word' ? undefined : shiftRanges(suspect, edits);
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    const origins = map.toOriginalMany(sorted.map((e) => e.start));
    sorted.forEach((e, k) =>
      changes.push({ offset: origins[k]!, before: current.slice(e.start, e.end), after: e.replacement, rule: e.rule }),
    );
    current = applyEdits(current, edits);
    map.push(edits);
  }
  return current;
}

/** The edits without the word-final marks whose word ends, in the original text, are among `at`. */
function withoutMarksAt(edits: Edit[], at: ReadonlySet<number>, map: OffsetMap): Edit[] {
  const marks = edits.filter((e) => e.rule === 'word-final-mark');
  if (marks.length === 0) return edits;
  const origins = map.toOriginalMany(marks.map((e) => e.start));
  const dropped = new Set(marks.filter((_, k) => at.has(origins[k]!)));
  return dropped.size ? edits.filter((e) => !dropped.has(e)) : edits;
}

/**
 * normalize for one document given in pieces (a Markdown article's text nodes, each normalized on its own; `opensLine[i]` when
 * piece i begins a block): the damage's alternation of NO-BREAK SPACE and space runs through the whole document, so the word ends
 * it shows typed are read across the pieces (typed-spaces.ts untrustedWordEnds), and a piece that got a mark at one is normalized
 * again without it.
 */
export function normalizePieces(
  pieces: readonly string[],
  opensLine: readonly boolean[],
  options: Partial<NormalizeOptions> = {},
): NormalizeResult[] {
  // Each piece's block (a paragraph, whose text nodes emphasis and links part) is asked whether it shows the damage itself, once,
  // when a join of two words first needs it.
  const resolved: NormalizeOptions = { ...DEFAULT_OPTIONS, ...options };
  const optionsOf: Array<Partial<NormalizeOptions>> = [];
  for (let first = 0; first < pieces.length;) {
    let end = first + 1;
    while (end < pieces.length && !opensLine[end]) end++;
    const block = pieces.slice(first, end);
    let answer: boolean | undefined;
    const blockShowsSplits = () => (answer ??= showsSplits(block.join(''), resolved));
    for (let i = first; i < end; i++) optionsOf.push({ ...options, blockShowsSplits });
    first = end;
  }
  const results = pieces.map((p, i) => normalize(p, optionsOf[i]));
  const reads = results.map((r) => r.changes.filter((c) => c.rule === 'word-final-mark').map((c) => c.offset));
  if (pieces.length < 2 || reads.every((r) => r.length === 0)) return results;
  const untrusted = untrustedWordEnds(pieces, opensLine, reads);
  return results.map((r, i) => (untrusted[i]!.size ? normalize(pieces[i]!, { ...optionsOf[i], bareWordEnds: untrusted[i] }) : r));
}

/** The repair's edits a document needs before a verse quoted outside ﴿ ﴾ is looked for: a damaged verse of 20 letters gives more. */
const MIN_REPAIRS_FOR_QUOTED_VERSE = 4;

/**
 * The damaged verses the Quran proves, with the edits that restore them: between ﴿ ﴾ (the others are left to withoutMarks, or kept
 * when suspect), and quoted in «…» or on a line of their own outside any protected range.
 */
function provenScripture(
  text: string,
  kept: readonly Range[] = [],
  bare: readonly Range[] = [],
  suspect: readonly Range[] = [],
  quoted: boolean,
  quran: () => QuranText,
): { ranges: Range[]; edits: Edit[] } | undefined {
  const proven = quoted ? restoreQuotedVerses(text, [...kept, ...bare], quran) : { ranges: [], edits: [] };
  for (const r of [...bare, ...suspect]) {
    const edits = restoreScripture(text, r, quran);
    if (!edits) continue;
    proven.ranges.push(r);
    proven.edits.push(...edits);
  }
  return proven.ranges.length ? proven : undefined;
}

/** A range moved by edits applied before it and inside it. */
function movedRange(r: Range, edits: readonly Edit[]): Range {
  let before = 0;
  let inside = 0;
  for (const e of edits) {
    const delta = e.replacement.length - (e.end - e.start);
    if (e.end <= r.start) before += delta;
    else if (e.start >= r.start && e.end <= r.end) inside += delta;
  }
  return { start: r.start + before, end: r.end + before + inside };
}

/**
 * The repair's edits inside damaged scripture without the marks they would restore: its letters are rejoined, but no guessed
 * vowel is put into a verse (the reader gets it bare, as many papers print verses). An edit left changing nothing is dropped.
 */
function withoutMarks(edits: Edit[], ranges: readonly Range[], text: string): Edit[] {
  // The debris of the verse's last mark before ﴾ goes too (﴿… ح ي  ﴾ is ﴿… حي﴾).
  const debris: Range[] = [];
  for (const r of ranges) {
    if (text.charAt(r.end - 1) !== '\uFD3E') continue;
    let start = r.end - 1;
    while (start > r.start && /[ \u00A0]/.test(text.charAt(start - 1))) start--;
    if (start < r.end - 1) debris.push({ start, end: r.end - 1 });
  }
  const out: Edit[] = [];
  for (const e of edits) {
    if (!ranges.some((r) => e.start >= r.start && e.end <= r.end)) out.push(e);
    else if (debris.some((d) => e.start < d.end && e.end > d.start)) continue;
    else {
      const replacement = stripHarakat(e.replacement);
      if (replacement !== text.slice(e.start, e.end)) out.push({ ...e, replacement });
    }
  }
  for (const d of debris) out.push({ ...d, replacement: '', rule: 'whitespace' });
  return out;
}

/** Line (1-based) and column (1-based, in code points) of an offset, for reports. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}
