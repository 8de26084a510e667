/**
 * Split-word repair. When wire copy loses its harakat, each one inside a word becomes a space
 * (تكبّدت → "تكب دت", سربًا → "سرب ا") and one at a word's end becomes NO-BREAK SPACE or a space
 * (تنضمّ → "تنضم" + NBSP). This rule rejoins the pieces and puts the mark back.
 *
 * A join must never be made on clean text, so a gap is rejoined only when
 *   1. the joined form is a word: the lexicon has it or the site's own text uses it intact
 *      (the lexicon over-generates, so it can veto a join but never decides one alone), and
 *   2. the pieces cannot be two words: a piece starts with a letter that never begins a word
 *      (ة ى ؤ ئ), is a lone letter other than و, is a lone ا (the tanween's seat), or is not a
 *      word at all; or, weaker, both pieces are rare words and the join is a word
 *      (مدر|عات → مدرعات), which is refused when either piece is a frequent word (من, في, لا …).
 * It never joins across punctuation, quotes, digits, Latin text or lines: only letters separated
 * by one or two plain spaces are candidates.
 */
import type { Edit } from '../edits.ts';
import type { Doubt, Lexicon, NormalizeOptions, WordEvidence } from '../options.ts';
import { FATHA, FATHATAN, DAMMA, KASRA, SHADDA, NBSP, WORD_FINAL_ONLY } from '../arabic.ts';
import { FUNCTION_WORDS, NO_TANWEEN } from '../data/function-words.ts';
import { finalMarkFor } from './final-marks.ts';
import { HashAnswers } from '../hash-answers.ts';
import { keyOfHashes } from '../evidence.ts';
import { keepOutside, linesWithHarakat } from '../protected.ts';
import {
  AGENCY_INITIALS,
  LABEL_NOUNS,
  NAME_HEADS,
  STANDALONE_AFTER_LETTER,
  LONE_LETTER_WORDS,
  NEVER_INITIAL,
  NO_MARK_AFTER,
  PARTICLE_STEMS,
  PREFER_LEFT,
  PROCLITIC_CHAIN,
  SHADDA_BEFORE_ALEF,
  SHADDA_PARTICLES,
  SUFFIX_PRONOUNS,
  VERB_ONLY_PARTICLES,
  CLAUSE_OPENERS,
  VERB_PREFIX,
  VERB_PREFIXES,
  WORD_LIKE_PREFIXES,
  WORD_TAIL_FUNCTION_WORDS,
  HAMZALESS_PARTICLES,
  NUMBER_WORDS,
} from '../data/word-classes.ts';

/** A run of Arabic letters (with any marks that survived). */
const PIECE = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u064B-\u065F\u0670]+/g;
const HARAKAT = /[\u064B-\u065F\u0670]/g;


const MAX_PIECES = 6;




interface Piece {
  start: number;
  end: number;
  /** Undiacritized letters. */
  bare: string;
  /** The lexicon's answer for `bare`, once asked (a piece is asked about again for each join tried). */
  known: boolean | undefined;
}

interface Gap {
  start: number;
  end: number;
  text: string;
}

interface Chain {
  pieces: Piece[];
  /** gaps[k] lies between pieces[k] and pieces[k + 1]. */
  gaps: Gap[];
}

