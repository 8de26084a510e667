/**
 * Words of a fully vocalised passage whose every mark became a space (a verse, a hadith, a line of poetry in damaged copy): where a chain
 * has a run of pieces that only such damage makes, the run is cut into words all at once, by the cheapest cut, a word the vocalised Quran
 * writes with marks just at its gaps costing least, one the lexicon knows a little more, one neither knows much more, a letter alone most.
 */
import type { Gap, Piece } from './split-scan.ts';
import type { Context } from './split-context.ts';
import { NEVER_INITIAL } from '../data/word-classes.ts';
import { FUNCTION_WORDS } from '../data/function-words.ts';
import { isWordMarkCode } from '../arabic.ts';
import { ARTICLE_AND_PROCLITICS, BARE_LETTERS, quranWrites } from '../vocalised-words.ts';

/** Letters only a word's end has (a text that leaves case endings out ends a word in ة with no mark lost). */
const WORD_FINAL = 'ةى';
/** One-letter conjunctions and prepositions, written on the word they open. */
const PROCLITICS = 'وفبكل';
/** The fewest pieces, and lone letters among them, that make a run: ordinary damaged news never has so many in a row. */
const RUN_PIECES = 6;
const RUN_LONE_LETTERS = 3;
const LONG_RUN = 8;
const LONG_RUN_LONE_LETTERS = 5;
/** The most pieces one word of such a run takes (و|ال|م|ؤ|م|ن|ون is seven). */
const WORD_PIECES = 10;

/** What a word costs: by who knows it; more when it reads as two words or ends in a lone و. */
const COST = { quran: 0.8, lexicon: 1, prefixed: 1.2, twoWords: 1.2, lastWaw: 0.6, unknown: 3, loneLetter: 5, alternation: 2.5 } as const;

/**
 * For each piece of a vocalised run that begins a word, the index of the word's last piece (undefined elsewhere), or undefined when the
 * chain has no such run (an array with nothing set when its runs have no cut). Only in a document that shows damage; `mayJoin(i, j)`
 * says whether pieces i..j may make one word at all (a digit, an abbreviation's dot or a unit's slash beside them).
 */
export function planVocalisedRuns(
  pieces: readonly Piece[],
  gaps: readonly Gap[],
  text: string,
  ctx: Context,
  mayJoin: (i: number, j: number) => boolean,
): (number | undefined)[] | undefined {
  if (!ctx.damaged || pieces.length < RUN_PIECES) return undefined;
  let plan: (number | undefined)[] | undefined;
  let a = 0;
  while (a < pieces.length) {
    if (!runPiece(pieces[a]!, text)) {
      a++;
      continue;
    }
    let b = a;
    while (b + 1 < pieces.length && gaps[b]!.text.length <= 3 && runPiece(pieces[b + 1]!, text)) b++;
    const next = b + 1;
    // A word of the piece before or after may reach into the run: it is cut from the first word's end to the last one's.
    let first = a;
    let last = b;
    if (first > 0) while (first < last && !forcedEnd(gaps[first - 1]!)) first++;
    if (last < pieces.length - 1) while (last > first && !forcedEnd(gaps[last]!)) last--;
    if (isRun(pieces, gaps, first, last)) {
      plan ??= [];
      cutRun(pieces, gaps, first, last, ctx, mayJoin, plan);
    }
    a = next;
  }
  return plan;
}

/** A piece that full vocalisation's damage leaves: every letter but the last written bare, the article apart; no mark left on it. */
function runPiece(piece: Piece, text: string): boolean {
  if (isWordMarkCode(text.charCodeAt(piece.end - 1))) return false;
  const bare = piece.bare;
  const from = ARTICLE_AND_PROCLITICS.exec(bare)?.[0].length ?? 0;
  for (let p = from; p < bare.length - 1; p++) if (!BARE_LETTERS.includes(bare[p]!)) return false;
  return true;
}

/**
 * Enough pieces, lone letters, and gaps where a word may have ended (a NO-BREAK SPACE, or two spaces and more, which a shadda and its
 * vowel inside a word leave too) to be such damage.
 */
