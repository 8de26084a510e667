/**
 * The split-word scan: one pass over a text's words on character codes (no string per word), then the windows of pieces around gaps that
 * could be damage, for split-rules.ts; a window where no join can make a word is passed over (tests/unit/split-words-fast-path.test.ts).
 */
import { freeEllipsisAt } from './punctuation.ts';
import { nbspWordEnds, plainWordEnd, spacingTyped } from './typed-spaces.ts';
import { isBasicLetterCode, isExtendedLetterCode, isWordMarkCode, LETTER_SPAN, stripHarakat, WORD_FINAL_ONLY } from '../arabic.ts';
import { FUNCTION_WORDS } from '../data/function-words.ts';
import {
  FORM_VIII_OR_X_STEM,
  JOINED_WITH_MA,
  NEVER_INITIAL,
  NO_MARK_AFTER,
  OPEN_STEM,
  ARTICLE_AND_TWO,
  PARTICLE_STEMS,
  SUFFIX_PRONOUNS,
  TRADE_STEM,
  TRADE_TAIL,
  NISBA_PLURAL_PRONOUN,
  VERB_PREFIXES,
  WORD_TAIL_FUNCTION_WORDS,
  articleBeforeRelative,
} from '../data/word-classes.ts';
import { DJB2_START, djb2Step, FNV_START, fnvOfKey, fnvStep, skipsInHash, wordKey } from '../word-hash.ts';
import type { Context } from './split-context.ts';

/** The most pieces one join may take. */
export const MAX_PIECES = 6;

export interface Piece {
  start: number;
  end: number;
  /** Undiacritized letters. */
  bare: string;
  /** The lexicon's answer for `bare`, once asked (a piece is asked about again for each join tried). */
  known: boolean | undefined;
}

export interface Gap {
  start: number;
  end: number;
  text: string;
}