export function splitWordEdits(text: string, options: NormalizeOptions, doubts: Doubt[] = []): Edit[] {
  const edits: Edit[] = [];
  const found: Doubt[] = [];
  const ctx = new Context(options, options.damaged ?? showsDamage(text));
  forEachWindow(text, (chain, atChainEnd) => repairChain(text, chain, ctx, edits, atChainEnd, found), ctx);
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
const DAMAGE_SIGNS = /[\u0621-\u064A] [\u0629\u0649\u0624\u0626](?![\u0621-\u064A]{3})|[\u0621-\u064A]{2} \u0627(?![\u0621-\u064A]| [\u0621-\u064A](?![\u0621-\u064A]))|[\u0621-\u064A]\u00A0 /;
/** Word tails that begin with و: plural and pronoun suffixes (ضخّ|وا، يعدّ|ون، حمّ|لوه). */
const WAW_SUFFIXES = new Set(['وا', 'ون', 'وه', 'وها', 'وهم', 'ونا', 'وني', 'وك', 'وكم']);

// ---- The scan. It sees every word of every article, so it works on character codes and a
// numeric hash and allocates nothing per word; strings are made only around the few gaps that
// could be damage.

/** FNV-1a over the letters of a word, harakat skipped: the same for a word and its bare form. */
function hashBare(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670) continue;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

// Word classes by hash, looked up once per word during the scan, in an open-addressing table of
// typed arrays: most words are in no class, and an empty slot answers that in one load, where a
// Map look-up cost a fifth of the scan.
const IS_FUNCTION = 1;
const IS_SUFFIX = 2;
const IS_STEM = 4;
const IS_PREFIX = 8;
const IS_TAIL = 16;
const CLASS_SLOTS = 1 << 12; // a few hundred words: mostly empty, so a miss is one load
const CLASS_KEYS = new Int32Array(CLASS_SLOTS);
const CLASS_FLAGS = new Uint8Array(CLASS_SLOTS); // 0: empty slot
let MAX_CLASS_LEN = 0;
for (const [words, flag] of [[FUNCTION_WORDS, IS_FUNCTION], [SUFFIX_PRONOUNS, IS_SUFFIX], [PARTICLE_STEMS, IS_STEM], [VERB_PREFIXES, IS_PREFIX], [WORD_TAIL_FUNCTION_WORDS, IS_TAIL]] as const) {
  for (const word of words) {
    const key = hashBare(word);
    let at = key & (CLASS_SLOTS - 1);
    while (CLASS_FLAGS[at] !== 0 && CLASS_KEYS[at] !== key) at = (at + 1) & (CLASS_SLOTS - 1);
    CLASS_KEYS[at] = key;
    CLASS_FLAGS[at]! |= flag;
    MAX_CLASS_LEN = Math.max(MAX_CLASS_LEN, word.replace(HARAKAT, '').length);
  }
}
/** The classes of the word with this hash (0: none). */
function classOfHash(key: number): number {
  for (let at = key & (CLASS_SLOTS - 1); CLASS_FLAGS[at] !== 0; at = (at + 1) & (CLASS_SLOTS - 1)) {
    if (CLASS_KEYS[at] === key) return CLASS_FLAGS[at]!;
  }
  return 0;
}
const isLetterOrMark = (c: number) => (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x065f) || c === 0x0670 || (c >= 0x0671 && c <= 0x06d3);
const isMarkCode = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670;
// What the scan asks of a character, as one table load (every character of every article is
// asked): letter or mark, and the letter lists below as bits (a Set look-up per test cost more).
const LETTER = 1;
const MARK = 2;
const NO_MARK_AFTER_BIT = 4;
const NEVER_INITIAL_BIT = 8;
const WORD_FINAL_ONLY_BIT = 16;
const KIND = new Uint8Array(0x06d4);
for (let c = 0; c < KIND.length; c++) KIND[c] = isMarkCode(c) ? MARK : isLetterOrMark(c) ? LETTER : 0;
for (const [letters, bit] of [[NO_MARK_AFTER, NO_MARK_AFTER_BIT], [NEVER_INITIAL, NEVER_INITIAL_BIT], [WORD_FINAL_ONLY, WORD_FINAL_ONLY_BIT]] as const) {
  for (const l of letters) KIND[l.charCodeAt(0)]! |= bit;
}
/** The character's KIND bits (0 for anything that is not an Arabic letter or mark). */
const kindOf = (c: number) => (c < 0x06d4 ? KIND[c]! : 0);

// Per-word scan results, reused across calls (grown on demand).
let W = { start: new Int32Array(1024), end: new Int32Array(1024), len: new Int32Array(1024), first: new Int32Array(1024), last: new Int32Array(1024), hash: new Int32Array(1024), cls: new Uint8Array(1024), flags: new Uint8Array(1024), gap: new Int32Array(1024) };
const LAST_IS_MARK = 1;
const TAIL_DEBRIS = 2;
const GAP_NBSP = 1 << 20; // gap[w] = number of space characters before word w (0: not linked), | GAP_NBSP

/** Room for every word of a text of n characters (a word and its separator take two at least). */
function ensureRoom(n: number): void {
  const words = (n >> 1) + 2;
  if (words <= W.start.length) return;
  const size = Math.max(words, W.start.length * 2);
  W = { start: new Int32Array(size), end: new Int32Array(size), len: new Int32Array(size), first: new Int32Array(size), last: new Int32Array(size), hash: new Int32Array(size), cls: new Uint8Array(size), flags: new Uint8Array(size), gap: new Int32Array(size) };
}

const UNKNOWN_CLASS = 0x80;

/** The word's classes (IS_FUNCTION …), looked up on first need: most gaps are settled before. */
function wordClass(w: number): number {
  let cls = W.cls[w]!;
  if (cls === UNKNOWN_CLASS) {
    cls = W.len[w]! <= MAX_CLASS_LEN ? classOfHash(W.hash[w]!) : 0;
    W.cls[w] = cls;
  }
  return cls;
}

/** Could the gap before word w be damage (or word-final debris worth a look)? Mirrors mayBeSplit. */
function interestingGap(w: number, text: string): boolean {
  const gap = W.gap[w]!;
  const n = gap & (GAP_NBSP - 1);
  if (gap & GAP_NBSP || n >= 2) return true;
  const l = w - 1;
  if (W.flags[l]! & LAST_IS_MARK || kindOf(W.last[l]!) & NO_MARK_AFTER_BIT) return false;
  if (kindOf(W.first[w]!) & NEVER_INITIAL_BIT || W.len[w] === 1) return true;
  const left = wordClass(l);
  const right = wordClass(w);
  if (left & IS_FUNCTION) return (right & IS_SUFFIX) !== 0 || ((left & IS_STEM) !== 0 && W.len[w]! <= 3) || stemTailAt(text, w);
  if (W.len[l]! <= 2 || right & IS_SUFFIX || left & IS_PREFIX) return true;
  if (right & IS_FUNCTION && !(right & IS_TAIL)) return false;
  return W.len[w]! <= 4;
}

/**
 * Scans the text once and calls `visit` for each window of pieces around a run of interesting
 * gaps (plus the next piece, which some decisions look at). `atChainEnd` tells whether the
 * window's last piece ends its chain (so debris after it is word-final damage).
 */
function forEachWindow(text: string, visit: (chain: Chain, atChainEnd: boolean) => void, ctx: Context): void {
  const n = text.length;
  ensureRoom(n);
  const { start: starts, end: ends, len: lens, first: firsts, last: lasts, hash: hashes, cls, flags, gap: gaps } = W;
  let count = 0;
  let i = 0;
  let linkedSpaces = 0;
  while (i < n) {
    let kind = kindOf(text.charCodeAt(i));
    if (kind === 0) {
      linkedSpaces = 0;
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let len = 0;
    let first = 0;
    let last = 0;
    let lastIsMark = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      kind = kindOf(c);
      if (kind === 0) break;
      if (kind & MARK) {
        lastIsMark = true;
        continue;
      }
      lastIsMark = false;
      if (len === 0) first = c;
      last = c;
      len++;
      h = Math.imul(h ^ c, 0x01000193);
    }
    starts[count] = start;
    ends[count] = i;
    lens[count] = len;
    firsts[count] = first;
    lasts[count] = last;
    hashes[count] = h;
    cls[count] = UNKNOWN_CLASS;
    gaps[count] = linkedSpaces;
    // The spaces after the word: a link to the next word, or debris before punctuation / a line end.
    let j = i;
    let nbsp = false;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x20) j++;
      else if (d === 0xa0) {
        nbsp = true;
        j++;
      } else break;
    }
    const spaces = j - i;
    let flag = lastIsMark ? LAST_IS_MARK : 0;
    if (spaces > 0 && j < n && kindOf(text.charCodeAt(j)) & LETTER) {
      linkedSpaces = spaces | (nbsp ? GAP_NBSP : 0);
    } else {
      linkedSpaces = 0;
      if (nbsp || spaces >= 2) flag |= TAIL_DEBRIS;
    }
    flags[count] = flag;
    i = j;
    count++;
  }
  // Windows: runs of interesting gaps, widened by one piece on the left and one on the right.
  // interesting[w]: the gap before word w could be damage (computed once per gap).
  if (INTERESTING.length < count + 1) INTERESTING = new Uint8Array(Math.max(count + 1, INTERESTING.length * 2));
  // In a document that shows damage, gaps beside short pieces are looked at too: no join is made
  // there that the cheap screen refuses (repairChain asks mayBeSplit), but the editor is asked.
  for (let w = 1; w < count; w++) INTERESTING[w] = W.gap[w] !== 0 && (interestingGap(w, text) || (ctx.damaged && W.gap[w] === 1 && Math.min(W.len[w - 1]!, W.len[w]!) <= 4)) ? 1 : 0;
  INTERESTING[count] = 0;
  let w = 1;
  while (w <= count) {
    if (w < count && INTERESTING[w]) {
      let b = w;
      while (b + 1 < count && INTERESTING[b + 1]) b++;
      const lastPiece = b + 1 < count && W.gap[b + 1] !== 0 ? b + 1 : b;
      if (W.flags[lastPiece]! & TAIL_DEBRIS || !noJoinPossible(text, w - 1, b, ctx)) {
        visit(makeChain(text, w - 1, lastPiece), lastPiece + 1 >= count || W.gap[lastPiece + 1] === 0);
      }
      w = b + 1;
      continue;
    }
    // Debris after a chain's last word, where no window already covers that word.
    const last = w - 1;
    if (W.flags[last]! & TAIL_DEBRIS && !INTERESTING[last]) visit(makeChain(text, last, last), true);
    w++;
  }
}