function isRun(pieces: readonly Piece[], gaps: readonly Gap[], a: number, b: number): boolean {
  if (b - a + 1 < RUN_PIECES) return false;
  let lone = 0;
  let ends = 0;
  // (A vowel lost inside a word leaves one space: a line of letters typed two spaces apart is no run, ب  ت  ث  ج.)
  let vowels = 0;
  for (let k = a; k <= b; k++) {
    if (pieces[k]!.bare.length === 1) lone++;
    if (k === b) break;
    const gap = gaps[k]!;
    if (gap.text === ' ') vowels++;
    else if (forcedEnd(gap) || gap.text === '  ') ends++;
  }
  const others = b - a + 1 - lone;
  if (lone >= RUN_LONE_LETTERS && ends >= 2 && vowels > 0) return true;
  // … or a longer run with no word end marked in it, its letters alone beside pieces a long vowel opens (ك|يل|وم|ت|ر|ا), which
  // letters listed or spelled out one by one never have.
  return b - a + 1 >= LONG_RUN && lone >= LONG_RUN_LONE_LETTERS && others >= 2;
}

/** A gap only a word's end makes: a NO-BREAK SPACE, or three spaces and more (a final shadda and vowel, then the space). */
function forcedEnd(gap: Gap): boolean {
  return gap.text.includes('\u00A0') || gap.text.length >= 3;
}

/**
 * The shortest path through the run a..b. The damage turns a word's last mark into NO-BREAK SPACE and a space in turn, so between two
 * word ends with a NO-BREAK SPACE one word end has plain spaces: a cut that puts none or two there pays for it. best[k * 4 + c] is the
 * least cost of cutting pieces a..a+k-1 into words, c saying how many plain word ends follow the last NO-BREAK SPACE one (0 for none
 * seen yet, 1 + their number, at most 3).
 */
function cutRun(
  pieces: readonly Piece[],
  gaps: readonly Gap[],
  a: number,
  b: number,
  ctx: Context,
  mayJoin: (i: number, j: number) => boolean,
  plan: (number | undefined)[],
): void {
  const n = b - a + 1;
  const best = new Float64Array((n + 1) * 4).fill(Infinity);
  const back = new Int32Array((n + 1) * 4).fill(-1);
  best[0] = 0;
  for (let e = 0; e < n; e++) {
    const end = a + e;
    // The gap after the word: one space only after a letter written bare (a long vowel); the run's last piece may end anywhere.
    if (end < b && !mayEndWord(pieces[end]!, gaps[end]!)) continue;
    const kind = end < b ? endKind(gaps[end]!) : 'none';
    for (let s = e; s >= 0 && e - s < WORD_PIECES; s--) {
      const start = a + s;
      if (s < e && (forcedEnd(gaps[start]!) || WORD_FINAL.includes(pieces[start]!.bare.at(-1)!))) break; // no word runs across a word's end
      let cost = -1;
      for (let c = 0; c < 4; c++) {
        const before = best[s * 4 + c]!;
        if (!Number.isFinite(before)) continue;
        if (cost < 0) cost = wordCost(pieces, gaps, start, end, ctx, mayJoin);
        let next = c;
        let extra = 0;
        if (kind === 'nbsp') {
          if (c > 0 && c !== 2) extra = COST.alternation;
          next = 1;
        } else if (kind === 'plain' && c > 0) next = Math.min(3, c + 1);
        const total = before + cost + extra;
        if (total < best[(e + 1) * 4 + next]!) {
          best[(e + 1) * 4 + next] = total;
          back[(e + 1) * 4 + next] = s * 4 + c;
        }
      }
    }
  }
  let at = -1;
  for (let c = 0; c < 4; c++) if (Number.isFinite(best[n * 4 + c]!) && (at < 0 || best[n * 4 + c]! < best[at]!)) at = n * 4 + c;
  if (at < 0) return;
  while (at > 0) {
    const previous = back[at]!;
    plan[a + (previous >> 2)] = a + (at >> 2) - 1;
    at = previous;
  }
}