export interface Chain {
  pieces: Piece[];
  /** gaps[k] lies between pieces[k] and pieces[k + 1]. */
  gaps: Gap[];
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
for (const [words, flag] of [
  [FUNCTION_WORDS, IS_FUNCTION],
  [SUFFIX_PRONOUNS, IS_SUFFIX],
  [PARTICLE_STEMS, IS_STEM],
  [VERB_PREFIXES, IS_PREFIX],
  [WORD_TAIL_FUNCTION_WORDS, IS_TAIL],
] as const) {
  for (const word of words) {
    const key = fnvOfKey(wordKey(word));
    let at = key & (CLASS_SLOTS - 1);
    while (CLASS_FLAGS[at] !== 0 && CLASS_KEYS[at] !== key) at = (at + 1) & (CLASS_SLOTS - 1);
    CLASS_KEYS[at] = key;
    CLASS_FLAGS[at]! |= flag;
    MAX_CLASS_LEN = Math.max(MAX_CLASS_LEN, stripHarakat(word).length);
  }
}
/** The classes of the word with this hash (0: none). */
function classOfHash(key: number): number {
  for (let at = key & (CLASS_SLOTS - 1); CLASS_FLAGS[at] !== 0; at = (at + 1) & (CLASS_SLOTS - 1)) {
    if (CLASS_KEYS[at] === key) return CLASS_FLAGS[at]!;
  }
  return 0;
}
// What the scan asks of a character, as one table load (every character of every article is
// asked): letter or mark, and the letter lists below as bits (a Set look-up per test cost more).
export const LETTER = 1;
const MARK = 2;
export const NO_MARK_AFTER_BIT = 4;
export const NEVER_INITIAL_BIT = 8;
export const WORD_FINAL_ONLY_BIT = 16;
const KIND = new Uint8Array(0x06d4);
for (let c = 0; c < KIND.length; c++) KIND[c] = isWordMarkCode(c) ? MARK : isBasicLetterCode(c) || isExtendedLetterCode(c) ? LETTER : 0;
for (const [letters, bit] of [
  [NO_MARK_AFTER, NO_MARK_AFTER_BIT],
  [NEVER_INITIAL, NEVER_INITIAL_BIT],
  [WORD_FINAL_ONLY, WORD_FINAL_ONLY_BIT],
] as const) {
  for (const l of letters) KIND[l.charCodeAt(0)]! |= bit;
}
/** The character's KIND bits (0 for anything that is not an Arabic letter or mark). */
export const kindOf = (c: number): number => (c < 0x06d4 ? KIND[c]! : 0);

// Per-word scan results, reused across calls (grown on demand).
let W = {
  start: new Int32Array(1024),
  end: new Int32Array(1024),
  len: new Int32Array(1024),
  first: new Int32Array(1024),
  last: new Int32Array(1024),
  hash: new Int32Array(1024),
  cls: new Uint8Array(1024),
  flags: new Uint8Array(1024),
  gap: new Int32Array(1024),
};
const LAST_IS_MARK = 1;
const TAIL_DEBRIS = 2;
const GAP_NBSP = 1 << 20; // gap[w] = number of space characters before word w (0: not linked), | GAP_NBSP

/** Room for every word of a text of n characters (a word and its separator take two at least). */
function ensureRoom(n: number): void {
  const words = (n >> 1) + 2;
  if (words <= W.start.length) return;
  const size = Math.max(words, W.start.length * 2);
  W = {
    start: new Int32Array(size),
    end: new Int32Array(size),
    len: new Int32Array(size),
    first: new Int32Array(size),
    last: new Int32Array(size),
    hash: new Int32Array(size),
    cls: new Uint8Array(size),
    flags: new Uint8Array(size),
    gap: new Int32Array(size),
  };
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
function interestingGap(w: number, text: string, damaged: boolean): boolean {
  const gap = W.gap[w]!;
  const n = gap & (GAP_NBSP - 1);
  if (gap & GAP_NBSP || n >= 2) return true;
  const l = w - 1;
  if (W.flags[l]! & LAST_IS_MARK || kindOf(W.last[l]!) & NO_MARK_AFTER_BIT) return false;
  if (kindOf(W.first[w]!) & NEVER_INITIAL_BIT || W.len[w] === 1) return true;
  // mayBeSplit's form VIII or X stem (افتُ|تحت، انتُ|زعت، اضطُ|رّ): three or four letters ending in ت or ط (the letters tested only then).
  if (
    (W.last[l] === 0x062a || W.last[l] === 0x0637) &&
    (W.len[l] === 3 || W.len[l] === 4) &&
    FORM_VIII_OR_X_STEM.test(stripHarakat(text.slice(W.start[l]!, W.end[l]!)))
  )
    return true;
  // mayBeSplit's article before a relative pronoun's rest (والّ|ذي، للّ|ذين): a short word ending in ل, then a short one.
  if (
    W.last[l] === 0x0644 &&
    W.len[l]! <= 4 &&
    W.len[w]! <= 4 &&
    articleBeforeRelative(stripHarakat(text.slice(W.start[l]!, W.end[l]!)), stripHarakat(text.slice(W.start[w]!, W.end[w]!)))
  )
    return true;
  const left = wordClass(l);
  const right = wordClass(w);
  if (left & IS_FUNCTION)
    return (
      (right & IS_SUFFIX) !== 0 ||
      ((left & IS_STEM) !== 0 && W.len[w]! <= 3) ||
      stemTailAt(text, w) ||
      tanweenAfterAlefAt(text, w) ||
      (W.len[w] === 2 && W.first[w] === 0x0645 && W.last[w] === 0x0627) || // ما (mayBeSplit: إنّ|ما)
      (W.len[l] === 2 &&
        (W.first[l] === 0x0623 || W.first[l] === 0x0627) &&
        W.last[l] === 0x0648 &&
        W.first[w] === 0x0644 &&
        W.len[w]! <= 3)
    );
  if (W.len[l]! <= 2 || right & IS_SUFFIX || left & IS_PREFIX) return true;
  // mayBeSplit's ربّ|ما، سيّ|ما after و or ف (وربّما).
  if (W.len[l] === 3 && W.len[w] === 2 && W.first[w] === 0x0645 && W.last[w] === 0x0627 && (W.first[l] === 0x0648 || W.first[l] === 0x0641))
    if (JOINED_WITH_MA.has(stripHarakat(text.slice(W.start[l]!, W.end[l]!)).slice(1))) return true;
  // mayBeSplit's piece in a hamza's seat (تفاؤ|لا، التأ|مينات), and the article and two letters in a document that shows damage
  // (المح|ترفون).
  const lastLeft = W.last[l]!;
  if (W.len[l]! >= 3 && (lastLeft === 0x0623 || lastLeft === 0x0624 || lastLeft === 0x0626)) return true;
  if (damaged && W.len[l]! >= 4 && W.len[l]! <= 6 && ARTICLE_AND_TWO.test(stripHarakat(text.slice(W.start[l]!, W.end[l]!)))) return true;
  if (right & IS_FUNCTION && !(right & IS_TAIL)) return false;
  if (W.len[l]! <= 5 && OPEN_STEM.test(stripHarakat(text.slice(W.start[l]!, W.end[l]!)))) return true;
  return W.len[w]! <= 4 || (W.len[w]! <= 6 && pronounEnd(text, w));
}

/** split-rules.ts mayBeSplit's PRONOUN_END on word w: its last two letters are ها، هم، كم or نا. */
function pronounEnd(text: string, w: number): boolean {
  const last = W.last[w]!;
  let i = W.end[w]! - 1;
  while (isWordMarkCode(text.charCodeAt(i))) i--;
  i--;
  while (isWordMarkCode(text.charCodeAt(i))) i--;
  const before = text.charCodeAt(i);
  return (
    (before === 0x0647 && (last === 0x0627 || last === 0x0645)) ||
    (last === 0x0645 && before === 0x0643) ||
    (last === 0x0627 && before === 0x0646)
  );
}

/**
 * Scans the text once and calls `visit` for each window of pieces around a run of interesting
 * gaps (plus the next piece, which some decisions look at). `atChainEnd` tells whether the
 * window's last piece ends its chain (so debris after it is word-final damage).
 */
export function forEachWindow(text: string, visit: (chain: Chain, atChainEnd: boolean) => void, ctx: Context, everyGap = false): void {
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
    let h = FNV_START;
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
      h = fnvStep(h, c); // marks are skipped above (KIND's MARK is skipsInHash)
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
      // In a text that shows damage, one space before punctuation or a line break is a lost final mark's too (split-rules
      // DAMAGED_TAIL); not one before the text's end, where a Markdown text node stops before a link or emphasis.
      if (nbsp || spaces >= 2 || (spaces === 1 && ctx.damaged && j < n && closesAfterLostMark(text, j))) flag |= TAIL_DEBRIS;
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
  // With everyGap (tests only), every gap between two words is looked at and no window is passed over.
  for (let w = 1; w < count; w++)
    INTERESTING[w] =
      W.gap[w] !== 0 &&
      (everyGap || interestingGap(w, text, ctx.damaged) || (ctx.damaged && W.gap[w] === 1 && Math.min(W.len[w - 1]!, W.len[w]!) <= 4))
        ? 1
        : 0;
  INTERESTING[count] = 0;
  let w = 1;
  /** The last piece of the last window: a window's extra piece on the right is covered too. */
  let covered = -1;
  while (w <= count) {
    if (w < count && INTERESTING[w]) {
      let b = w;
      while (b + 1 < count && INTERESTING[b + 1]) b++;
      const lastPiece = b + 1 < count && W.gap[b + 1] !== 0 ? b + 1 : b;
      if (everyGap || W.flags[lastPiece]! & TAIL_DEBRIS || !noJoinPossible(text, w - 1, b, ctx)) {
        visit(makeChain(text, w - 1, lastPiece), lastPiece + 1 >= count || W.gap[lastPiece + 1] === 0);
      }
      covered = lastPiece;
      w = b + 1;
      continue;
    }
    // Debris after a chain's last word, where no window already covers that word.
    const last = w - 1;
    if (W.flags[last]! & TAIL_DEBRIS && !INTERESTING[last] && last !== covered) visit(makeChain(text, last, last), true);
    w++;
  }
}

let INTERESTING = new Uint8Array(1024);

/**
 * Line end and the punctuation split-rules.ts DAMAGED_TAIL accepts after a word's lost final mark: \n . , ، ؛ : ! ؟ ? » ) ], but not
 * an ellipsis standing free between words (`تعرفني ... والسيف`: a verse's halves, words left out), whose space is the writer's.
 */
function closesAfterLostMark(text: string, at: number): boolean {
  return isClosingPunctuation(text.charCodeAt(at)) && !freeEllipsisAt(text, at);
}

function isClosingPunctuation(c: number): boolean {
  return (
    c === 0x0a ||
    c === 0x2e ||
    c === 0x2c ||
    c === 0x060c ||
    c === 0x061b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x061f ||
    c === 0x3f ||
    c === 0xbb ||
    c === 0x29 ||
    c === 0x5d
  );
}

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
    let h2 = DJB2_START;
    for (let i = W.start[s]!, end = W.end[s]!; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!skipsInHash(c)) h2 = djb2Step(h2, c);
    }
    for (let e = s + 1; e <= b && e - s < MAX_PIECES; e++) {
      if (e === s + 1 && W.len[e]! <= 2 && kindOf(W.first[e]!) & WORD_FINAL_ONLY_BIT) return false; // a ة/ى tail
      if (W.len[e] === 1 && W.first[e] === 0x0627) return false; // a lone ا: a lost tanween's seat
      if (e === s + 1 && W.len[e] === 1 && W.first[e] === 0x064a) return false; // a lone ي: a nisba's (split-rules.ts nisbaAfterArticle)
      // ون or ين after a word in ي: a nisba's plural (split-rules.ts nisbaPlural)
      if (e === s + 1 && W.len[e] === 2 && W.last[e] === 0x0646 && (W.first[e] === 0x0648 || W.first[e] === 0x064a) && W.last[s] === 0x064a)
        return false;
      if (e === s + 1 && W.first[e] === W.last[s] && (W.last[e] === 0x0629 || W.last[e] === 0x062a) && W.len[e]! <= 3) return false; // مفخّ|خة
      // ات and a pronoun after a word in ي: a nisba's feminine plural (split-rules.ts nisbaFemininePlural)
      if (e === s + 1 && W.first[e] === 0x0627 && W.last[s] === 0x064a && NISBA_PLURAL_PRONOUN.test(bareLetters(text, e))) return false;
      // A trade's noun split at its shadda (split-rules.ts tradeNoun: النحّ|الين), known to the lexicon or not.
      if (
        e === s + 1 &&
        ctx.damaged &&
        W.first[e] === 0x0627 &&
        (W.len[e] === 3 || W.len[e] === 4) &&
        TRADE_STEM.test(bareLetters(text, s)) &&
        TRADE_TAIL.test(bareLetters(text, e))
      )
        return false;
      for (let i = W.start[e]!, end = W.end[e]!; i < end; i++) {
        const c = text.charCodeAt(i);
        if (skipsInHash(c)) continue;
        h = fnvStep(h, c);
        h2 = djb2Step(h2, c);
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
  return hasHaraka(word) ? stripHarakat(word) : word;
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
  for (let i = 0; i < word.length; i++) if (isWordMarkCode(word.charCodeAt(i))) return true;
  return false;
}

/** split-rules.ts tanweenAfterAlef on the scan's word w: at most three letters, the last ا, a lost mark's debris after it. */
function tanweenAfterAlefAt(text: string, w: number): boolean {
  if (W.len[w]! > 3 || W.last[w] !== 0x0627) return false;
  const end = W.end[w]!;
  const c = text.charCodeAt(end);
  if (c === 0xa0) return true;
  if (c !== 0x20) return false;
  const d = text.charCodeAt(end + 1);
  return d === 0x20 || end + 1 >= text.length || closesAfterLostMark(text, end + 1);
}

/** stemTailAfterFunctionWord's test of the right piece, on the scan's word w. */
function stemTailAt(text: string, w: number): boolean {
  const len = W.len[w]!;
  const first = W.first[w]!;
  return len >= 2 && len <= 4 && ((first === 0x0627 && text.charCodeAt(W.start[w]! + 1) !== 0x0644) || first === 0x064a);
}

/**
 * Does the text bear the marks of lost harakat that clean text never shows: a piece that starts
 * with a letter no word starts with (مد ة، يتول ى), a lone alef after a word (سرب ا), neither of them a letter named or listed
 * (letterNamed: بين ى وي، ه بدل ة، ئ ء ؤ ر), or NO-BREAK
 * SPACE before a space (but not an editor's: two or more, and no word end of plain spaces that
 * could hold a mark, which the damage leaves beside them)? Joins of two pieces that are both words
 * need this before they are made.
 */
export function showsDamage(text: string): boolean {
  for (const sign of text.matchAll(SPLIT_SIGNS_G)) if (!letterNamed(text, sign.index!, sign[0])) return true;
  if (!NBSP_SIGN.test(text)) return false;
  // NO-BREAK SPACE and space after words, with no word end of plain spaces that could hold a mark anywhere, are an editor's; and
  // so are they among far more spaces before punctuation than the damage leaves (spacingTyped).
  return (plainWordEnd(text) || nbspWordEnds(text) < 2) && !spacingTyped(text);
}
const A = `[${LETTER_SPAN}]`;
const SPLIT_SIGNS = new RegExp(`${A} {1,2}[\u0629\u0649\u0624\u0626](?!${A}{3})|${A}{2} \u0627(?!${A}| ${A}(?!${A}))`);
const SPLIT_SIGNS_G = new RegExp(SPLIT_SIGNS.source, 'g');
const NBSP_SIGN = new RegExp(`${A}\u00A0 `);
/** Not after a letter or a mark: where a word begins. */
const NOT_IN_WORD = '(?<![\u0621-\u064A\u064B-\u0652])';
/** The letters' names. */
const LETTER_NAMES =
  'ألف|الف|باء|تاء|ثاء|جيم|حاء|خاء|دال|ذال|راء|زاي|سين|شين|صاد|ضاد|طاء|ظاء|عين|غين|فاء|قاف|كاف|لام|ميم|نون|هاء|واو|ياء|همزة';
/** Words before a letter that name it whatever follows (أو ى بدل ي، الألف ا، حرف ة). */
const NAMING_BEFORE = new RegExp(`${NOT_IN_WORD}[وف]?(?:أو|او|بدل|حرف|الحرف|ال(?:${LETTER_NAMES}))$`);
/** … and words that do only before another letter, being words too (بين ى وي, but بين  ة is بيّنة; كاف  ة is كافّة، ثم  ة ثمّة). */
const NAMING_BEFORE_LETTER = new RegExp(`${NOT_IN_WORD}[وف]?(?:بين|ثم|${LETTER_NAMES})$`);
const LONE = '[\u0621-\u064A](?![\u0621-\u064A\u064B-\u0652])';
const LONE_BEFORE = new RegExp(`${NOT_IN_WORD}[\u0621-\u064A]$`);
const TWO_LONE_BEFORE = new RegExp(`${NOT_IN_WORD}[\u0621-\u064A] [\u0621-\u064A]$`);
const LONE_AFTER = new RegExp(`^ [\u0629\u0649\u0624\u0626] ${LONE}`);
const TWO_LONE_AFTER = new RegExp(`^ [\u0629\u0649\u0624\u0626] ${LONE} ${LONE}`);
const LETTER_NEXT = /^ {1,2}[\u0621-\u064A] و?[\u0621-\u064A](?![\u0621-\u064A\u064B-\u0652])/;

/**
 * Is the sign at `at` a letter named or listed in clean text rather than a word's end split off: a letter after a word that names
 * it (بين ى وي، أو ى بدل ي، الألف ا) or before بدل (ه بدل ة); ة، ى، ؤ or ئ after a word that ends in a letter no word goes on after
 * (الألف المقصورة ى), or in a run of letters one space apart (a keyboard's row ئ ء ؤ ر، a word spelled out ب ر ي د ة)?
 */
function letterNamed(text: string, at: number, sign: string): boolean {
  const space = sign.search(/ {1,2}[\u0629\u0649\u0624\u0626]/);
  const endSign = space >= 0;
  const letterAt = at + (endSign ? space : sign.lastIndexOf(' '));
  const before = text.slice(Math.max(0, letterAt - 16), letterAt);
  const after = text.slice(letterAt, letterAt + 16);
  if (NAMING_BEFORE.test(before) || / {1,2}[\u0621-\u064A] بدل(?![\u0621-\u064A\u064B-\u0652])/.test(after)) return true;
  if (NAMING_BEFORE_LETTER.test(before) && LETTER_NEXT.test(after)) return true;
  // (The lone alef's sign, سرب ا, only before letters listed with و: يتعلم ا وب ول.)
  if (!endSign) return /^ ا و[\u0621-\u064A](?![\u0621-\u064A])/.test(after);
  if (sign.includes('  ')) return /[\u0629\u0649]$/.test(before); // (two spaces: a shadda and a vowel lost, ع  ة)
  // After a word in ة or ى; or in a run of letters one space apart, after a lone letter or before two (ئ ء ؤ ر، لا ى ة و ز،
  // ب ر ي د ة), not المدين ة و التقى.
  return (
    /[\u0629\u0649]$/.test(before) ||
    TWO_LONE_BEFORE.test(before) ||
    (LONE_BEFORE.test(before) && LONE_AFTER.test(after)) ||
    TWO_LONE_AFTER.test(after)
  );
}