let INTERESTING = new Uint8Array(1024);

/**
 * Most windows hold one or two gaps between words, plain spaces, with nothing to repair: the only
 * possible edits are joins of neighbouring words, and each needs the joined form to be a word
 * (acceptJoin: seen intact in the site's evidence, or known to the lexicon; a ة/ى tail or a lone
 * ا joins without being one). When no run of the window's words (up to MAX_PIECES) can make a
 * word, the window is passed over before any piece or string is made. The evidence is asked by
 * hash, and the lexicon's answer is remembered by hash, so a string is built only for a joined
 * form never asked about before. Exact: where it passes a window over, repairChain would ask the
 * same questions, find no join, and (with no debris in or after the window) change nothing.
 */
function noJoinPossible(text: string, a: number, b: number, ctx: Context): boolean {
  if (b - a >= MAX_PIECES) return false; // long runs (rare): the full path
  for (let k = a + 1; k <= b; k++) if (W.gap[k] !== 1) return false; // debris in a gap: the full path
  for (let s = a; s < b; s++) {
    // The hashes of the joined letters of words s..e (FNV-1a: word s's, continued; djb2 from its start).
    let h = W.hash[s]!;
    let h2 = 5381;
    for (let i = W.start[s]!, end = W.end[s]!; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isMarkCode(c)) h2 = (Math.imul(h2, 33) + c) | 0;
    }
    for (let e = s + 1; e <= b && e - s < MAX_PIECES; e++) {
      if (e === s + 1 && W.len[e]! <= 2 && kindOf(W.first[e]!) & WORD_FINAL_ONLY_BIT) return false; // a ة/ى tail
      if (W.len[e] === 1 && W.first[e] === 0x0627) return false; // a lone ا: a lost tanween's seat
      for (let i = W.start[e]!, end = W.end[e]!; i < end; i++) {
        const c = text.charCodeAt(i);
        if (isMarkCode(c)) continue;
        h = Math.imul(h ^ c, 0x01000193);
        h2 = (Math.imul(h2, 33) + c) | 0;
      }
      // The questions acceptJoin asks, in its order: seen intact anywhere, then the lexicon.
      if (ctx.seenByHashes(h, h2) !== 0) return false; // seen (or no answer by hash): the full path decides
      const said = ctx.lexiconSaid(h, h2);
      if (said === 1) return false;
      if (said === -1 && ctx.lexHashed(bareRange(text, s, e), h, h2)) return false;
    }
  }
  return true;
}

/** The letters of words s..e, without harakat, joined. */
function bareRange(text: string, s: number, e: number): string {
  let word = '';
  for (let k = s; k <= e; k++) word += bareLetters(text, k);
  return word;
}

/** Word w's letters without its harakat. */
function bareLetters(text: string, w: number): string {
  const word = text.slice(W.start[w]!, W.end[w]!);
  return hasHaraka(word) ? word.replace(HARAKAT, '') : word;
}

function makeChain(text: string, a: number, b: number): Chain {
  const pieces: Piece[] = [];
  const gaps: Gap[] = [];
  for (let k = a; k <= b; k++) {
    pieces.push({ start: W.start[k]!, end: W.end[k]!, bare: bareLetters(text, k), known: undefined });
    if (k > a) gaps.push({ start: W.end[k - 1]!, end: W.start[k]!, text: text.slice(W.end[k - 1]!, W.start[k]!) });
  }
  return { pieces, gaps };
}

function hasHaraka(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isMarkCode(word.charCodeAt(i))) return true;
  return false;
}



/** Lexicon answers by word hash, per lexicon, kept across calls: most questions were asked before. */
const LEXICON_MEMO = new WeakMap<Lexicon, HashAnswers>();