/** What a word end at this gap left: a NO-BREAK SPACE, plain spaces (a lost mark), or one space (no mark lost: a long vowel). */
function endKind(gap: Gap): 'nbsp' | 'plain' | 'none' {
  return gap.text.includes('\u00A0') ? 'nbsp' : gap.text.length >= 2 ? 'plain' : 'none';
}

function mayEndWord(piece: Piece, gap: Gap): boolean {
  return gap.text !== ' ' || BARE_LETTERS.includes(piece.bare.at(-1)!) || WORD_FINAL.includes(piece.bare.at(-1)!);
}

function wordCost(
  pieces: readonly Piece[],
  gaps: readonly Gap[],
  i: number,
  j: number,
  ctx: Context,
  mayJoin: (i: number, j: number) => boolean,
): number {
  let word = '';
  for (let k = i; k <= j; k++) word += pieces[k]!.bare;
  if (j > i && (NEVER_INITIAL.has(word[0]!) || articleInside(pieces, i, j) || !mayJoin(i, j))) return Infinity;
  if (word.length === 1) return COST.loneLetter;
  const quran = ctx.quran();
  if (quran && j > i) {
    const letters = pieces.slice(i, j + 1).map((p) => p.bare);
    const counts = gaps.slice(i, j).map((g) => g.text.length);
    const after = gaps[j];
    // (ا and ى carry no mark of their own, as vocalisedWordMarks reads them.)
    const finalLost = after && after.text !== ' ' && !'اى'.includes(word.at(-1)!) ? Math.min(2, after.text.length - 1) : 0;
    if (quranWrites(quran, letters, counts, finalLost)) return COST.quran;
  }
  const stem = word.replace(/^[وف]?[بلك]?/, '');
  const known = ctx.lex(word) ? COST.lexicon : stem !== word && stem.length >= 2 && ctx.lex(stem) ? COST.prefixed : 0;
  // A frequent word and another where a word may end are two words, whatever the lexicon says of the whole (في|حده، زال|في).
  if (j > i && twoWords(pieces, gaps, i, j, ctx, !known)) return (known || COST.unknown) + COST.twoWords;
  // A lone و after the word's other letters opens the next word more often than it ends this one (محمود|ورشته; نحو is whole).
  const endsInWaw = j > i && pieces[j]!.bare === 'و';
  return (known || COST.unknown) + (endsInWaw ? COST.lastWaw : 0);
}

/**
 * Does an article whose lam lost no mark (a bare lam: before a sun letter, or in prose's style) stand inside pieces i..j after more than
 * one-letter proclitics? Only the article leaves a lam bare, and it opens a word (تلعق|الصبرا).
 */
function articleInside(pieces: readonly Piece[], i: number, j: number): boolean {
  for (let k = i + 1; k <= j; k++) {
    const bare = pieces[k]!.bare;
    if (bare.length < 3 || !bare.startsWith('ال')) continue;
    for (let m = i; m < k; m++) if (pieces[m]!.bare.length !== 1 || !PROCLITICS.includes(pieces[m]!.bare)) return true;
  }
  return false;
}

/**
 * Do pieces i..j read as two words where a word may end: a frequent word and a word the lexicon knows (it takes clitic chains for
 * words: في|حده، بما|دون، زال|في), or, when the whole is no word either, a frequent word and anything (ولا|تسقوه)?
 */
function twoWords(pieces: readonly Piece[], gaps: readonly Gap[], i: number, j: number, ctx: Context, unknown: boolean): boolean {
  let left = '';
  for (let m = i; m < j; m++) {
    left += pieces[m]!.bare;
    if (!mayEndWord(pieces[m]!, gaps[m]!) || left.length < 2) continue;
    let right = '';
    for (let k = m + 1; k <= j; k++) right += pieces[k]!.bare;
    if (right.length < 2) continue;
    const frequentLeft = FUNCTION_WORDS.has(left) || FUNCTION_WORDS.has(left.replace(/^[وف]?[بلك]?/, ''));
    if (frequentLeft && (unknown || ctx.lex(right))) return true;
    if (FUNCTION_WORDS.has(right) && (unknown || ctx.lex(left))) return true;
  }
  return false;
}