class Context {
  private lexiconInstance: Lexicon | undefined;
  readonly evidence: WordEvidence | undefined;
  constructor(
    private readonly options: NormalizeOptions,
    /** The document shows damage (showsDamage): only then may two words be joined. */
    readonly damaged: boolean,
  ) {
    this.evidence = options.evidence;
  }
  /** The lexicon is loaded on the first question, so text without candidates never pays for it. */
  lex(word: string): boolean {
    if (!this.options.lexicon) return false;
    if (!this.lexiconInstance) {
      const lexicon = this.options.lexicon();
      this.lexiconInstance = lexicon;
      let memo = LEXICON_MEMO.get(lexicon);
      if (!memo) LEXICON_MEMO.set(lexicon, (memo = new HashAnswers()));
      this.memo = memo;
      this.ask = (w) => lexicon.has(w);
    }
    return this.memo!.get(word, this.ask!);
  }
  /** lex(word) for a word whose two hashes are known and not yet in the memo (lexiconSaid gave -1). */
  lexHashed(word: string, fnv: number, djb2: number): boolean {
    if (!this.memo) return this.lex(word);
    return this.memo.remember(word, fnv, djb2, this.ask!);
  }
  private memo: HashAnswers | undefined;
  private ask: ((word: string) => boolean) | undefined;
  lexPiece(piece: Piece): boolean {
    return (piece.known ??= this.lex(piece.bare));
  }
  /** The lexicon's remembered answer for a word's hashes (1, 0), or -1 when not asked yet in this process. */
  lexiconSaid(fnv: number, djb2: number): number {
    return this.memo ? this.memo.peek(fnv, djb2) : -1;
  }
  /** The evidence's count by the word's two hashes (evidence.ts keyOfHashes); -1 when it cannot answer so. */
  seenByHashes(fnv: number, djb2: number): number {
    if (!this.evidence) return 0;
    return this.evidence.countOfHashes?.(fnv, djb2) ?? this.evidence.countHash?.(keyOfHashes(fnv, djb2)) ?? -1;
  }
  seen(word: string): boolean {
    return (this.evidence?.count(word) ?? 0) > 0;
  }
}

function repairChain(text: string, chain: Chain, ctx: Context, edits: Edit[], atChainEnd: boolean, doubts: Doubt[]): void {
  const { pieces, gaps } = chain;
  // Cheap screen first: a gap no rule could ever call damage ends every possible join there.
  const open = gaps.map((g, k) => mayBeSplit(pieces[k]!, pieces[k + 1]!, g, text));
  const joined = pieces.map(() => false);
  let i = 0;
  while (i < pieces.length) {
    let joinedTo = i;
    let reach = i;
    while (reach < gaps.length && open[reach] && reach - i < MAX_PIECES - 1) reach++;
    // Longest acceptable join first: a word split twice is rejoined whole.
    for (let j = reach; j > i; j--) {
      if (acceptJoin(pieces, gaps, i, j, text, ctx)) {
        joinedTo = j;
        break;
      }
    }
    // A second pass would see the rejoined word as one piece and might take the next piece too
    // (دُد|ة, مؤكّد|ًا): decide that now, so that normalizing twice never differs from once.
    while (joinedTo > i && joinedTo < gaps.length && open[joinedTo] && extendsJoin(pieces, gaps, i, joinedTo, text, ctx)) joinedTo++;
    for (let k = i; k < joinedTo; k++) {
      const gap = gaps[k]!;
      edits.push({ start: gap.start, end: gap.end, replacement: marksFor(pieces, gaps, i, k, joinedTo, text), rule: 'split-word' });
    }
    // Word-final damage after this word: NBSP, or two or more spaces, before the next word.
    const after = gaps[joinedTo];
    if (joinedTo > i) for (let k = i; k <= joinedTo; k++) joined[k] = true;
    if (after && isWordFinalDamage(after.text, ctx.damaged)) restoreFinal(pieces, i, joinedTo, after.text, ctx, edits, text);
    i = joinedTo + 1;
  }
  // Pieces left alone that are no word alone: the editor is asked about them (doubtfulPiece).
  for (let k = 0; k < pieces.length; k++) {
    if (joined[k]) continue;
    const doubt = doubtfulPiece(pieces, gaps, joined, k, text, ctx);
    if (doubt) doubts.push(doubt);
  }
  // Damage at the chain's end (before punctuation or the line's end): the whitespace and
  // punctuation rules remove the debris; the mark comes back here when the evidence is strong.
  if (!atChainEnd) return;
  const last = pieces[pieces.length - 1]!;
  const tail = (ctx.damaged ? DAMAGED_TAIL : DEBRIS_TAIL).exec(text.slice(last.end, last.end + 3));
  if (tail && !/[\p{L}\p{N}]/u.test(text.charAt(last.end + tail[0].length))) {
    let first = pieces.length - 1;
    while (first > 0 && edits.length && edits[edits.length - 1]!.rule === 'split-word' && edits[edits.length - 1]!.start === gaps[first - 1]!.start) first--;
    restoreFinal(pieces, first, pieces.length - 1, tail[0], ctx, edits, text);
  }
}

function extendsJoin(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context): boolean {
  let bare = '';
  for (let k = i; k <= j; k++) bare += pieces[k]!.bare;
  const whole: Piece = { start: pieces[i]!.start, end: pieces[j]!.end, bare, known: undefined };
  return acceptJoin([whole, ...pieces.slice(j + 1, j + 3)], gaps.slice(j, j + 2), 0, 1, text, ctx);
}

function restoreFinal(pieces: Piece[], i: number, j: number, gap: string, ctx: Context, edits: Edit[], text: string): void {
  if (isMarkCode(text.charCodeAt(pieces[j]!.end - 1))) return; // its final mark is still there
  let word = '';
  for (let k = i; k <= j; k++) word += pieces[k]!.bare;
  const mark = finalMarkFor(word, gap, ctx);
  if (mark) edits.push({ start: pieces[j]!.end, end: pieces[j]!.end, replacement: mark, rule: 'word-final-mark' });
}

/**
 * Could this gap be damage? Answers without the lexicon wherever it can, so clean text, where
 * every gap is a real space, costs a few comparisons per word.
 */
function mayBeSplit(left: Piece, right: Piece, gap: Gap, text: string): boolean {
  const L = left.bare;
  const R = right.bare;
  if (kindOf(L.charCodeAt(L.length - 1)) & NO_MARK_AFTER_BIT) return false;
  if (isMarkCode(text.charCodeAt(left.end - 1))) return false; // a surviving haraka: not damaged here
  if (kindOf(R.charCodeAt(0)) & NEVER_INITIAL_BIT || R.length === 1) return true;
  if (FUNCTION_WORDS.has(L)) return SUFFIX_PRONOUNS.has(R) || (PARTICLE_STEMS.has(L) && R.length <= 3) || stemTailAfterFunctionWord(L, R);
  if (L.length <= 2 || SUFFIX_PRONOUNS.has(R) || VERB_PREFIX.test(L)) return true;
  if (FUNCTION_WORDS.has(R) && !WORD_TAIL_FUNCTION_WORDS.has(R)) return false;
  // Word tails left by a lost shadda are short (مدرّ|عات، تكبّ|دت، المصنّ|فة).
  return R.length <= 4;
}

/**
 * A piece the repair left alone that is no word on its own (a lone letter other than و, a piece
 * that starts with ة or ى, a piece the lexicon does not know), next to a piece it makes a word
 * with: the gap between them may be a lost mark, for the editor to decide. The side is the one
 * whose piece is no word either, else the next word for a lone prefix letter, else the word
 * before. Nothing written apart on purpose (names, credits, units, labels) is doubted.
 */
function doubtfulPiece(pieces: Piece[], gaps: Gap[], joined: boolean[], k: number, text: string, ctx: Context): Doubt | undefined {
  const piece = pieces[k]!;
  const P = piece.bare;
  const lone = P.length === 1;
  if (P === 'و' || P === 'ا' || (lone && text.charAt(piece.end) === '.')) return undefined;
  if (!lone && !NEVER_INITIAL.has(P[0]!) && ctx.lexPiece(piece)) return undefined;
  const pair = (a: number): boolean => {
    if (a < 0 || a + 1 >= pieces.length || gaps[a]!.text !== ' ' || joined[a] || joined[a + 1]) return false;
    const L = pieces[a]!;
    if (kindOf(L.bare.charCodeAt(L.bare.length - 1)) & NO_MARK_AFTER_BIT || isMarkCode(text.charCodeAt(L.end - 1))) return false;
    if (standsApartOnPurpose(pieces, a, a + 1, text, ctx)) return false;
    const word = L.bare + pieces[a + 1]!.bare;
    return ctx.seen(word) || ctx.lex(word);
  };
  const left = pair(k - 1);
  const right = !NEVER_INITIAL.has(P[0]!) && pair(k);
  if (!left && !right) return undefined;
  let a: number;
  if (left && right) {
    const leftNoWord = !ctx.lexPiece(pieces[k - 1]!);
    const rightNoWord = !ctx.lexPiece(pieces[k + 1]!);
    if (leftNoWord !== rightNoWord) a = leftNoWord ? k - 1 : k;
    else a = lone && 'يتنأبلكف'.includes(P) ? k : k - 1;
  } else a = left ? k - 1 : k;
  const L = pieces[a]!;
  const R = pieces[a + 1]!;
  const marks = marksFor(pieces, gaps, a, a, a + 1, text);
  return { offset: L.start, before: text.slice(L.start, R.end), candidate: text.slice(L.start, L.end) + marks + text.slice(R.start, R.end) };
}

/**
 * A right piece that a frequent word's last letter, doubled, may have been split from: short, in
 * ا (not ال) or ي (أيّ|ام، التيّ|ارات، كلّ|ية). Never after a particle that only governs verbs.
 */
function stemTailAfterFunctionWord(L: string, R: string): boolean {
  return R.length >= 2 && R.length <= 4 && ((R[0] === 'ا' && R[1] !== 'ل') || R[0] === 'ي') && !VERB_ONLY_PARTICLES.has(L);
}
/** stemTailAfterFunctionWord's test of the right piece, on the scan's word w. */
function stemTailAt(text: string, w: number): boolean {
  const len = W.len[w]!;
  const first = W.first[w]!;
  return len >= 2 && len <= 4 && ((first === 0x0627 && text.charCodeAt(W.start[w]! + 1) !== 0x0644) || first === 0x064a);
}

/**
 * Debris between two words left by a lost final mark: NBSP then a space, or three spaces and
 * more. A lone NBSP between two words is an editor's no-break space, never damage (the damage
 * only ever puts NBSP before a space, punctuation or a line's end).
 */
function isWordFinalDamage(gap: string, damaged: boolean): boolean {
  return (gap.includes(NBSP) && gap.length >= 2) || gap.length >= 3 || (damaged && gap === '  ');
}
/**
 * Debris after a chain's last word: NBSP, or two spaces and more; in a document that shows damage,
 * also one space before punctuation or a line's end (the lost mark's space, the real one absent).
 */
const DEBRIS_TAIL = /^\u00A0|^ {2,}/;
const DAMAGED_TAIL = /^\u00A0|^ {2,}|^ (?=[\n.,،؛:!؟?»)\]]|$)/;

function acceptJoin(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context): boolean {
  for (let k = i; k < j; k++) {
    const bare = pieces[k]!.bare;
    if (kindOf(bare.charCodeAt(bare.length - 1)) & NO_MARK_AFTER_BIT) return false;
    // A haraka that is still there shows the text was not damaged at this word's end.
    const last = text.charCodeAt(pieces[k]!.end - 1);
    if (last >= 0x064b && last <= 0x0652) return false;
  }
  if (standsApartOnPurpose(pieces, i, j, text, ctx)) return false;
  let word = '';
  for (let k = i; k <= j; k++) word += pieces[k]!.bare;
  const tanween = endsWithTanweenSeat(pieces, i, j, text);
  if (tanween && NO_TANWEEN.has(word.slice(0, -1)) && !SHADDA_BEFORE_ALEF.has(word.slice(0, -1))) return false;
  // A frequent word is whole: it may take a suffix (أنّ|ها) but never begins a longer join.
  if (j - i > 1 && FUNCTION_WORDS.has(pieces[i]!.bare)) return false;
  // Nor does one that the first pieces make, before a word of its own (م ن  فعل is مَنْ فعل, not
  // منفعل: the lost sukun of مَنْ left two spaces); a suffix or ما may still follow (إنّ|ما).
  for (let k = i + 1, prefix = pieces[i]!.bare; k < j; k++) {
    prefix += pieces[k]!.bare;
    if (gaps[k]!.text.length < 2 || !FUNCTION_WORDS.has(prefix)) continue;
    let rest = '';
    for (let m = k + 1; m <= j; m++) rest += pieces[m]!.bare;
    if (rest.length >= 3 && !SUFFIX_PRONOUNS.has(rest)) return false;
  }
  // The joined form must be a word (asked first: on clean text it almost never is) …
  const isWord =
    ctx.seen(word) ||
    ctx.lex(word) ||
    // ة and ى only end words: a short tail starting with one is certain, known word or not (هشّة).
    (j === i + 1 && pieces[j]!.bare.length <= 2 && (kindOf(pieces[j]!.bare.charCodeAt(0)) & WORD_FINAL_ONLY_BIT) !== 0) ||
    // A lone ا after a word is the seat of a lost tanween even when the lexicon lacks the word
    // (names); not after ال, which only a known word (التزامًا) may begin.
    (tanween && j === i + 1 && !word.startsWith('ال'));
  if (!isWord) return false;
  // … and every gap needs its own reason to be damage.
  for (let k = i; k < j; k++) {
    const r = tanween && k === j - 1 ? 'strong' : gapReason(pieces, gaps, k, i, j, ctx);
    // Debris (NBSP, or two spaces and more) is judged as the single space it collapses to, so a
    // second pass over the output decides exactly the same: normalizing twice never differs.
    if (r === null) return false;
    // Two pieces that are both words are joined only in a document that shows damage elsewhere.
    if (r === 'weak' && !ctx.damaged) return false;
  }
  return true;
}

/**
 * Letters and words that news writes apart on purpose, which no lost mark explains: a name's
 * first word (أبو ظبي، عبد الله، بيت لحم); a lone و after a word; a lone letter that labels
 * (الفئة أ، فيتامين د، حرف ك), stands before a preposition (أ في) or after a number (30 م، 1998 م),
 * touches a digit or a tatweel (م2، هـ); a run of lone letters that is an agency's
 * initials or a list (أ ف ب، (د ب أ)، فئتي أ و ب).
 */
function standsApartOnPurpose(pieces: Piece[], i: number, j: number, text: string, ctx: Context): boolean {
  const second = pieces[i + 1]!.bare;
  if ((NAME_HEADS.has(pieces[i]!.bare) || NUMBER_WORDS.has(pieces[i]!.bare)) && second.length >= 2 && !NEVER_INITIAL.has(second[0]!)) return true;
  // … nor does a name's first word after a word (فيصل بن عبد الله، محمد أبو زيد; but يتدرّ|بن).
  for (let k = i + 1; k <= j; k++) if (NAME_HEADS.has(pieces[k]!.bare) && ctx.lexPiece(pieces[k - 1]!)) return true;
  for (let k = i; k <= j; k++) {
    const piece = pieces[k]!;
    if (piece.bare.length !== 1 || piece.bare === 'ا') continue;
    if (piece.bare === 'و' && k > i && k === j) return true;
    if (k < j && STANDALONE_AFTER_LETTER.has(pieces[k + 1]!.bare)) return true;
    if (k === i && afterNumber(text, piece.start)) return true;
    if (/^[\d\u0660-\u0669\u06F0-\u06F9\u0640]/.test(text.charAt(piece.end)) || text.charAt(piece.start - 1) === '\u0640') return true;
    if (!'يتن'.includes(piece.bare) && LABEL_NOUNS.has(wordBefore(text, piece.start))) return true;
    if (initialsOrList(text, piece.start)) return true;
  }
  return false;
}

/** Is a number (and one space) right before this offset? */
function afterNumber(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 2);
  return text.charCodeAt(at - 1) === 0x20 && ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9));
}

/** The letters of the word before the one at `at` (one space apart), without harakat; '' if none. */
function wordBefore(text: string, at: number): string {
  if (text.charCodeAt(at - 1) !== 0x20) return '';
  let a = at - 1;
  while (a > 0 && kindOf(text.charCodeAt(a - 1)) !== 0) a--;
  return text.slice(a, at - 1).replace(HARAKAT, '');
}

/** Is a lone letter at `at`, with one space and a word boundary on either side? */
function loneLetterAt(text: string, at: number): boolean {
  return kindOf(text.charCodeAt(at)) & LETTER ? kindOf(text.charCodeAt(at - 1)) === 0 && kindOf(text.charCodeAt(at + 1)) === 0 : false;
}

/**
 * Is the lone letter at `at` part of a run of lone letters, one space apart, that reads as
 * initials or a list: one in parentheses or beside a dash (بيروت (أ ف ب) -), a known agency's
 * initials, or list letters joined by و (أ و ب)? A broken word's lone letters (س ج ل for سُجّل)
 * are none of these.
 */
function initialsOrList(text: string, at: number): boolean {
  let a = at;
  let b = at;
  while (text.charCodeAt(a - 1) === 0x20 && loneLetterAt(text, a - 2)) a -= 2;
  while (text.charCodeAt(b + 1) === 0x20 && loneLetterAt(text, b + 2)) b += 2;
  if (a === b) return false;
  const letters = text.slice(a, b + 1);
  if (AGENCY_INITIALS.has(letters) || /^(?:و )?[أبجده](?: و [أبجده])*$/.test(letters)) return true;
  const before = text.slice(Math.max(0, a - 2), a).trim();
  const after = text.slice(b + 1, b + 3).trim();
  return before === '(' || after.startsWith(')') || /^[-–—]/.test(after);
}

/** The segment ends in a lone ا followed by no letter: a tanween fath was lost before it. */
function endsWithTanweenSeat(pieces: Piece[], i: number, j: number, text: string): boolean {
  return j > i && pieces[j]!.bare === 'ا' && !/\p{L}/u.test(text.charAt(pieces[j]!.end));
}

/**
 * Is R (ان، ام) a particle missing its hamza, or a word's tail? A tail, when the text writes the
 * particle with its hamza more often than without.
 */
function hamzaWrittenApart(R: string, ctx: Context): boolean {
  const spelled = HAMZALESS_PARTICLES.get(R);
  if (!spelled || !ctx.evidence) return false;
  const withHamza = spelled.reduce((n, w) => n + ctx.evidence!.count(w), 0);
  return withHamza > 2 * ctx.evidence.count(R);
}

/**
 * Is the lone letter R the first letter of the next piece's word rather than the last of L's?
 * (أن ي حال → أن يُحال, but أك د أن → أكّد أن.) Yes when a particle stands before it or L+R is no
 * word, and R+next is a word that does not begin with a frequent word or the article.
 */
function opensNextWord(L: string, R: string, next: string, nextGap: Gap, ctx: Context): boolean {
  if (nextGap.text.length > 2 || nextGap.text.includes(NBSP)) return false;
  if (FUNCTION_WORDS.has(next) || (next.startsWith('ال') && !'بلكفو'.includes(R))) return false;
  if (PREFER_LEFT.has(L + R)) return false;
  // After أنّ، إنّ، لكنّ a lone ه is the pronoun (أنّه): far more frequent than a word opening in a
  // marked ه (هُزم), and the lexicon's yes for ه + next (هبات) then says nothing.
  if (R === 'ه' && SHADDA_PARTICLES.has(L)) return false;
  // Imperfect and passive prefixes (يُذكر، تُعدّ، نُشر، أُعلن) open words; other letters do after a particle.
  // Whichever whole form the text itself uses elsewhere wins.
  const seenLeft = ctx.seen(L + R);
  const seenRight = ctx.seen(R + next);
  if (seenLeft !== seenRight && !weakRightEvidence(L, R, seenRight, ctx)) return seenRight && ctx.lex(R + next);
  // A doubled root (استمرّ|ت، جدّ|ي: the lexicon has استمرر، جدد) keeps the letter on the left;
  // so does a fragment that is no word without it (لتلقّ|ي), or a nisba after و (الجوّ|ي).
  const last = L.at(-1)!;
  // After a particle or a word that opens a clause (في حين، عندما), the letter opens the next word.
  const particle = FUNCTION_WORDS.has(L) || CLAUSE_OPENERS.has(L);
  if (R === 'ي' && last === 'و' && !particle) return false; // (هو ي|سمح: no nisba)
  const doubled = !'يوا'.includes(last) && ctx.lex(L + last);
  if (doubled || !ctx.lex(L)) return !particle ? false : ctx.lex(R + next);
  // Imperfect and passive prefixes (يُذكر، تُعدّ، نُشر، أُعلن) open words; other letters do after a particle.
  // So does ك: news prose almost never addresses the reader (لافتاتك), while passives in ك are
  // common (كُتب، كُشف، كُلّف).
  if (!('يتنأك'.includes(R) || FUNCTION_WORDS.has(L) || !ctx.lex(L + R))) return false;
  return ctx.lex(R + next);
}



/**
 * A proclitic (ب ل ك و ف) + a word seen elsewhere in the text (بأسعار) is no evidence against
 * L + R when both L and L + R are words (تقلّ|ب أسعار → تقلّب): proclitic + noun forms recur in
 * any text, so seeing one says nothing about this gap.
 */
function weakRightEvidence(L: string, R: string, seenRight: boolean, ctx: Context): boolean {
  return seenRight && 'بلكفو'.includes(R) && ctx.lex(L) && ctx.lex(L + R);
}

/**
 * Why gap k (between pieces k and k + 1 of a join starting at piece i) would be damage rather
 * than a word boundary: 'strong' (the pieces cannot both be words), 'weak' (both are rare words),
 * 'function' (a frequent word is involved), or null when a boundary is certain or likely.
 */
function gapReason(pieces: Piece[], gaps: Gap[], k: number, i: number, j: number, ctx: Context): 'strong' | 'weak' | null {
  const L = pieces[k]!.bare;
  const R = pieces[k + 1]!.bare;
  const next = pieces[k + 2];
  const nextGap = gaps[k + 1];
  // A lone letter that begins the next word (أن ي|حال → يُحال) belongs to it, not to the left.
  if (R.length === 1 && k + 1 === j && next && nextGap && opensNextWord(L, R, next.bare, nextGap, ctx)) return null;
  if (NEVER_INITIAL.has(R[0]!)) return 'strong';
  if (k === i && FUNCTION_WORDS.has(L)) {
    // After a frequent word only a suffix can follow a lost mark: أنّ|ه، لكنّ|ها، أوّ|ل.
    if (SUFFIX_PRONOUNS.has(R) && (SHADDA_PARTICLES.has(L) || R.length === 1) && !VERB_ONLY_PARTICLES.has(L)) return 'strong';
    // (… and only before a tail that is no word itself, or a very short one: أي نصف stays apart.)
    if (PARTICLE_STEMS.has(L) && R.length <= 3 && !FUNCTION_WORDS.has(R) && (R.length <= 2 || !ctx.lexPiece(pieces[k + 1]!)) && ctx.lex(L + R)) return 'strong';
    // … or, in a document that shows damage, a tail in ا or ي that is no word (أي|ام، التي|ارات، كل|ية).
    // (Not when the tail opens the next piece's word: قبل ات|خاذ is قبل اتّخاذ.)
    const opensNext = next !== undefined && nextGap?.text === ' ' && ctx.lex(R + next.bare);
    if (ctx.damaged && stemTailAfterFunctionWord(L, R) && !opensNext && !ctx.lexPiece(pieces[k + 1]!) && ctx.lex(L + R)) return 'strong';
    return PREFER_LEFT.has(L + R) ? 'strong' : null;
  }
  // ال begins a word, unless the piece is no word (فعّال: فع|ال, فع|الة).
  if (R.startsWith('ال') && !(k === i && L.length === 1) && (R.length > 2 && ctx.lexPiece(pieces[k + 1]!))) return null;
  if (R.length === 1 && !LONE_LETTER_WORDS.has(R)) return 'strong';
  if (L.length === 1 && k === i && !LONE_LETTER_WORDS.has(L)) return 'strong';
  if (R === 'هم' && L.startsWith('ال')) return 'strong'; // المتّهم: the lexicon refuses ال + a suffix pronoun
  // The lexicon knows every letter's name (ت، هـ …), so a lone letter other than و is no word
  // wherever it stands, as at a join's start: the middle piece of وتُ|تّ|هم is not a word before هم.
  const lexL = (L.length > 1 || LONE_LETTER_WORDS.has(L)) && ctx.lexPiece(pieces[k]!);
  const lexR = ctx.lexPiece(pieces[k + 1]!);
  if (!lexL || !lexR) return 'strong'; // a piece that is no word at all
  if (SUFFIX_PRONOUNS.has(R) && R !== 'هم') return 'strong';
  // A frequent word as the last piece is a word, unless what stands before it is no word (ممثّ|لي).
  if (FUNCTION_WORDS.has(R) && k + 1 === j) return !lexL || (ctx.damaged && hamzaWrittenApart(R, ctx)) ? 'strong' : null;
  // The lexicon accepts clitic chains (أ+و+ل+أيام): after a piece that is nothing but
  // proclitics, in their only order (أ, then و/ف, then ب/ك/ل/س), its "yes" says nothing.
  if (PROCLITIC_CHAIN.test(L)) return null;
  // Two rare words whose concatenation is a word. A two-letter left piece is usually a form-II
  // verb's start (قرّ|رت، سجّ|لت) or a verb prefix (ست|ستخدم); before a long right piece that is
  // a noun of its own (the lexicon knows it with the article: الصادق) it is a word (سن صادق).
  if (L.length < 3 && R.length > 3 && !VERB_PREFIX.test(L) && ctx.lex(`ال${R}`)) return null;
  // و and a word (وصل ولي العهد): the conjunction opens the right piece; a word tail in و is a suffix (ضخّ|وا).
  if (R.length >= 3 && R[0] === 'و' && !WAW_SUFFIXES.has(R) && ctx.lex(R.slice(1))) return null;
  return 'weak';
}

/**
 * ست is the number six before a noun ending (ستّة، ستّين، ستّون، ستّمئة) and the future س + the
 * prefix ت before a verb stem (ستُنشر، ستُستخدم). Verbs never end in ة, and a long vowel right
 * after ستّ is a noun ending.
 */
function isFutureBeforeVerb(L: string, R: string): boolean {
  return /^[وف]?ست$/.test(L) && !'اوي'.includes(R[0]!) && !R.endsWith('ة');
}

/** The marks to put in gap k of a join of pieces i..j (the gap's length says how many were lost). */
function marksFor(pieces: Piece[], gaps: Gap[], i: number, k: number, j: number, text: string): string {
  // Two plain spaces inside a word are two lost marks (جد  ا → جدًّا); any other debris counts as one.
  const count = gaps[k]!.text === '  ' ? 2 : 1;
  const L = pieces[k]!.bare;
  const R = pieces[k + 1]!.bare;
  const lastPiece = k + 1 === j;
  if (R === 'ا' && lastPiece && !/\p{L}/u.test(text.charAt(pieces[k + 1]!.end))) {
    if (SHADDA_BEFORE_ALEF.has(L)) return SHADDA;
    return count === 1 ? FATHATAN : (FATHATAN + SHADDA).normalize('NFC');
  }
  // A letter before ة/ى or a nisba ي carries shadda (ستّة، فنّي), never a prefix vowel.
  const tail = NEVER_INITIAL.has(R[0]!) || R === 'ي';
  // The word's first letter, after the conjunction و/ف and the future س when present.
  const first = !tail && k === i && (L.length === 1 || (VERB_PREFIX.test(L) && (!WORD_LIKE_PREFIXES.has(L) || isFutureBeforeVerb(L, R)))) ? L.at(-1)! : undefined;
  // Form VIII of a root in و (or ت) merges it into the ت, so one lost mark there is a shadda
  // (اتّخاذ، اتّصال، اتّفق), not the passive vowel of the rule below.
  if (k === i && /^[وف]?ات$/.test(L) && count === 1 && !tail) return SHADDA;
  // Passives of forms VIII and X: اعتُبر، افتُتح، استُخدم.
  if (k === i && /^[وف]?ا[\u0621-\u064A]ت$/.test(L) && count === 1 && !tail) return DAMMA;
  if (first) {
    // A mark on a word's first letter (after و/ف) is a vowel, never shadda. Editors write it to
    // show a passive or a form-IV verb (يُعدّ، تُوفّي، رُصدت، عُقد): damma; بِ and لِ take kasra.
    const vowel = 'وفك'.includes(first) ? FATHA : 'بل'.includes(first) ? KASRA : DAMMA;
    return count === 1 ? vowel : (vowel + SHADDA).normalize('NFC');
  }
  if (R === 'ى' && lastPiece && L.startsWith('م') && L.length >= 3 && count === 1) {
    // مستشفًى، مستوًى، ملتقًى: nouns of place and the like take tanween before alef maksura.
    return FATHATAN;
  }
  return count === 1 ? SHADDA : (FATHA + SHADDA).normalize('NFC');
}
