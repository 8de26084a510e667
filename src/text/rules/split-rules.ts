/**
 * The split-word rules on one window of pieces (split-scan.ts): which gaps are joined (acceptJoin, gapReason …), the marks a join puts back
 * (marksFor), a word's final mark (final-marks.ts), the pieces an editor is asked about. split-scan.ts interestingGap mirrors mayBeSplit.
 */
import type { Edit } from '../edits.ts';
import type { Doubt } from '../options.ts';
import {
  FATHA,
  FATHATAN,
  DAMMA,
  KASRA,
  SHADDA,
  SUKUN,
  NBSP,
  isBasicLetterCode,
  LETTER_SPAN,
  isHarakaCode,
  isWordMarkCode,
  stripHarakat,
} from '../arabic.ts';
import { FUNCTION_WORDS, NO_TANWEEN } from '../data/function-words.ts';
import { FINAL_SHADDA, PREPOSITION, finalMarkFor, finalShaddaShape } from './final-marks.ts';
import { ARTICLE_AND_PROCLITICS, contextMarks, mayBeVocalisedWord, shapeMarks, wordMarks } from '../vocalised-words.ts';
import { planVocalisedRuns } from './vocalised-runs.ts';
import type { Context } from './split-context.ts';
import {
  showsDamage,
  kindOf,
  LETTER,
  MAX_PIECES,
  NEVER_INITIAL_BIT,
  NO_MARK_AFTER_BIT,
  WORD_FINAL_ONLY_BIT,
  type Chain,
  type Gap,
  type Piece,
} from './split-scan.ts';
import {
  AGENCY_INITIALS,
  CARDINALS,
  COUNTED_NOUNS,
  TITLES,
  VERB_PARTICLES,
  HAMZALESS_WORDS,
  PREPOSITION_PRONOUNS,
  RELATIVE_PRONOUNS,
  articleBeforeRelative,
  LATIN_LETTER_NAMES,
  COLLOQUIAL_LAST_PIECES,
  UNIT_ABBREVIATIONS,
  UNIT_SYMBOLS,
  LABEL_NOUNS,
  SOLFEGE,
  NAME_HEADS,
  NAME_HEADS_NOT_TAILS,
  OPEN_STEM,
  ARTICLE_AND_TWO,
  FORM_VIII_OPENING,
  NOUN_GOVERNORS,
  VOWELLED_SHORT_WORDS,
  JOINED_WITH_MA,
  NO_SUFFIX_WORDS,
  FORM_VIII_OR_X_STEM,
  PLURAL_PRONOUNS,
  STANDALONE_AFTER_LETTER,
  LONE_LETTER_WORDS,
  NEVER_INITIAL,
  PARTICLE_STEMS,
  PREFER_LEFT,
  PROCLITIC_CHAIN,
  SHADDA_BEFORE_ALEF,
  SHADDA_PARTICLES,
  SUFFIX_PRONOUNS,
  VERB_ONLY_PARTICLES,
  CLAUSE_OPENERS,
  VERB_PREFIX,
  WORD_LIKE_PREFIXES,
  WORD_TAIL_FUNCTION_WORDS,
  HAMZALESS_PARTICLES,
  NUMBER_WORDS,
  LETTERED_PLACES,
  TRADE_STEM,
  TRADE_TAIL,
  NISBA_PLURAL_PRONOUN,
} from '../data/word-classes.ts';

/** أن، إن، أم written without their hamza, alone or with a pronoun suffix. */
const HAMZALESS_TAIL = /^(?:ا[نم]|ان(?:ه|ها|هما|هم|ني|نا|ك|كم))$/;
/** A lone ل before a word: the preposition with its kasra lost (لِلأطفال، لِإعادة), never written apart. */
const LONE_LAM = /(?<![\u0621-\u064A\u064B-\u0652\d])ل [\u0621-\u064A]{2}/;
const LONE_LAM_G = new RegExp(LONE_LAM.source, 'g');
/** من or عن (after و or ف) before a pronoun its writer marked the sukun before, or a frequent word that ends in a lone letter (منذ). */
function sukunBeforeTail(L: string, R: string, right: Piece, text: string): boolean {
  const bare = L.replace(/^[وف](?=..)/, '');
  if (bare === 'من' && R === 'ها') return true;
  if (bare === 'عن' && (R === 'ها' || R === 'هم' || R === 'هما')) return true;
  return R.length === 1 && !LONE_LETTER_WORDS.has(R) && FUNCTION_WORDS.has(L + R) && !/^[.ـ\d]/.test(text.charAt(right.end));
}

/**
 * A form II participle's start: proclitics and the article, م and its first two root letters (مدر، لمدر، والمور، المحل، للمطو; و or
 * ي last is a consonant, which the lost shadda and vowel were on).
 */
const PARTICIPLE_START = /^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)م[^ا][^اى]$/;
/** A participle's last root letter and its ending: plural, feminine, dual, tanween's alef or none (دون، بين، قة، دا، ع). */
const PARTICIPLE_END = /^[^ا](?:ون|ين|ة|ات|ان|ا|ي)?$/;
/**
 * Two marks lost between a participle's start and end (مدرّ  بين، والمورِّ  دون، المحلِّ  لون، المطوِّ  رين): the shadda and vowel of a
 * form II participle's middle letter. Two spaces that a final mark left between two words seldom fall so (a plural ending alone is
 * no word; بين، دون after a word of three letters in م are rare), except after a word whose last letter is doubled (مهمّ  لا، المحلّ).
 */
function participleSplit(L: string, R: string): boolean {
  return PARTICIPLE_START.test(L) && PARTICIPLE_END.test(R) && !FINAL_SHADDA.has(L.replace(BEFORE_STEM, ''));
}
/** The hamza on its seats: a piece that ends in one lost the vowel or sukun written on it. */
const HAMZA_SEATS = 'أؤئ';
/** Proclitics and the article before a word's stem (وبال، لل، ف). */
const BEFORE_STEM = /^[وف]?(?:[بكل]?ال|لل|[بكل])?/;
/** Word endings that are no word alone: plural and dual endings, the nisba's ي and its plurals. */
const ENDING_PIECES = new Set(['ين', 'ون', 'ات', 'ية', 'يين', 'يون', 'يات', 'ي']);
/** Nouns among the frequent words, which take a pronoun suffix after their case ending (بعضُها، جميعُهم، نفسُه، غيرُها). */
const PRONOUN_TAKING_NOUNS = new Set(['بعض', 'جميع', 'نفس', 'ذات', 'غير', 'مثل', 'أكثر', 'أقل']);
/** How far after a word the debris patterns look: a space, an ellipsis of a few dots and the space after it. */
const DEBRIS_LOOKAHEAD = 8;
/** A word tail's pronoun of two letters (ها، هم، كم، نا). */
const PRONOUN_END = /(?:ها|هم|كم|نا)$/;
/**
 * Debris after a word's last letter: NBSP, two spaces and more, or one space before punctuation or a line break (not before the
 * text's end: a Markdown text node ends with a space before a link or emphasis; not before an ellipsis standing free between words).
 */
const MARK_LOST_AFTER = /^(?:\u00A0| {2,}| (?=[\n,،؛:!؟?»)\]]|\.(?!\.+[ \u00A0])))/;
/** A noun's proclitic or article, then ت and two letters: the start of a form V masdar (بتلقّ، للتحدّ، التصدّ). */
const TAFAUUL_DEFECTIVE = /^(?:[وف]?[بلك](?:ال)?|[وف]?(?:ال|لل))ت[^ا]{2}$/;
/** ل or ب and a pronoun: a frequent word, and the tail of a stem whose last letter is ل or ب (يسجّ|له، لتعقّ|بها). */
const LETTER_PRONOUN_TAIL = /^[بل](?:ه|ها|هم|هما|نا|كم|ي)$/;
/** ب or ل and من or ما (لمن، بما، ولمن): a frequent word, never a word's stem. */
const PREPOSITION_AND_PARTICLE = /^[وف]?[بل]م[نا]$/;
/** A verb's subject suffix and object pronoun, nothing else (ناها، تهم، وه). */
const SUFFIXES_ONLY = /^(?:ت|تا|تم|تما|تن|نا|ن|وا|و|ا)?(?:ه|ها|هم|هما|هن|ك|كم|كما|كن|ني|نا|ي)?$/;
/** Word tails that begin with و: plural and pronoun suffixes (ضخّ|وا، يعدّ|ون، حمّ|لوه). */
const WAW_SUFFIXES = new Set(['وا', 'ون', 'وه', 'وها', 'وهم', 'وهما', 'ونا', 'وني', 'وك', 'وكم', 'ونه', 'ونها', 'ونهم', 'ونهما']);

export function repairChain(text: string, chain: Chain, ctx: Context, edits: Edit[], atChainEnd: boolean, doubts: Doubt[]): void {
  const { pieces, gaps } = chain;
  // Cheap screen first: a gap no rule could ever call damage ends every possible join there.
  const open = gaps.map((g, k) => mayBeSplit(pieces[k]!, pieces[k + 1]!, g, text, ctx.damaged));
  // A frequent word after a lone verb prefix that may open it is the middle of a word (يُ|بل|ّغون): the gap after it too.
  for (let k = 1; k < gaps.length; k++)
    if (!open[k] && open[k - 1] && VERB_PREFIX.test(pieces[k - 1]!.bare) && FUNCTION_WORDS.has(pieces[k]!.bare)) open[k] = true;
  const joined = pieces.map(() => false);
  // A fully vocalised passage's run of pieces is cut into words all at once (vocalised-runs.ts); the rules below decide the rest.
  const plan = planVocalisedRuns(pieces, gaps, text, ctx, (a, b) => !typedApart(pieces, a, b, text));
  let i = 0;
  while (i < pieces.length) {
    const planned = plan?.[i];
    const joinedTo = planned ?? greedyJoinEnd(pieces, gaps, open, joined, plan, i, text, ctx);
    const marksOf = planned === undefined ? marksFor : runMarks;
    for (let k = i; k < joinedTo; k++) {
      const gap = gaps[k]!;
      edits.push({ start: gap.start, end: gap.end, replacement: marksOf(pieces, gaps, i, k, joinedTo, text, ctx), rule: 'split-word' });
    }
    // Word-final damage after this word: NBSP, or two or more spaces, before the next word.
    const after = gaps[joinedTo];
    if (joinedTo > i) for (let k = i; k <= joinedTo; k++) joined[k] = true;
    if (after && isWordFinalDamage(after.text, ctx.damaged)) restoreFinal(pieces, gaps, i, joinedTo, after.text, ctx, edits, text);
    i = joinedTo + 1;
  }
  // Pieces left alone that are no word alone: the editor is asked about them (doubtfulPiece).
  for (let k = 0; k < pieces.length; k++) {
    if (joined[k]) continue;
    const doubt = doubtfulPiece(pieces, gaps, joined, k, text, ctx) ?? refusedForTheLine(pieces, gaps, open, joined, k, text, ctx);
    if (doubt) doubts.push(doubt);
  }
  // Damage at the chain's end (before punctuation or the line's end): the whitespace and
  // punctuation rules remove the debris; the mark comes back here when the evidence is strong.
  if (!atChainEnd) return;
  const last = pieces[pieces.length - 1]!;
  const tail = (ctx.damaged ? DAMAGED_TAIL : DEBRIS_TAIL).exec(text.slice(last.end, last.end + DEBRIS_LOOKAHEAD));
  // (A number may follow the debris: بأنّ  62%.)
  if (tail && !/\p{L}/u.test(text.charAt(last.end + tail[0].length))) {
    let first = pieces.length - 1;
    while (
      first > 0 &&
      edits.length &&
      edits[edits.length - 1]!.rule === 'split-word' &&
      edits[edits.length - 1]!.start === gaps[first - 1]!.start
    )
      first--;
    restoreFinal(pieces, gaps, first, pieces.length - 1, tail[0], ctx, edits, text);
  }
}

/**
 * Two words left apart only because their line shows no damage of its own (lineShowsSplits), which would be joined in a line
 * that does (وشك لت الحكومة): the editor is asked about them.
 */
function refusedForTheLine(
  pieces: Piece[],
  gaps: Gap[],
  open: boolean[],
  joined: boolean[],
  k: number,
  text: string,
  ctx: Context,
): Doubt | undefined {
  if (!ctx.damaged || !open[k] || joined[k + 1] || gaps[k]!.text !== ' ') return undefined;
  const word = pieces[k]!.bare + pieces[k + 1]!.bare;
  if (!ctx.lex(word) && !ctx.seen(word)) return undefined;
  if (lineShowsSplits(text, pieces[k]!.end, ctx) || !acceptJoin(pieces, gaps, k, k + 1, text, ctx, false)) return undefined;
  return pairDoubt(pieces, gaps, k, text, ctx);
}

/** The editor's doubt about pieces a and a + 1: the two as written, and joined with the marks the repair would give them. */
function pairDoubt(pieces: Piece[], gaps: Gap[], a: number, text: string, ctx: Context): Doubt {
  const L = pieces[a]!;
  const R = pieces[a + 1]!;
  const marks = marksFor(pieces, gaps, a, a, a + 1, text, ctx);
  return {
    offset: L.start,
    before: text.slice(L.start, R.end),
    candidate: text.slice(L.start, L.end) + marks + text.slice(R.start, R.end),
  };
}

/**
 * The last piece of the word that piece i opens, by the rules read two pieces at a time: the longest join acceptJoin takes, then
 * given up or extended as below. No join reaches into a planned vocalised run (`plan`).
 */
function greedyJoinEnd(
  pieces: Piece[],
  gaps: Gap[],
  open: boolean[],
  joined: boolean[],
  plan: (number | undefined)[] | undefined,
  i: number,
  text: string,
  ctx: Context,
): number {
  let joinedTo = i;
  let reach = i;
  while (reach < gaps.length && open[reach] && reach - i < MAX_PIECES - 1 && plan?.[reach + 1] === undefined) reach++;
  // Longest acceptable join first: a word split twice is rejoined whole.
  for (let j = reach; j > i; j--) {
    if (acceptJoin(pieces, gaps, i, j, text, ctx)) {
      joinedTo = j;
      break;
    }
  }
  // A word that would take the next piece gives it up to the piece after it when that one is no word alone and makes a
  // word with it (أحد سكّ|ان, not أحدسكّ ان; صارت همًّا, not صارتهمًّا).
  if (joinedTo > i && yieldsToRight(pieces, gaps, open, i, joinedTo, text, ctx)) joinedTo--;
  // Nor does a word alone take a pronoun that a tanween's alef follows (صارت هم  ا is صارت همًّا, not صارتهمًّا): a word with a
  // pronoun suffix never takes tanween.
  if (
    joinedTo > i &&
    pieces[i + 1]!.bare.length >= 2 &&
    SUFFIX_PRONOUNS.has(pieces[i + 1]!.bare) &&
    open[i + 1] &&
    endsWithTanweenSeat(pieces, i + 1, i + 2, text) &&
    pieces[i]!.bare.length >= 3 &&
    ctx.lexPiece(pieces[i]!)
  )
    joinedTo = i;
  // A second pass would see the rejoined word as one piece and might take the next piece too
  // (دُد|ة, مؤكّد|ًا): decide that now, so that normalizing twice never differs from once.
  while (
    joinedTo > i &&
    joinedTo < gaps.length &&
    open[joinedTo] &&
    plan?.[joinedTo + 1] === undefined &&
    extendsJoin(pieces, gaps, i, joinedTo, text, ctx)
  )
    joinedTo++;
  joinedTo = frequentWordFirst(pieces, gaps, open, i, joinedTo, text, ctx);
  joinedTo = endAtPronoun(pieces, gaps, i, joinedTo, text, ctx);
  if (joinedTo > i && (followsStrandedLetter(pieces, gaps, open, joined, i, text, ctx) || strandedEnding(pieces, gaps, joined, i, ctx)))
    joinedTo = i;
  return joinedTo;
}

/**
 * The join of pieces i..j gives up its last piece when that piece makes a word with the next one, which is no word alone (a
 * tail or a lone letter), and the join is acceptable without it (or piece i is a word alone): the lost mark is between j and
 * j + 1 (أحد سكّ|ان, not أحدسكّ ان; الّتي تميّ|ز, not الّتيّتمي ز).
 */
function yieldsToRight(pieces: Piece[], gaps: Gap[], open: boolean[], i: number, j: number, text: string, ctx: Context): boolean {
  const middle = pieces[j]!;
  const tail = pieces[j + 1];
  if (!tail || !open[j] || (gaps[j]!.text !== ' ' && gaps[j]!.text !== '  ')) return false;
  // A nisba's plural ending keeps to its nisba (المصريّ|ين جيّداً, not ينجي): it opens no word after it (strandedEnding).
  if (j === i + 1 && ctx.damaged && nisbaPlural(pieces, gaps, i)) return false;
  // A lone ي after a word of four letters or more without its proclitics, article or future's س (not a stem that lost its shadda:
  // لتلقّ|ي، ليؤدّ|ي، ستلبّ|ي; nor a dual's: مدينتَ|ي; nor a word whose last letter may be doubled, finalShaddaShape: مستحقّ|ي، حقّ|ي),
  // one space from a word it opens, is an imperfect's prefix whose damma was lost (في سباق يُ|قام، الطلّاب يُ|قاس), whatever the site
  // has seen of the word before with it (سباقَي 10 كلم، الطلّابي): a nisba or a possessive loses its mark after its ي, not before it.
  if (middle.bare === 'ي' && tail.bare.length >= 3 && gaps[j]!.text === ' ') {
    const before = joinedBare(pieces, i, j - 1);
    const stem = before.replace(/^(?:[وف]?[بلك]?ال|[وف]?لل)/, '');
    const known = j === i + 1 ? ctx.lexPiece(pieces[i]!) : acceptJoin(pieces, gaps, i, j - 1, text, ctx);
    if (known && (stem === before ? stem.replace(/^[وف]?(?:[بلك]|س(?=[يتنأ]))?/, '') : stem).length >= 4 && !finalShaddaShape(before, ''))
      return acceptJoin(pieces, gaps, j, j + 1, text, ctx);
  }
  // … and so is a lone ي after a word, one space from two letters that are no word alone and that it makes a word with (لم يعد
  // يُ|رى, not يعدّي رى): a word the ي would end leaves those letters stranded.
  if (
    middle.bare === 'ي' &&
    tail.bare.length === 2 &&
    gaps[j]!.text === ' ' &&
    !NEVER_INITIAL.has(tail.bare[0]!) &&
    !ctx.lexPiece(tail) &&
    (j === i + 1 ? ctx.lexPiece(pieces[i]!) : acceptJoin(pieces, gaps, i, j - 1, text, ctx))
  )
    return acceptJoin(pieces, gaps, j, j + 1, text, ctx);
  if (NEVER_INITIAL.has(middle.bare[0]!) || middle.bare.length < 2) return false;
  // The future's سي opens the verb after it, one space apart, a word or not (للخان سيُ|حفظ, not للخانّسي حفظ), unless it is the
  // nisba's tail of the word before (الفرن|سيّ  حاول, whose final shadda left two spaces; تحسّ|سيّ حادّ after a doubled س).
  if (middle.bare === 'سي' && tail.bare.length >= 3 && gaps[j]!.text === ' ' && !pieces[j - 1]!.bare.endsWith('س'))
    return acceptJoin(pieces, gaps, j, j + 1, text, ctx);
  if (tail.bare.length > 1 && ctx.lexPiece(tail)) return false;
  if (j === i + 1 ? pieces[i]!.bare.length < 2 || !ctx.lexPiece(pieces[i]!) : !acceptJoin(pieces, gaps, i, j - 1, text, ctx)) return false;
  return acceptJoin(pieces, gaps, j, j + 1, text, ctx);
}

/** Is `next` a word of five letters or more, and `before` (the pieces joined before it) a word that is not only proclitics? */
function wordAfterWord(before: string, next: Piece, ctx: Context): boolean {
  return next.bare.length >= 5 && !PROCLITIC_CHAIN.test(before) && ctx.lexPiece(next) && ctx.lex(before);
}

function extendsJoin(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context): boolean {
  let bare = '';
  for (let k = i; k <= j; k++) bare += pieces[k]!.bare;
  // (Nor a word of five letters or more after a rejoined word, one space apart: إذ فُكّ|ت قطعها.)
  if (gaps[j]!.text === ' ' && wordAfterWord(bare, pieces[j + 1]!, ctx)) return false;
  // (Nor a particle with its shadda and the first person's ي: إنّي، لكنّي are whole, the next piece begins a word: لكنّ|ي ركّزت.
  // Not كلّ, whose ي is more often a nisba's that a tail follows: كلّ|ي|ات.)
  if (j === i + 1 && pieces[j]!.bare === 'ي' && SHADDA_PARTICLES.has(pieces[i]!.bare) && withoutConjunction(pieces[i]!.bare) !== 'كل')
    return false;
  const whole: Piece = { start: pieces[i]!.start, end: pieces[j]!.end, bare, known: undefined };
  // (The pieces after the next stay in view: a lone letter may open a word that several lone letters make, opensLetterRun.)
  return acceptJoin([whole, ...pieces.slice(j + 1, j + 1 + MAX_PIECES)], gaps.slice(j, j + MAX_PIECES), 0, 1, text, ctx);
}

function restoreFinal(pieces: Piece[], gaps: Gap[], i: number, j: number, gap: string, ctx: Context, edits: Edit[], text: string): void {
  if (isWordMarkCode(text.charCodeAt(pieces[j]!.end - 1))) return; // its final mark is still there
  let word = '';
  for (let k = i; k <= j; k++) word += pieces[k]!.bare;
  // A unit's symbol after its number carries no mark (5 كغ ،).
  if (UNIT_SYMBOLS.has(word) && afterNumber(text, pieces[i]!.start)) return;
  // The mark the word before got back at its own end, right before this word (a noun's tanween its adjective agrees with).
  const prev = edits[edits.length - 1];
  const agree = i > 0 && prev?.rule === 'word-final-mark' && prev.start === pieces[i - 1]!.end ? prev.replacement : undefined;
  // A word rejoined from short pieces was fully vocalised: its last mark is a vowel (final-marks.ts vocalisedEnding).
  const around = {
    after: wordAfter(text, pieces[j]!.end + gap.length - 1),
    vocalised: fullyVocalised(pieces, i, j),
    beforeAcrossDebris: i > 0 ? pieces[i - 1]!.bare : '',
  };
  const mark = finalMarkFor(word, gap, ctx, wordBefore(text, pieces[i]!.start), agree, around);
  if (mark) edits.push({ start: pieces[j]!.end, end: pieces[j]!.end, replacement: mark, rule: 'word-final-mark' });
}

/** بين after a participle in م with the article or لل (المدرّ|بين، للمتدرّ|بين): its plural ending, or the preposition. */
function pluralTailBin(L: string, R: string): boolean {
  return R === 'بين' && /^(?:[وف]?[بك]?ال|[وف]?لل)م[\u0621-\u064A]{2}/.test(L);
}

/**
 * Could this gap be damage? Answers without the lexicon wherever it can, so clean text, where
 * every gap is a real space, costs a few comparisons per word.
 */
function mayBeSplit(left: Piece, right: Piece, gap: Gap, text: string, damaged: boolean): boolean {
  const L = left.bare;
  const R = right.bare;
  if (waslAlefOpens(left, right, text, damaged)) return true;
  if (kindOf(L.charCodeAt(L.length - 1)) & NO_MARK_AFTER_BIT) return false;
  if (isWordMarkCode(text.charCodeAt(left.end - 1))) return false; // a surviving haraka: not damaged here
  if (kindOf(R.charCodeAt(0)) & NEVER_INITIAL_BIT || R.length === 1) return true;
  // The passive of form VIII or X may lose the damma before any tail (افتُ|تحت، انتُ|زعت).
  if (FORM_VIII_OR_X_STEM.test(L)) return true;
  if (articleBeforeRelative(L, R)) return true;
  if (FUNCTION_WORDS.has(L))
    return (
      SUFFIX_PRONOUNS.has(R) ||
      (PARTICLE_STEMS.has(L) && R.length <= 3) ||
      stemTailAfterFunctionWord(L, R) ||
      tanweenAfterAlef(right, text) ||
      isOrBeforeLam(L, R) ||
      (R === 'ما' && MA_PARTICLES.test(L))
    );
  if (L.length <= 2 || SUFFIX_PRONOUNS.has(R) || VERB_PREFIX.test(L)) return true;
  if (R === 'ما' && JOINED_WITH_MA.has(withoutConjunction(L))) return true;
  // (doubledBeforeWordTail, in a document that shows damage)
  if (damaged && gap.text === ' ' && (LETTER_PRONOUN_TAIL.test(R) || (R.length === 2 && tanweenAfterAlef(right, text)))) return true;
  // A piece that ends in a hamza's seat kept its vowel or sukun there, whatever tail follows (تفاؤ|لا، متسائ|لا، التأ|مينات).
  if (L.length >= 3 && HAMZA_SEATS.includes(L[L.length - 1]!)) return true;
  if (gap.text === '  ' && participleSplit(L, R)) return true;
  if (damaged && ARTICLE_AND_TWO.test(L)) return true;
  if (FUNCTION_WORDS.has(R) && !WORD_TAIL_FUNCTION_WORDS.has(R) && !pluralTailBin(L, R)) return false;
  // After form VIII's اتّ or the article and one letter, the rest of the word is long (الاتّ|صالات، العُ|مانية).
  if (OPEN_STEM.test(L)) return true;
  // Word tails left by a lost shadda are short (مدرّ|عات، تكبّ|دت، المصنّ|فة), or short and a pronoun (معدّ|لاتها).
  return R.length <= 4 || (R.length <= 6 && PRONOUN_END.test(R));
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
  if (P === 'و' || P === 'ا' || (lone && text.charAt(piece.end) === '.') || HAMZALESS_TAIL.test(P)) return undefined;
  // A word written without its first hamza (اي، امر، ازمة، اخر) is a word.
  if (writtenWithoutHamza(P, ctx)) return undefined;
  // A plural, dual or nisba ending standing alone after a word, in a document that shows damage, is a word's tail whether or not
  // the lexicon knows the word (a name: حطّ|ين، الشابّ|ي).
  const ending =
    ctx.damaged && k > 0 && ENDING_PIECES.has(P) && !NUMBER_WORDS.has(pieces[k - 1]!.bare) && !afterNumber(text, pieces[k - 1]!.start);
  if (!lone && !NEVER_INITIAL.has(P[0]!) && !ending && ctx.lexPiece(piece)) return undefined;
  const pair = (a: number): boolean => {
    if (a < 0 || a + 1 >= pieces.length || gaps[a]!.text !== ' ' || joined[a] || joined[a + 1]) return false;
    const L = pieces[a]!;
    if (kindOf(L.bare.charCodeAt(L.bare.length - 1)) & NO_MARK_AFTER_BIT || isWordMarkCode(text.charCodeAt(L.end - 1))) return false;
    if (standsApartOnPurpose(pieces, a, a + 1, text, ctx) || hamzalessParticle(L.bare, pieces[a + 1]!.bare, ctx, text, L.start))
      return false;
    // Not a piece said again (لأ لأ), nor two letters inside a run of four lone letters or more, which the joins read whole: a
    // run left alone lists letters (a lesson's spelling, a puzzle's grid).
    if (L.bare === pieces[a + 1]!.bare) return false;
    // Nor a lone letter before a number: an abbreviation (في د 88، الساعة 3 م).
    if (pieces[a + 1]!.bare.length === 1 && /^ [\d\u0660-\u0669]/.test(text.slice(pieces[a + 1]!.end, pieces[a + 1]!.end + 2)))
      return false;
    if (L.bare.length === 1 && pieces[a + 1]!.bare.length === 1) {
      const [ra, rb] = runOfLoneLetters(text, L.start, false);
      if (rb - ra >= 6) return false;
    }
    // Nor a frequent word before a letter that is no pronoun's (ثم ل، أو ب، هي ث): letters named or listed; أن ه is أنّه.
    if (FUNCTION_WORDS.has(L.bare) && pieces[a + 1]!.bare.length === 1 && !'هكي'.includes(pieces[a + 1]!.bare)) return false;
    const word = L.bare + pieces[a + 1]!.bare;
    return ctx.seen(word) || ctx.lex(word) || (ending && a === k - 1 && L.bare.length >= 2 && !FUNCTION_WORDS.has(L.bare));
  };
  const left = pair(k - 1);
  const right = !NEVER_INITIAL.has(P[0]!) && !ending && pair(k);
  if (!left && !right) return undefined;
  let a: number;
  if (left && right) {
    const leftNoWord = !ctx.lexPiece(pieces[k - 1]!);
    const rightNoWord = !ctx.lexPiece(pieces[k + 1]!);
    if (leftNoWord !== rightNoWord) a = leftNoWord ? k - 1 : k;
    else a = lone && 'يتنأبلكف'.includes(P) ? k : k - 1;
  } else a = left ? k - 1 : k;
  return pairDoubt(pieces, gaps, a, text, ctx);
}

/**
 * A right piece that a frequent word's last letter, doubled, may have been split from: short, in
 * ا (not ال) or ي (أيّ|ام، التيّ|ارات، كلّ|ية). Never after a particle that only governs verbs.
 */
function stemTailAfterFunctionWord(L: string, R: string): boolean {
  return R.length >= 2 && R.length <= 4 && ((R[0] === 'ا' && R[1] !== 'ل') || R[0] === 'ي') && !VERB_ONLY_PARTICLES.has(L);
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
 * also one space before punctuation or a line's end (the lost mark's space, the real one absent), but not before an ellipsis
 * standing free between words (`العزائم .. وتأتي`: the writer's own space).
 */
const DEBRIS_TAIL = /^\u00A0|^ {2,}/;
const DAMAGED_TAIL = /^\u00A0|^ {2,}|^ (?=[\n,،؛:!؟?»)\]]|\.(?!\.+[ \u00A0]))/;

function acceptJoin(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context, askTheLine = true): boolean {
  for (let k = i; k < j; k++) {
    const bare = pieces[k]!.bare;
    if (
      kindOf(bare.charCodeAt(bare.length - 1)) & NO_MARK_AFTER_BIT &&
      !(k === i && waslAlefOpens(pieces[k]!, pieces[k + 1]!, text, ctx.damaged))
    )
      return false;
    // A haraka that is still there shows the text was not damaged at this word's end.
    const last = text.charCodeAt(pieces[k]!.end - 1);
    if (isHarakaCode(last)) return false;
  }
  if (standsApartOnPurpose(pieces, i, j, text, ctx)) return false;
  let word = '';
  for (let k = i; k <= j; k++) word += pieces[k]!.bare;
  const tanween = endsWithTanweenSeat(pieces, i, j, text);
  if (tanween && NO_TANWEEN.has(word.slice(0, -1)) && !SHADDA_BEFORE_ALEF.has(word.slice(0, -1))) return false;
  // A frequent word is whole: it may take a suffix (أنّ|ها) but never begins a longer join, unless a word tail ends it
  // (ة، ى or a tanween's alef) after a stem (كلّ|يّ|ة، كلّ|ي|ًّا، أيّ|ام|ًا، أوّ|لي|ًّا).
  // (Unless ان in a paragraph that writes أن with its hamza, before a fully vocalised word's lone letters: ان|ط|ل|ق is انطلق.)
  if (
    j - i > 1 &&
    FUNCTION_WORDS.has(pieces[i]!.bare) &&
    !tailAfterStem(pieces, gaps, i, j, tanween) &&
    !hamzalessBeforeLetterRun(pieces, gaps, i, j, text)
  )
    return false;
  // Nor does a short one whose first letter kept a vowel (مَن، لَم): it ends after its second letter (مَن تُوفّي, not مُنّت),
  // unless a lone letter follows that opens no word with the next piece (قُ|دّ|ر بمئات).
  if (j > i + 1 && vowelledShortWord(pieces, gaps, i)) {
    const third = pieces[i + 2]!;
    const fourth = pieces[i + 3];
    // (Nor when a suffix pronoun ends the join, one space apart: من|ه|م is منهم, the sukun of مَنْ هُمْ would leave two.)
    if (
      !pronounAfterShortWord(pieces, gaps, i, j, text) &&
      (third.bare.length > 1 || (fourth && gaps[i + 2]!.text === ' ' && ctx.lex(third.bare + fourth.bare)))
    )
      return false;
  }
  // Nor does one that the first pieces make, before a word of its own (م ن  فعل is مَنْ فعل, not
  // منفعل: the lost sukun of مَنْ left two spaces); a suffix or ما may still follow (إنّ|ما).
  for (let k = i + 1, prefix = pieces[i]!.bare; k < j; k++) {
    prefix += pieces[k]!.bare;
    if (gaps[k]!.text.length < 2 || !FUNCTION_WORDS.has(prefix)) continue;
    let rest = '';
    for (let m = k + 1; m <= j; m++) rest += pieces[m]!.bare;
    if (rest.length >= 3 && !SUFFIX_PRONOUNS.has(rest)) return false;
    // ثمّ، بل، لم … take no suffix at all: what follows their lost final mark is the next word (ثمّ|  كُلّف), unless a tail
    // (ثمّة، لمّا).
    if (NO_SUFFIX_WORDS.has(prefix) && rest !== 'ا' && !NEVER_INITIAL.has(rest[0]!)) return false;
  }
  // The name of God with its proclitics (الله، لله، بالله، والله) is whole: it takes no tail (والحمد لله جات, not للهُجات).
  for (let k = i; k < j; k++) if (GOD_NAME.test(pieces[k]!.bare)) return false;
  // No word begins with three lams: a lone ل before a word in لل closes the word before it (أوّ|ل للقطيع, not أو لِللقطيع).
  if (/^[وف]?للل/.test(word)) return false;
  // د or م with its dot before a word is a title (د. doctor, م. engineer: وأكّد د. باحميش), not the last letter of pieces that
  // already make a word of four letters or more: a word a lost mark splits before its last letter at a sentence's end leaves no
  // word before it (المحدّ|د.، المنظّ|م.).
  if (
    (pieces[j]!.bare === 'د' || pieces[j]!.bare === 'م') &&
    gaps[j - 1]!.text === ' ' &&
    dotBeforeWord(text, pieces[j]!.end) &&
    joinedBare(pieces, i, j - 1).length >= 4 &&
    ctx.lex(joinedBare(pieces, i, j - 1))
  )
    return false;
  // The word after a title (م. وليد، الدكتور خالد) is a name's first word, whole when it is a word of four letters or more: it takes
  // no piece of the surname after it (م. وليد عكّاري, not وليدّعك: the lexicon reads و|ل|يدع|ك as one word).
  if (
    pieces[i]!.bare.length >= 4 &&
    pieces[i + 1]!.bare.length >= 2 &&
    !(kindOf(pieces[i + 1]!.bare.charCodeAt(0)) & WORD_FINAL_ONLY_BIT) &&
    afterTitle(text, pieces[i]!.start) &&
    ctx.lexPiece(pieces[i]!)
  )
    return false;
  // ما one space after a word in ت stays apart (فاقت ما باعته, not فاقتُما): the joined form would be a second person dual, which
  // news, written in the third person, does not use; وقتما is the one word ما makes with a ت before it.
  if (
    pieces[j]!.bare === 'ما' &&
    gaps[j - 1]!.text === ' ' &&
    /^[\u0621-\u064A]{2,}ت$/.test(joinedBare(pieces, i, j - 1)) &&
    withoutConjunction(joinedBare(pieces, i, j - 1)) !== 'وقت' &&
    ctx.lex(joinedBare(pieces, i, j - 1))
  )
    return false;
  // The joined form must be a word (asked first: on clean text it almost never is) …
  const isWord =
    ctx.seen(word) ||
    ctx.lex(word) ||
    // ة and ى only end words: a short tail starting with one is certain, known word or not (هشّة).
    (j === i + 1 && pieces[j]!.bare.length <= 2 && (kindOf(pieces[j]!.bare.charCodeAt(0)) & WORD_FINAL_ONLY_BIT) !== 0) ||
    // A lone ا after a word is the seat of a lost tanween even when the lexicon lacks the word
    // (names); not after ال, which only a known word (التزامًا) may begin.
    (tanween && j === i + 1 && !word.startsWith('ال')) ||
    // A doubled letter split from its tail in ة, neither piece a word, in a text that shows damage (مفخّ|خة).
    (j === i + 1 && ctx.damaged && doubledBeforeTail(pieces[i]!, pieces[j]!, ctx)) ||
    // A trade's noun (فعّال) with the article, its shadda lost before the long ا, in a text that shows damage: the article and two
    // letters before ا, a letter and a plural's or ة's ending, one of them no word (النحّ|الين، التبّ|انة), known to the lexicon or not.
    (j === i + 1 && ctx.damaged && tradeNoun(pieces[i]!, pieces[j]!, ctx)) ||
    // The article's sun letter, two spaces (its shadda and vowel) before the rest of a word no lexicon knows (الس  نكروتروني).
    (j === i + 1 && ctx.damaged && sunLetterBeforeRest(pieces[i]!, pieces[j]!, gaps[i]!, ctx)) ||
    // A lone ي after a word with the article, in a text that shows damage, that opens no word after it: a nisba (a name's, the
    // lexicon lacks it) whose shadda was lost (ليلى الشابّ|ي، منير الشابّ|ي، إنّ).
    (j === i + 1 && ctx.damaged && nisbaAfterArticle(pieces, i, text, ctx)) ||
    // A nisba in ي and its plural ending, in a text that shows damage: the shadda of the ي was lost (ساديّ|ون، السوريّ|ين).
    (j === i + 1 && ctx.damaged && nisbaPlural(pieces, gaps, i)) ||
    // … and its feminine plural with a pronoun (إحداثيّ|اتها، إحداثيّ|اته), which the lexicon lacks more often still.
    (j === i + 1 && ctx.damaged && nisbaFemininePlural(pieces, gaps, i));
  if (!isWord) return false;
  // A join of three pieces or more does not take a last word of five letters or more after pieces that already make a word, not
  // only proclitics (إذ فُكّت قطعها, not فكّتقطعها: the lexicon's compound forms read anything as one word; but و|ل|إطلاق).
  if (j > i + 1 && gaps[j - 1]!.text === ' ' && wordAfterWord(joinedBare(pieces, i, j - 1), pieces[j]!, ctx)) return false;
  // … and every gap needs its own reason to be damage.
  for (let k = i; k < j; k++) {
    const r = tanween && k === j - 1 ? 'strong' : gapReason(pieces, gaps, k, i, j, ctx, text);
    // Debris (NBSP, or two spaces and more) is judged as the single space it collapses to, so a
    // second pass over the output decides exactly the same: normalizing twice never differs.
    if (r === null) return false;
    // Two pieces that are both words are joined only in a document that shows damage elsewhere, and in a line (a paragraph) that
    // shows it too: a clean paragraph beside damaged ones keeps its words (امتد حكم، لا فض فوك).
    // (`askTheLine` false: what the join would be in a line that shows it, refusedForTheLine.)
    if (r === 'weak' && (!ctx.damaged || (askTheLine && !lineShowsSplits(text, pieces[k]!.end, ctx)))) return false;
    // Nor across a lost final mark's debris (NBSP, three spaces), which no mark inside a word leaves, whose mark will be put
    // back, which a second pass then sees (تحدٍّ مهمّ, not تحدّمهمّ; وسُئِلَ رئيس, not وسئل لرئيس).
    if (
      /\u00A0| {3}/.test(gaps[k]!.text) &&
      finalMarkFor(joinedBare(pieces, i, k), gaps[k]!.text, ctx, '', undefined, vocalisedAt(pieces, i, k))
    )
      return false;
  }
  return true;
}

/**
 * Letters and words that news writes apart on purpose, which no lost mark explains: a name's
 * first word (أبو ظبي، عبد الله، بيت لحم); a lone و after a word; a lone letter that labels
 * (الفئة أ، فيتامين د، حرف ك), stands before a preposition (أ في) or after a number (30 م، 1998 م),
 * touches a digit or a tatweel (م2، هـ) or opens an abbreviation (ر.س); a run of lone letters that is an agency's
 * initials or a list (أ ف ب، (د ب أ)، فئتي أ و ب).
 */
function standsApartOnPurpose(pieces: Piece[], i: number, j: number, text: string, ctx: Context): boolean {
  // A formula's symbols touch their digits (ن يد3، ك أ2): no lost mark leaves a digit against a word.
  if (/^[\d\u0660-\u0669\u06F0-\u06F9]/.test(text.charAt(pieces[j]!.end))) return true;
  const second = pieces[i + 1]!.bare;
  // The letter هـ, written with its tatweel, is no word's piece (أ وهـ، ج هـ).
  for (let k = i; k <= j; k++) if (pieces[k]!.bare.endsWith('ه') && text.charCodeAt(pieces[k]!.end) === 0x0640) return true;
  // A list letter and the next with و on it, closing the list (التهاب الكبد أ وب، القطاعين أ وهـ): no lost mark leaves a letter alone
  // before و and a letter.
  if (
    j === i + 1 &&
    LISTED_WITH_WAW.test(`${pieces[i]!.bare} ${second}`) &&
    !isBasicLetterAt(text, pieces[i + 1]!.end) &&
    !isHarakaCode(text.charCodeAt(pieces[i + 1]!.end))
  )
    return true;
  // … nor opens that second letter a word after it (القطاعين أ وب لن تتأثر).
  if (LISTED_WITH_WAW.test(`${wordBefore(text, pieces[i]!.start)} ${pieces[i]!.bare}`)) return true;
  // An acronym spelled out in Latin letters' names (أر تي أس، بي بي سي).
  if (LATIN_LETTER_NAMES.has(pieces[i]!.bare) && LATIN_LETTER_NAMES.has(second)) return true;
  // … its last letter's name after the others, before a word (إيه سي ميلان; not في سي|ارة, في a preposition too).
  if (LATIN_LETTER_NAMES.has(pieces[i]!.bare)) {
    const before = wordBefore(text, pieces[i]!.start);
    if (LATIN_LETTER_NAMES.has(before) && !FUNCTION_WORDS.has(before)) return true;
  }
  // A foreign name's syllables (ليو وي مين): a two-letter first piece in و or ف that the lexicon reads as a conjunction (و + يمين),
  // after a word it does not know, before a last piece it does not know either, of three letters or more where the text shows
  // damage (ها، ية are tails), and the word before no fragment of a split word.
  const first = pieces[i]!.bare;
  if (first.length === 2 && 'وف'.includes(first[0]!) && !ctx.lexPiece(pieces[j]!) && (!ctx.damaged || pieces[j]!.bare.length >= 3))
    if (afterForeignWord(text, pieces[i]!.start, ctx)) return true;
  // (A piece in ة that is no word is a tail, not a name: بنّ|اءة.)
  if (
    (NAME_HEADS.has(pieces[i]!.bare) || NUMBER_WORDS.has(pieces[i]!.bare)) &&
    second.length >= 2 &&
    !NEVER_INITIAL.has(second[0]!) &&
    !(second.endsWith('ة') && !ctx.lexPiece(pieces[i + 1]!))
  )
    return true;
  // … nor a number word after its digits from a unit's letter (85 ألف م مربع، 30 ألف ل; not a tanween's alef: 20 ألفًا).
  if (NUMBER_WORDS.has(first) && second.length === 1 && second !== 'ا' && afterNumber(text, pieces[i]!.start)) return true;
  // A cardinal before the noun it counts (ثلاث تهم، سبع سنوات; not ثلاثّتهم): no lost mark parts a number from a word of three letters
  // or more the lexicon knows. (Not ست, whose ستّ|ين lost a shadda.)
  if (j === i + 1 && CARDINALS.has(first) && second.length >= 3 && ctx.lexPiece(pieces[i + 1]!)) return true;
  // … nor from a word of three letters or more before it, before a noun it counts (دام ست ساعات، استمر سبع سنوات; not a form II
  // verb's two letters, كرّ|ست سنوات، أسّ|ست دول).
  if (
    j === i + 1 &&
    (CARDINALS.has(second) || second === 'ست') &&
    withoutConjunction(first).length >= 3 &&
    COUNTED_NOUNS.has(wordAfter(text, pieces[j]!.end))
  )
    return true;
  // واد, the Maghreb's وادي, before a name (كلميم واد نون), not وادّعى، وادّخر, whose shadda was lost before their ع or خ.
  if (pieces[i]!.bare === 'واد' && second.length >= 3 && !/^[عخ]/.test(second) && ctx.lexPiece(pieces[i + 1]!)) return true;
  // The spoken بو before a name, called (يا بو علي); elsewhere بو is more often ب and a و whose damma was lost (بوُ|جود), but for a
  // name of three letters or more in a line that shows no damage (بيت بو سعيد), whatever joined form the site has seen (سيدي بوسعيد),
  // unless the lexicon reads بو and the word as ب and a word (بوُ|جود) and the word is no frequent given name (بو علي).
  if (pieces[i]!.bare === 'بو' && ctx.lexPiece(pieces[i + 1]!)) {
    if (/^و?يا$/.test(wordBefore(text, pieces[i]!.start))) return true;
    if (second.length >= 3 && (!ctx.lex(`بو${second}`) || NAMES_AFTER_BU.has(second)) && quietLine(text, pieces[i]!.start)) return true;
  }
  // … nor does a name's first word after a word (فيصل بن عبد الله، محمد أبو زيد; but يتدرّ|بن).
  // (Not ذي after the article, its shadda lost: والّ|ذي; nor after an imperfect's prefix that a particle governs: لم تُ|بنَ.)
  for (let k = i + 1; k <= j; k++)
    if (
      NAME_HEADS_NOT_TAILS.has(pieces[k]!.bare) &&
      ctx.lexPiece(pieces[k - 1]!) &&
      !(k - 1 === i && governedPrefix(pieces[i]!, text)) &&
      !articleBeforeRelative(pieces[k - 1]!.bare, pieces[k]!.bare)
    )
      return true;
  // A preposition that takes no tanween before a lone ا: the letter named (ترتب تحت ط لا تحت ا،), no lost tanween fath.
  if (j === i + 1 && second === 'ا' && NEVER_TANWEEN.has(first)) return true;
  // Letters listed with و on the next (أ وب وج، ا وب ول), each و and its letter a piece of two, in a line that shows no damage
  // (ر|وب|وت is a vocalised روبوت).
  for (let k = i; k <= j; k++) if (inListWithWaw(pieces, k, text) && quietLine(text, pieces[k]!.start)) return true;
  for (let k = i; k <= j; k++) {
    const piece = pieces[k]!;
    if (piece.bare.length !== 1) continue;
    // The run of lone letters one space apart that the letter is in (a, b: its first and last letters).
    const [runStart, runEnd] = runOfLoneLetters(text, piece.start, false);
    if (listedLetters(text, runStart, runEnd)) return true;
    if (piece.bare === 'ا') continue;
    if (piece.bare === 'و' && k > i && k === j) return true;
    // A letter after a unit no word begins with, in a line that shows no damage (30 كغ ن للفدان: kilograms of nitrogen).
    if (k > i && LETTERED_UNITS.has(pieces[k - 1]!.bare) && quietLine(text, piece.start)) return true;
    // (Not و before its word where a lone ل shows vocalised proclitics: وَ|من، وَ|أن; nor a passive's first letter before مع in a
    // document that shows damage, after a word that labels nothing: حيث جُ|مع قرابة، إذ قُ|مع المحتجّون.)
    if (
      k < j &&
      STANDALONE_AFTER_LETTER.has(pieces[k + 1]!.bare) &&
      !(piece.bare === 'و' && LONE_LAM.test(lineAround(text, piece.start))) &&
      !passiveBeforeMa(pieces, k, text, ctx)
    )
      return true;
    if (k === i && afterNumber(text, piece.start) && !prepositionAfterNumber(pieces, k, text)) return true;
    // A recipe's spoon (م ص، م ك: ملعقة صغيرة، كبيرة) in a line that shows no damage, after a number, a fraction or anything (نصف م ص
    // كركم، بين م ص وم ك).
    if (spoon(text, piece.start) && quietLine(text, piece.start)) return true;
    // An era's or a unit's letter written against its number (2026م هو، 30ك): no lost mark parts a word from a digit.
    if (k === i && /[\d\u0660-\u0669\u06F0-\u06F9]/.test(text.charAt(piece.start - 1))) return true;
    if (/^[\d\u0660-\u0669\u06F0-\u06F9\u0640]/.test(text.charAt(piece.end)) || text.charAt(piece.start - 1) === '\u0640') return true;
    // An abbreviation's letter, a dot between it and the next (ر.س، ج.م، ش.م.ع): no lost mark leaves a dot inside a word; nor
    // before a number, the article's, page's, part's, paragraph's or item's (وفق م. 3، في ص. 45; not متوقّ|ع. 3 لاعبين); nor a unit's
    // after a slash (كم/س، م/ث; not الأول/أ|كتوبر).
    if (ABBREVIATION_DOT.test(text.slice(piece.end, piece.end + 2))) return true;
    // … nor before its last letter (د.ك خلال، د.ل للدولار، ش.م.ك.ع تحقيق).
    if (text[piece.start - 1] === '.' && loneLetterAt(text, piece.start - 2)) return true;
    if ('مصجفب'.includes(piece.bare) && /^\.[ \u00A0]?\d/.test(text.slice(piece.end, piece.end + 3))) return true;
    if (text[piece.start - 1] === '/' && unitBeforeSlash(text, piece.start - 1)) return true;
    if (windDirection(text, piece.start)) return true;
    // A unit's letter after the degree sign (29 °م قبل الظهر).
    if (text[piece.start - 1] === '°') return true;
    if (
      codeLettersAfterNumber(text, runStart, runEnd) ||
      codeLettersBeforeNumber(text, runStart, runEnd) ||
      spelledOut(text, runStart, runEnd)
    )
      return true;
    // An abbreviation's letters before the word that says what they stand for (م ك تعني ملعقة كبيرة، و م ص تعني; not a word's last
    // letter alone: توقّ|ف تعني).
    if (runEnd > runStart && DEFINING_WORDS.has(wordAfter(text, runEnd + 1))) return true;
    // A currency's or unit's abbreviation after a number word, its dot closing the sentence (50 ألف ج.).
    if (NUMBER_WORDS.has(wordBefore(text, piece.start)) && /^\.(?:\s|$)/.test(text.slice(piece.end, piece.end + 2))) return true;
    // (No label is إ, which opens a word whose kasra was lost: على شكل إ شعاع is إِشعاع; nor ة or ى, a word's ending: الخطّ|ة; but
    // حرف إ، بحرف ة name the letter.)
    const labelNoun = wordBefore(text, piece.start);
    if (LETTERED_PLACES.has(labelNoun) && !'يتنإةى'.includes(piece.bare)) {
      const next = wordAfter(text, piece.end);
      if (!'بلكفو'.includes(piece.bare) || !next || !ctx.lex(piece.bare + next)) return true;
    }
    if (!'يتن'.includes(piece.bare) && LABEL_NOUNS.has(labelNoun) && (!'إةى'.includes(piece.bare) || /حرف$/.test(labelNoun))) return true;
    // … and so do the letters after it in a run of lone letters one space apart (الجذر ك ت ب، المثلث أ ب ج، المتغيرين س و ص).
    // (… or quoted whole after it: مادة «ق و ل», the letters touching the quotes, which no lost final mark stands between.)
    if (runStart < piece.start && !'يتنإةى'.includes(text[runStart]!) && LABEL_NOUNS.has(wordBefore(text, runStart))) return true;
    if (runEnd > runStart && text[runStart - 1] === '«' && text[runEnd + 1] === '»' && LABEL_NOUNS.has(wordBefore(text, runStart - 1)))
      return true;
    if (labelsAList(text, piece, ctx)) return true;
    if ((ctx.formulaLetters ??= formulaLetters(text)).has(piece.bare)) return true;
    // A list letter after a noun with the article is its label (المسار ب الذي): before a relative pronoun, or anywhere in a document
    // that shows no damage, it closes no word before it; nor does it open a relative pronoun after it. A vocalised proclitic still
    // opens its word (الطفل بِ|اللعب).
    if (LIST_LETTERS.includes(piece.bare) && /^[وفبلك]?ال.{2,}/.test(labelNoun)) {
      const relative = RELATIVE_PRONOUNS.has(wordAfter(text, piece.end));
      if ((k === j && k > i && (relative || !ctx.damaged)) || (k === i && relative)) return true;
    }
    if (initialsOrList(text, piece.start)) return true;
    if (namedLetter(pieces, k, text)) return true;
    if (lettersOr(text, piece) || itemLetter(text, piece) || optionLabel(text, piece)) return true;
    // A name's initials, each with its dot (شريكه م. ح. سبع سنوات، ع. م. الصالح): no lost mark leaves two such letters.
    if (dottedInitials(text, piece)) return true;
    // A name's initial after a title, its dot before the name (الحاج م. عبد الستار، الدكتورة ع. الصالح); not a word's ending in ة
    // or ى (الحاج|ة. ثم).
    if (!'ةى'.includes(piece.bare) && dotBeforeWord(text, piece.end) && TITLES.has(wordBefore(text, piece.start))) return true;
    // … or after any word, in a line that shows no damage (وضيفه م. حسام، ومعه د. سامي): a lost mark leaves a pronoun's letter
    // before a dot (ضيفهُم.) only in vocalised text, whose other lost marks the line would show; after no word, a word's last
    // letter (الشه|ر.); before a frequent word, which no name is, a sentence's last word (المهندس صمّ|م. ثم غادر).
    if (
      k > i &&
      !'ةى'.includes(piece.bare) &&
      dotBeforeWord(text, piece.end) &&
      !FUNCTION_WORDS.has(wordAfter(text, piece.end + 1)) &&
      ctx.lexPiece(pieces[k - 1]!) &&
      quietLine(text, piece.start)
    )
      return true;
    // Lone letters one space apart, six or more, that spell no word, in a line that shows no damage: letters listed (ج ش ق س د).
    if (quietLetterList(text, runStart, runEnd, ctx)) return true;
    // Chat's ف apart, before a word of four letters or more that the lexicon knows (ف خابرت البلدية، ف نكلم), in a line that
    // shows no damage: a lost mark leaves ف alone before a short stem (ف|رضت، ف|تحت), or in vocalised text (فَ|الطفل).
    if (k === i && j === i + 1 && piece.bare === 'ف' && chatFa(pieces, i, ctx) && quietLine(text, piece.start)) return true;
    // The spoken future's ح apart, before an imperfect the lexicon knows (مش عارف ح نكمل، بس ح نحاول), in a line that shows no damage:
    // a lost shadda leaves ح alone after its double (صحّ|ح), which the line's other lost marks would show.
    if (piece.bare === 'ح' && spokenFuture(pieces, k, ctx) && quietLine(text, piece.start)) return true;
    // ف, ك or ع apart from the article, in a line that shows no damage (انا ف الشغل، إحنا ك العادة، ع الطريق): typed so, or chat's
    // في and على; a lost vowel leaves them so only where the text is vocalised (فَ|الطفل), which the line would show. (ب and ل before
    // the article are more often a lost kasra, which editors write: بِ|الإضافة.)
    if (k === i && j === i + 1 && 'فكع'.includes(piece.bare) && pieces[k + 1]!.bare.startsWith('ال') && quietLine(text, piece.start))
      return true;
    // A lone ب before لا and the imperfect of زال labels what comes before it (الحجرة الجانبية ب لا تزال مغلقة): بلا, without, goes
    // before a noun, and لا تزال, still, is a verb's negation.
    if (
      k === i &&
      j === i + 1 &&
      piece.bare === 'ب' &&
      pieces[k + 1]!.bare === 'لا' &&
      /^[يتنأ]زال/.test(wordAfter(text, pieces[k + 1]!.end))
    )
      return true;
  }
  return false;
}

/** The one-letter words that open a word: conjunctions and prepositions. */
const PROCLITICS = 'وفكبل';
/**
 * Is lone letter k the first of a passive verb in مع (جُمع، سُمع، قُمع), in a document that shows damage: before مع and a word that is
 * no lone letter, after a word that is no label's noun (فيتامين ج مع), no lone letter and no number?
 */
function passiveBeforeMa(pieces: Piece[], k: number, text: string, ctx: Context): boolean {
  const piece = pieces[k]!;
  if (!ctx.damaged || !'جسق'.includes(piece.bare) || pieces[k + 1]!.bare !== 'مع') return false;
  const before = wordBefore(text, piece.start);
  const after = wordAfter(text, pieces[k + 1]!.end);
  return before.length >= 2 && !LABEL_NOUNS.has(nounKey(before)) && after.length >= 2 && !afterNumber(text, piece.start);
}

/** Is the piece a lone imperfect prefix (ي ت ن أ) after a particle that governs a verb (لم تُ|بنَ)? */
function governedPrefix(piece: Piece, text: string): boolean {
  return piece.bare.length === 1 && 'يتنأ'.includes(piece.bare) && VERB_PARTICLES.has(wordBefore(text, piece.start));
}

/** Prepositions that never take tanween: a lone ا after one is the letter named. */
const NEVER_TANWEEN = new Set(['تحت', 'فوق', 'عند']);
/** Units that begin no word, after which a lone letter says of what (كغ ن: kilograms of nitrogen). */
const LETTERED_UNITS = new Set(['كغ']);

/** Given names that follow بو though the lexicon reads بو and the name as ب and a word (بو علي, as ب + وعلي). */
const NAMES_AFTER_BU = new Set(['علي', 'عمر', 'عمرو', 'عزيز', 'عبيد', 'عزة']);

/** Is the lone letter at `at` a recipe spoon's م before ص or ك, or the ص or ك after م or وم? */
function spoon(text: string, at: number): boolean {
  if (text[at] === 'م') return text[at + 1] === ' ' && 'صك'.includes(text[at + 2]!) && loneLetterAt(text, at + 2);
  if (!'صك'.includes(text[at]!) || text[at - 1] !== ' ' || text[at - 2] !== 'م') return false;
  return loneLetterAt(text, at - 2) || (text[at - 3] === 'و' && kindOf(text.charCodeAt(at - 4)) === 0);
}

/**
 * Does the word, its conjunction and article aside, have four letters or more and end in a letter after a long و or ي (خليج، مشروع،
 * مسؤول), which no shadda doubles? (Not حين|ها، الوط|ني، ويع|ني: a short stem's و or ي is as often a consonant.)
 */
function afterLongVowel(word: string): boolean {
  const stem = word.replace(/^[وف]?(?:ال)?/, '');
  return stem.length >= 4 && 'وي'.includes(stem.at(-2)!) && !'ويىة'.includes(stem.at(-1)!);
}

/**
 * Does the line around `at` show the damage itself: a lost final mark's debris after a word (NO-BREAK SPACE, two spaces), one of
 * showsDamage's signs, two words one space apart that make a word the lexicon knows while one of them is none (سج لت) or a lone
 * letter (أ علن، ق تل، ي توق، توق ع; not و, a letter beside another lone one or after a noun that labels, as initials, lists and
 * labels stand: الفئة أ من), or two pairs of words apart, neither a frequent one, that each make a word (مدر عات ويتمر نون)? Asked for
 * the joins of two words (or the block's answer, NormalizeOptions.blockShowsSplits); the answer is kept for the line last asked.
 */
function lineShowsSplits(text: string, at: number, ctx: Context): boolean {
  if (ctx.blockShowsSplits) return ctx.blockShowsSplits();
  const known = ctx.lineShowingSplits;
  if (known && at >= known.start && at <= known.end) return known.shows;
  const [start, end] = lineSpan(text, at);
  const shows = splitsInLine(text.slice(start, end), ctx);
  ctx.lineShowingSplits = { start, end, shows };
  return shows;
}
const LETTER_RUN_G = /[\u0621-\u064A]+/g;
const DEBRIS_AFTER_LETTER = /[\u0621-\u064A](?:\u00A0| {2})/;
/** lineShowsSplits's answer for one line of text. */
export function splitsInLine(line: string, ctx: Context): boolean {
  if (DEBRIS_AFTER_LETTER.test(line) || showsDamage(line)) return true;
  // The line's words, each with whether one space alone parts it from the one before.
  const words: string[] = [];
  const spaced: boolean[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let end = -1;
  for (const m of line.matchAll(LETTER_RUN_G)) {
    spaced.push(end >= 0 && m.index === end + 1 && line.charCodeAt(end) === 0x20);
    words.push(m[0]);
    starts.push(m.index);
    end = m.index + m[0].length;
    ends.push(end);
  }
  const lone = (k: number) => k >= 0 && k < words.length && words[k]!.length === 1;
  let wordPairs = 0;
  let lastPairEnd = -1;
  for (let k = 1; k < words.length; k++) {
    if (!spaced[k]) continue;
    const a = words[k - 1]!;
    const b = words[k]!;
    if (a.length === 1 || b.length === 1) {
      const letter = a.length === 1 ? k - 1 : k;
      if (words[letter] === 'و' || (lone(letter - 1) && spaced[letter]) || (lone(letter + 1) && spaced[letter + 1])) continue;
      const label = spaced[letter] ? words[letter - 1]! : '';
      if (LABEL_NOUNS.has(label) || LETTERED_PLACES.has(label)) continue;
      // (A name's initial after a title, its dot after it: الحاج م. عبد الستار; …)
      if (letter === k && line.charCodeAt(ends[k]!) === 0x2e && TITLES.has(a)) continue;
      // (… or after any word, before a name that is no frequent word: وقال ع. الشرع; not a sentence's end, المحدّ|د. ثم.)
      if (letter === k && dotBeforeWord(line, ends[k]!) && !FUNCTION_WORDS.has(words[k + 1]!)) continue;
      // (A letter of an abbreviation, a dot against it and a letter on the dot's other side: 15 د.ت في، ق.م.)
      if (abbreviationLetter(line, starts[letter]!, ends[letter]!)) continue;
      // (A unit's letter after its number: 800 م ما بين.)
      if (letter === k - 1 && afterNumber(line, starts[letter]!)) continue;
      if (a.length === 1 && b.length === 1) continue;
      if (ctx.lex(a + b)) return true;
      continue;
    }
    if (!ctx.lex(a + b)) continue;
    // (Latin letters' names spelling an acronym: «إي سي جي».)
    if (LATIN_LETTER_NAMES.has(a) && LATIN_LETTER_NAMES.has(b)) continue;
    if (!ctx.lex(a) || (!ctx.lex(b) && !COLLOQUIAL_LAST_PIECES.has(b))) return true;
    // (Two pairs apart: اللي فات كنا is one pair read two ways.)
    if (FUNCTION_WORDS.has(a) || FUNCTION_WORDS.has(b) || k - 1 === lastPairEnd) continue;
    lastPairEnd = k;
    if (++wordPairs >= 2) return true;
  }
  return false;
}

/** Is the lone letter at start..end of the line one of an abbreviation's: a dot against it with a letter on the dot's other side (د.ت، ق.م)? */
function abbreviationLetter(line: string, start: number, end: number): boolean {
  return (
    (line.charCodeAt(start - 1) === 0x2e && isBasicLetterAt(line, start - 2)) ||
    (line.charCodeAt(end) === 0x2e && isBasicLetterAt(line, end + 1))
  );
}

/**
 * Does the line around `at` show no damage: no NO-BREAK SPACE, no two spaces together, none of showsDamage's signs, no lone ل
 * before a word (vocalised proclitics, whose ف|استجابت is فَاستجابت)?
 */
function quietLine(text: string, at: number): boolean {
  const line = lineAround(text, at);
  return !/\u00A0| {2}/.test(line) && !showsDamage(line) && !LONE_LAM.test(line);
}

/** Words between a letter and a word it opens, in the spelling alphabets of call centres (س زي سمير، ح مال حسين، ف حق فهد). */
const SPELLING_LINKS = new Set(['زي', 'مال', 'حق', 'متل', 'مثل', 'بحال']);

/**
 * Is lone letter k named: before a spelling alphabet's link and a word it opens (س زي سمير; not ب حق، ف مثل, a word's first letter
 * whose vowel was lost), or on either side of بدل between two letters (ه بدل ة; not له بدل، مدرّب بدل)?
 */
function namedLetter(pieces: Piece[], k: number, text: string): boolean {
  const letter = pieces[k]!.bare;
  const next = wordAfter(text, pieces[k]!.end);
  if (SPELLING_LINKS.has(next)) return wordAfter(text, pieces[k]!.end + 1 + next.length).startsWith(letter);
  if (next === 'بدل') return loneLetterAt(text, pieces[k]!.end + ' بدل '.length);
  return k > 0 && pieces[k - 1]!.bare === 'بدل' && wordBefore(text, pieces[k - 1]!.start).length === 1;
}

/** Is the lone letter one of two initials or more, each followed by a dot (م. ح.، ع. م. الصالح)? */
function dottedInitials(text: string, piece: { start: number; end: number }): boolean {
  if (text[piece.end] !== '.') return false;
  const next = piece.end + 2;
  const before = piece.start - 3;
  return (
    (text[piece.end + 1] === ' ' && loneLetterAt(text, next) && text[next + 1] === '.') ||
    (text.slice(before + 1, piece.start) === '. ' && loneLetterAt(text, before))
  );
}

/** A list option's letter before its parenthesis (أ) نواذيبو ب) نواكشوط), in a line with another: a lost mark leaves no such pair. */
function optionLabel(text: string, piece: { bare: string; start: number; end: number }): boolean {
  if (!LIST_LETTERS.includes(piece.bare) || text[piece.end] !== ')') return false;
  return (lineAround(text, piece.start).match(new RegExp(OPTION_LABELS, 'gu')) ?? []).length >= 2;
}

/**
 * Does the list letter open an item of a list whose next or previous letter opens another in the same line, in a line that shows no
 * damage (هكذا: أ سحب نقدي، ب استعلام عن الرصيد، ج تحويل)? A lost mark leaves no such sequence where nothing else was lost.
 */
function itemLetter(text: string, piece: { bare: string; start: number; end: number }): boolean {
  if (!LIST_LETTERS.includes(piece.bare) || text[piece.end] !== ' ') return false;
  const opensLine = piece.start === 0 || text[piece.start - 1] === '\n';
  if (!opensLine && !ITEM_OPENER.test(text.slice(piece.start - 2, piece.start))) return false;
  if (!quietLine(text, piece.start)) return false;
  const opened = new Set<string>();
  for (const m of lineAround(text, piece.start).matchAll(new RegExp(ITEM_LETTER, 'g'))) opened.add(m[1]!);
  const rank = LIST_LETTERS.indexOf(piece.bare);
  return (rank > 0 && opened.has(LIST_LETTERS[rank - 1]!)) || (rank < LIST_LETTERS.length - 1 && opened.has(LIST_LETTERS[rank + 1]!));
}

/**
 * Is the lone letter one of two or more letters with أو between them (مثل أ أو ب أو ن، الفئة ب أو ج)? Not with ل after أو, which is
 * أوّل split (تلقّ|ت أو|ل إشارة), unless a noun labels the first letter (الشعبة ك أو ل).
 */
function lettersOr(text: string, piece: { bare: string; start: number; end: number }): boolean {
  if (wordBefore(text, piece.start) === 'أو') {
    const first = startOfWordBefore(text, piece.start) - 2;
    // (ل only after a label's letter: الشعبة ك أو ل; elsewhere أو ل is أوّل split.)
    if (loneLetterAt(text, first) && (piece.bare !== 'ل' || LABEL_NOUNS.has(wordBefore(text, first)))) return true;
  }
  if (piece.bare === 'ل' || wordAfter(text, piece.end) !== 'أو') return false;
  const afterOr = text.indexOf(' ', piece.end + 1) + 1;
  return afterOr > 0 && (text[afterOr] !== 'ل' || LABEL_NOUNS.has(wordBefore(text, piece.start))) && loneLetterAt(text, afterOr);
}

const LETTER_LIST = 6;

function quietLetterList(text: string, a: number, b: number, ctx: Context): boolean {
  if ((b - a) / 2 + 1 < LETTER_LIST || !quietLine(text, a)) return false;
  return !ctx.lex(text.slice(a, b + 1).replace(/ /g, ''));
}

/** Is piece k in a list of letters written with و on each after the first (أ وب وج، ا وب ول): listedWithWaw from its first letter? */
function inListWithWaw(pieces: Piece[], k: number, text: string): boolean {
  let first = k;
  while (first > 0 && pieces[first]!.bare.length === 2 && pieces[first]!.bare[0] === 'و') first--;
  return pieces[first]!.bare.length === 1 && listedWithWaw(pieces, first, text);
}

/**
 * Is lone letter k, one that opens lists (ا أ ب ج د ه), followed by و glued to a letter, once or more, the letters in the alphabet's
 * order (أ وب وج، ا وب ول): a list of letters, not a split word (ر|وب|وت، ل|وب|يك، ل|ي|ون)?
 */
function listedWithWaw(pieces: Piece[], k: number, text: string): boolean {
  let letters = pieces[k]!.bare;
  for (let m = k + 1; m < pieces.length; m++) {
    const bare = pieces[m]!.bare;
    if (bare.length !== 2 || bare[0] !== 'و') break;
    letters += bare[1];
  }
  // (Two letters only before punctuation: ج|ون، ت|وم are names whose long و follows their first letter.)
  const end = pieces[k + letters.length - 1]!.end;
  const enough = letters.length >= 3 || (letters.length === 2 && /^[.،,؛:)]/.test(text.charAt(end)));
  return enough && LIST_OPENERS.includes(letters[0]!) && ALPHABET_ORDERS.some((order) => ascending(letters, order));
}

function ascending(letters: string, order: string): boolean {
  let last = -1;
  for (const letter of letters) {
    const at = order.indexOf(letter === 'أ' ? 'ا' : letter);
    if (at <= last) return false;
    last = at;
  }
  return true;
}

/** Is the lone ف at i chat's, before a word of four letters or more, and no vocalised word beside it? */
function chatFa(pieces: Piece[], i: number, ctx: Context): boolean {
  const next = pieces[i + 1]!;
  if (next.bare.length < 4 || next.bare.startsWith('ال') || !ctx.lexPiece(next)) return false;
  const before = pieces[i - 1];
  const after = pieces[i + 2];
  return !(before && before.bare.length <= 2 && !FUNCTION_WORDS.has(before.bare)) && !(after && after.bare.length === 1);
}

/** Is the lone ح at k the spoken future's: before an imperfect of three letters or more (ن، ي، ت or أ and a stem) the lexicon knows? */
function spokenFuture(pieces: Piece[], k: number, ctx: Context): boolean {
  const next = pieces[k + 1];
  return next !== undefined && next.bare.length >= 3 && /^[نيتأ]/.test(next.bare) && ctx.lexPiece(next);
}

/**
 * Do pieces i..j stand apart by what is typed between or beside them, whatever the words: a digit against a letter (ن يد3، 2026م),
 * an abbreviation's dot (ر.س), a unit after a slash or a degree sign, a tatweel (بـ 5)? The only test a fully vocalised run's words
 * pass through (vocalised-runs.ts): its pieces are letters a lost mark left alone, which the rules for letters apart would refuse.
 */
function typedApart(pieces: Piece[], i: number, j: number, text: string): boolean {
  for (let k = i; k <= j; k++) {
    const piece = pieces[k]!;
    if (DIGIT_OR_TATWEEL.test(text.charAt(piece.start - 1)) || DIGIT_OR_TATWEEL.test(text.charAt(piece.end))) return true;
    if (ABBREVIATION_DOT.test(text.slice(piece.end, piece.end + 2)) || text[piece.start - 1] === '/' || text[piece.start - 1] === '°')
      return true;
  }
  return false;
}

/** A digit (Western, Arabic-Indic or Persian) or a tatweel: what a lost mark never leaves beside a letter. */
const DIGIT_OR_TATWEEL = /[\d\u0660-\u0669\u06F0-\u06F9\u0640]/;

/**
 * Is the run of lone letters a..b (runOfLoneLetters) three or more one after another in the alphabet's order, that spell no word (a
 * group of letters listed: ب ت ث،; ج ح خ فوق الرقم 3; ا ب ت ث; not ل م ن، م ن ه, nor a vocalised word's ك ل م ات)?
 */
function listedLetters(text: string, a: number, b: number): boolean {
  if (b - a < 4) return false;
  const letters = text.slice(a, b + 1).replace(/ /g, '');
  return ALPHABET_ORDERS[0]!.includes(letters.replace(/[أإآ]/g, 'ا')) && !SPELLED_WORDS.has(letters);
}
/**
 * Is the run of lone letters a..b two or more that a number opens and one plain space closes before a word, or punctuation or a
 * line's end closes (a car plate's or a code's letters: لوحة رقم ٥٤٣٢ ب ن ر في؛ a shelf mark: 892.73 س ن و ب،)? A vocalised word's letters after a number end in its lost final mark,
 * two spaces or a NO-BREAK SPACE (3 ك ت ب⍽ جديدة), or in a long vowel, whose word the run does not close.
 */
function codeLettersAfterNumber(text: string, a: number, b: number): boolean {
  if (b === a || !afterNumber(text, a) || FUNCTION_WORDS.has(text.slice(a, b + 1).replace(/ /g, ''))) return false;
  if ('اوي'.includes(text[b]!)) return false;
  // (Not before a word's tail, which the run's letters begin: 17 د ر ج ة is دَرَجَةً, 8 د ر ج ات.)
  const next = /^ ([\u0621-\u064A]+)/.exec(text.slice(b + 1, b + 24))?.[1];
  return next === undefined
    ? /^(?:\n|$)/.test(text.slice(b + 1, b + 2)) || (/^[،,.؛;:!؟?)»]/.test(text.charAt(b + 1)) && !'ةى'.includes(text[b]!))
    : next.length >= 2 && !WORD_TAILS.has(next) && !'ةى'.includes(next[0]!);
}
/** Words before a word spelled out or a root's letters (حروفها الأصلية غ ف ر، وزن ف ع ل). */
const SPELLING_CUES = new Set(['الأصلية', 'الأصلي', 'حروف', 'حروفه', 'حروفها', 'وزن', 'الوزن', 'تهجئة', 'تهجئتها']);
/** Words after an abbreviation that say what it stands for (م ك تعني ملعقة كبيرة). */
const DEFINING_WORDS = new Set(['تعني', 'يعني', 'ترمز', 'يرمز', 'اختصار']);
/**
 * Is the run of lone letters a..b three or more that a colon or a cue opens and whose last, a consonant, touches
 * punctuation or the line's end (a word spelled out: تهجئة: ق ل م، كلمة بيت: ب ي ت، حروفها الأصلية غ ف ر.)? A vocalised word's
 * last consonant lost its own mark there, which leaves a space; one that kept no mark but its vowels (سأرجع in «س أ ر ج ع») follows
 * a quotation mark, not a colon.
 */
function spelledOut(text: string, a: number, b: number): boolean {
  return (
    b - a >= 4 &&
    (text.slice(a - 2, a) === ': ' || SPELLING_CUES.has(wordBefore(text, a)) || /وزن على $/.test(text.slice(a - 9, a))) &&
    !'اويى'.includes(text[b]!) &&
    /^(?:[،.؛:!؟?,)»\]\n]|$)/.test(text.slice(b + 1, b + 2))
  );
}

/**
 * Is the run of lone letters a..b two or more before one plain space and a number (a car plate's letters: لوحة أ ب د
 * 1234)? Not a run that ends in a long vowel, a vocalised word's whose last letter took no mark (ف ي 2026 is فِي 2026), nor one that
 * spells a frequent word (م ن 2020 is مِن 2020).
 */
function codeLettersBeforeNumber(text: string, a: number, b: number): boolean {
  return (
    b > a &&
    !'اويى'.includes(text[b]!) &&
    /^ [\d\u0660-\u0669\u06F0-\u06F9]/.test(text.slice(b + 1, b + 3)) &&
    !FUNCTION_WORDS.has(text.slice(a, b + 1).replace(/ /g, ''))
  );
}
/** Endings that a split word's last piece may be. */
const WORD_TAILS = new Set(['ات', 'ان', 'ين', 'ون', 'ها', 'هم', 'هما', 'كم', 'نا', 'وا', 'ية', 'يات']);
/** Three letters in the alphabet's order that also spell a word. */
const SPELLED_WORDS = new Set(['كلم', 'لمن', 'منه', 'هوي']);

/**
 * Is the lone letter at `at` in a wind direction/**
 * Is the lone letter at `at` in a wind direction of a weather bulletin (ش، ج، غ، ق for north, south, west, east: شرقية ج ش
 * 10-15، غربية غ 20، الرياح: ج ج ش): a run of one to three of those letters right after a direction or the word wind? (Not a
 * word's last letter before a number: ليبلّ|غ 30.)
 */
function windDirection(text: string, at: number): boolean {
  if (!'شجغق'.includes(text[at]!)) return false;
  const [a, b] = runOfLoneLetters(text, at, false);
  const letters = text.slice(a, b + 1).replace(/ /g, '');
  if (letters.length > 3 || /[^شجغق]/.test(letters)) return false;
  return WIND_WORD.test(text.slice(Math.max(0, a - 12), a));
}

/** A dot between an abbreviation's letter and the next (ر.س، ج.م). */
const ABBREVIATION_DOT = new RegExp(`^\\.[${LETTER_SPAN}]`);

/** Is the token that ends right before the slash at `at` a unit (كم/س، م/ث، كغ/م)? */
function unitBeforeSlash(text: string, at: number): boolean {
  const unit = /[\u0621-\u064A]+$/.exec(text.slice(Math.max(0, at - 5), at))?.[0] ?? '';
  return unit === 'م' || UNIT_SYMBOLS.has(unit);
}
const WIND_WORD = /(?:^|[^\u0621-\u064A])[وف]?(?:ال)?(?:رياح|شمالية|جنوبية|شرقية|غربية|شمالي|جنوبي|شرقي|غربي):? $/;

/** fullyVocalised's answer as finalMarkFor takes it (the word after unknown). */
function vocalisedAt(pieces: Piece[], i: number, k: number): { after: string; vocalised: boolean } {
  return { after: '', vocalised: fullyVocalised(pieces, i, k) };
}

/** Are pieces i..j, none longer than two letters, three or more, or two with a lone letter (ي|ه|د|ف، ك|ان|ت، ت|ع)? */
function fullyVocalised(pieces: Piece[], i: number, j: number): boolean {
  if (j <= i) return false;
  let lone = false;
  for (let k = i; k <= j; k++) {
    const n = pieces[k]!.bare.length;
    if (n > 2) return false;
    if (n === 1) lone = true;
  }
  return j - i >= 2 || lone;
}

/** Letters that label the items of a list (الموقع أ … والموقع ب، الحاوية أ … والحاوية ب). */
const LIST_LETTERS = 'أبجده';
/** The letters a list of letters opens with: LIST_LETTERS and a bare alef (ا وب ول). */
const LIST_OPENERS = `ا${LIST_LETTERS}`;
/** A list letter opening an item: at the line's start or after a colon, a comma, a semicolon or a full stop, before a word. */
const ITEM_LETTER = `(?:^|[:،,؛.] )([${LIST_LETTERS}]) (?=[\\u0621-\\u064A]{2})`;
/** What stands before an item's letter inside a line: a colon, a comma, a semicolon or a full stop, and a space. */
const ITEM_OPENER = /^[:،,؛.] $/;
/** List letters before a parenthesis, each alone (أ) ب) ج)). */
const OPTION_LABELS = `(?<![\\p{L}\\p{M}])[${LIST_LETTERS}]\\)`;

/** A noun as lettersAfterNouns keys it: its letters, without a و or ف before its article. */
function nounKey(word: string): string {
  return /^[وف]ال/.test(word) ? word.slice(1) : word;
}

/**
 * Is this lone letter one of a list the document labels after the same noun: the word before it is written
 * before another list letter elsewhere in the document (الموقع أ قبالة أملج، والموقع ب قرب الجزر)? A lost
 * mark leaves no such pair.
 */
function labelsAList(text: string, piece: { bare: string; start: number }, ctx: Context): boolean {
  if (!LIST_LETTERS.includes(piece.bare)) return false;
  const noun = nounKey(wordBefore(text, piece.start));
  // (A frequent word is no label's noun: أنّ|ه and إنّ|ه lose their shadda before ه as often as أنّ|ا or أن أحدًا before أ.)
  if (noun.length < 2 || FUNCTION_WORDS.has(noun)) return false;
  const letters = (ctx.lettersAfterNouns ??= lettersAfterNouns(text)).get(noun);
  return letters !== undefined && letters.size >= 2;
}

/**
 * The letters the text writes alone beside a formula's operator (ع = ف / ز، س + 5 = 12): symbols, which stand apart wherever the
 * text uses them (حيث ف المسافة و ز الزمن). A lost mark leaves no operator. A slash is one only in a line with an equation (not a
 * unit's: 1.2 م/ث).
 */
function formulaLetters(text: string): Set<string> {
  const out = new Set<string>();
  if (!HAS_OPERATOR.test(text)) return out;
  for (const m of text.matchAll(FORMULA_LETTER)) out.add(m[0]);
  for (const line of text.matchAll(EQUATION_LINE)) for (const m of line[0].matchAll(DIVIDED_LETTER)) out.add(m[0]);
  out.delete('و'); // و/أو
  return out;
}
const LONE_LETTER = `(?<![\\p{L}\\p{M}\\u0640])[\\u0621-\\u064A](?![\\p{L}\\p{M}\\u0640])`;
const OPERATOR = '[=+×÷*<>≤≥^]';
const HAS_OPERATOR = new RegExp(OPERATOR);
const FORMULA_LETTER = new RegExp(`${LONE_LETTER}(?= ?${OPERATOR})|(?<=${OPERATOR} ?)${LONE_LETTER}`, 'gu');
const EQUATION_LINE = /^.*=.*$/gm;
const DIVIDED_LETTER = new RegExp(`${LONE_LETTER}(?= ?/)|(?<=/ ?)${LONE_LETTER}`, 'gu');

/** Every noun the text writes before a lone list letter (one space apart), with those letters. */
function lettersAfterNouns(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
    if (!LIST_LETTERS.includes(text.charAt(at + 1)) || !loneLetterAt(text, at + 1)) continue;
    const noun = nounKey(wordBefore(text, at + 1));
    if (noun.length < 2) continue;
    let letters = out.get(noun);
    if (!letters) out.set(noun, (letters = new Set()));
    letters.add(text.charAt(at + 1));
  }
  return out;
}

/**
 * Is the lone letter at piece k, after a number, a preposition that lost its vowel rather than a unit (الدقيقة 6 بِرأسية، الدقيقة
 * 27 مِنْ ركلة، 3-2 فِي مباراة)? ب is no unit; م، ع and ف are when no lone letter follows that ends من، عن، في with it.
 */
function prepositionAfterNumber(pieces: Piece[], k: number, text: string): boolean {
  const next = pieces[k + 1];
  if (!next || text.slice(pieces[k]!.end, next.start) !== ' ') return false;
  const letter = pieces[k]!.bare;
  // (Not after a number that a noun labels: the letter labels it too, الحافلة رقم 7 ب مساء، المرحلة 2 ب مراجعة.)
  if (letter === 'ب') return next.bare.length >= 2 && !labelledNumberBefore(text, pieces[k]!.start);
  if (next.bare.length !== 1 || !/^(?:من|عن|في)$/.test(letter + next.bare)) return false;
  return next.bare === 'ي' || markLostAfter(next, text);
}

/** Is the number right before this offset one that a noun labels (رقم 7، المرحلة 2، البوابة 3)? */
function labelledNumberBefore(text: string, at: number): boolean {
  const noun = /([\u0621-\u064A]+) [\d\u0660-\u0669\u06F0-\u06F9]+ $/.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  return noun !== undefined && (LABEL_NOUNS.has(noun) || LETTERED_PLACES.has(noun));
}

/** Is a number (and a space, or a writer's two: a number loses no mark) right before this offset? */
function afterNumber(text: string, at: number): boolean {
  let k = at - 1;
  // (A NO-BREAK SPACE right after a digit is an editor's, 1200⍽م: the damage leaves one only after a letter.)
  if (text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0xa0) return false;
  while (k > 0 && (text.charCodeAt(k - 1) === 0x20 || text.charCodeAt(k - 1) === 0xa0)) k--;
  const c = text.charCodeAt(k - 1);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** The name of God, after و or ف and a preposition or not (الله، لله، بالله، والله، فالله، تالله). */
const GOD_NAME = /^[وف]?(?:[بت]?الله|لله)$/;

/** Do a dot, a space and a letter follow `at` (a letter's dot before a word: م. حسام، د. باحميش)? */
function dotBeforeWord(text: string, at: number): boolean {
  return /^\. [\u0621-\u064A]/.test(text.slice(at, at + 3));
}

/** Is the word at `at` right after a title, a word (المهندس) or its letter with a dot (م. د.)? */
function afterTitle(text: string, at: number): boolean {
  return /(?:^|[^\u0621-\u064A\u064B-\u0652])[دم]\. $/.test(text.slice(Math.max(0, at - 4), at)) || TITLES.has(wordBefore(text, at));
}

/** إن (also the conditional) and لكن (also the light لكنْ), which unvocalised text writes apart before هم and هما. */
const CONDITIONAL_OR_LIGHT = new Set(['إن', 'ان', 'لكن']);

/**
 * An imperfect that the lexicon knows without its last letter ي only as a defective verb's jussive (يؤدِّ، يمضِ), which stands after
 * لم: anywhere else a lone ي after it is its own, not the next word's first letter (ويؤدّ|ي دور, not ويؤد يُدور).
 */
function keepsItsYa(L: string, piece: Piece, text: string, ctx: Context): boolean {
  return /^[وف]?س?[يت][\u0621-\u064A]{2,}$/.test(L) && ctx.lex(`${L}ي`) && withoutConjunction(wordBefore(text, piece.start)) !== 'لم';
}

/** The letters of the word before the one at `at` (one space apart), without harakat; '' if none. */
function wordBefore(text: string, at: number): string {
  if (text.charCodeAt(at - 1) !== 0x20) return '';
  return stripHarakat(text.slice(startOfWordBefore(text, at), at - 1));
}

/** Where the run of letters and marks that ends one character before `at` (the space before the word at `at`) begins. */
function startOfWordBefore(text: string, at: number): number {
  let a = at - 1;
  while (a > 0 && kindOf(text.charCodeAt(a - 1)) !== 0) a--;
  return a;
}

/** The letters of the word after the one ending at `at` (one space apart), without harakat; '' if none. */
function wordAfter(text: string, at: number): string {
  if (text.charCodeAt(at) !== 0x20) return '';
  let b = at + 1;
  while (b < text.length && kindOf(text.charCodeAt(b)) !== 0) b++;
  return stripHarakat(text.slice(at + 1, b));
}

/**
 * After كل ما, a word that reads "all that" (كل ما نطلبه، كل ما يسبب، كل ما في وسعه، كل ما لديهم، كل ما تحتاجه), not
 * "whenever" (كلّما اشتدّ، كلّما تأخّر): an imperfect verb, a function word, لدى with a pronoun, or nothing; or a verb whose
 * object is ه, the pronoun that returns to ما (كل ما اصطاده، كل ما قدّمناه; not كلّما رأيتها, whose ها is someone else).
 */
function allThatFollows(next: string): boolean {
  return (
    next === '' ||
    /^[ين]/.test(next) ||
    FUNCTION_WORDS.has(next) ||
    next.startsWith('لد') ||
    /^[تأ].+(?:ه|ها|هم|هن|كم|نا)$/.test(next) ||
    /^[\u0621-\u064A]{3,}ه$/.test(next)
  );
}

/** Is a lone letter at `at`, with one space and a word boundary on either side? */
function loneLetterAt(text: string, at: number): boolean {
  return kindOf(text.charCodeAt(at)) & LETTER ? kindOf(text.charCodeAt(at - 1)) === 0 && kindOf(text.charCodeAt(at + 1)) === 0 : false;
}

/** How many spaces stand right before / after `at`: one, or (when `wide`) a writer's two or NO-BREAK SPACE and space. */
function spacesBefore(text: string, at: number, wide: boolean): number {
  if (text.charCodeAt(at - 1) !== 0x20) return 0;
  const c = text.charCodeAt(at - 2);
  return c === 0x20 || c === 0xa0 ? (wide ? 2 : 0) : 1;
}
function spacesAfter(text: string, at: number, wide: boolean): number {
  const c = text.charCodeAt(at + 1);
  if (c === 0x20) return text.charCodeAt(at + 2) === 0x20 ? (wide ? 2 : 0) : 1;
  return c === 0xa0 && text.charCodeAt(at + 2) === 0x20 && wide ? 2 : 0;
}

/**
 * Is the lone letter at `at` part of a run of lone letters, one space apart, that reads as
 * initials or a list: one in parentheses, a table's cell or beside a dash (بيروت (أ ف ب) -), a known agency's
 * initials, or list letters joined by و (أ و ب)? A broken word's lone letters (س ج ل for سُجّل)
 * are none of these.
 */
function initialsOrList(text: string, at: number): boolean {
  const [a, b] = runOfLoneLetters(text, at, false);
  if (a === b) return typedInitials(text, at);
  const letters = text.slice(a, b + 1);
  if (AGENCY_INITIALS.has(letters)) return true;
  // (The alphabet: four letters in a run, or fewer beside هـ, which the run stops at. Four letters or more beside هـ, a letter
  // written as a letter, are a list of letters in any order: الحروف القمرية: أ ب غ ح … م هـ.)
  if (letters.length >= 7 && runBesideHeh(text, a, b)) return true;
  if ((letters.length >= 7 || text[a - 2] === '\u0640' || text[b + 2] === 'ه') && inAlphabetOrder(lettersAround(text, at))) return true;
  // List letters (أ و ب); و and one letter only before a dot or a comma (و د. سامي), not inside a word (وتُ|و|ّج).
  if (/^(?:و )?[أبجده](?: و [أبجده])*$/.test(letters) && (letters.length > 3 || /^[.,،)]/.test(text.charAt(b + 1)))) return true;
  // A person's two initials before punctuation, in a line that shows no damage (المشتبه فيه ع ر، البالغ; not ه م، a lost sukun's هم).
  if (b - a === 2 && /^[،,.؛]/.test(text.charAt(b + 1)) && !/[اوية]/.test(letters) && !FUNCTION_WORDS.has(letters.replace(' ', '')))
    if (quietLine(text, a)) return true;
  const before = text.slice(Math.max(0, a - 2), a).trim();
  const after = text.slice(b + 1, b + 3).trim();
  // (… or fills a table's cell, a pipe on one side and a pipe or the line's edge on the other: مبادئ المحاسبة | 3 | 78 | ج ج.)
  if (tableCell(text, a, b)) return true;
  return before === '(' || after.startsWith(')') || /^[-–—]/.test(after) || typedInitials(text, at);
}

/** Does the run a..b fill a table's cell: a pipe before or after it, and a pipe or the line's edge on the other side? */
function tableCell(text: string, a: number, b: number): boolean {
  const before = /(^|\|) *$/.exec(text.slice(text.lastIndexOf('\n', a - 1) + 1, a))?.[1];
  const after = /^ *(\||$)/m.exec(text.slice(b + 1))?.[1];
  return before !== undefined && after !== undefined && (before === '|' || after === '|');
}

/** A list letter and the next one with و on it (أ وب، ب وج، أ وه). */
const LISTED_WITH_WAW = /^[أبجدهزحط] و[أبجدهزحط]$/;

/** How far a list of letters is followed past a run's reach to find its هـ (the alphabet has 28). */
const LISTED_LETTERS = 28;
/** Does the run of lone letters a..b, followed to its ends, stand right before or after هـ (a lone ه with its tatweel)? */
function runBesideHeh(text: string, a: number, b: number): boolean {
  const heh = (k: number) => text[k] === 'ه' && text[k + 1] === '\u0640';
  let end = b;
  for (let n = 0; n < LISTED_LETTERS && !heh(end) && text[end + 1] === ' ' && loneLetterAt(text, end + 2); n++) end += 2;
  if (heh(end) || (text[end + 1] === ' ' && heh(end + 2))) return true;
  let start = a;
  for (let n = 0; n < LISTED_LETTERS && text[start - 1] === ' ' && loneLetterAt(text, start - 2); n++) start -= 2;
  return text[start - 1] === ' ' && heh(start - 3);
}

/**
 * Initials or list letters with a writer's double space, or an editor's NO-BREAK SPACE and space, between two of their letters
 * (أ  ف ب، أ  ش أ، أ و  ب): the run across such spaces, when it is short (a vocalised word's lost last mark leaves the same
 * spaces), is a known agency's or letters joined by و.
 */
function typedInitials(text: string, at: number): boolean {
  const [a, b] = runOfLoneLetters(text, at, true);
  if (b - a < 4 || b - a > 12) return false;
  const letters = text.slice(a, b + 1).replace(/[ \u00A0]+/g, ' ');
  return AGENCY_INITIALS.has(letters) || /^[أبجده](?: و [أبجده])+$/.test(letters);
}

/**
 * Where the run of lone letters around `at` begins and ends: one space apart, or also two (or NO-BREAK SPACE and space) when
 * `wide`; followed at most RUN_REACH letters each way (initials and list letters are short, a vocalised line's runs long).
 */
function runOfLoneLetters(text: string, at: number, wide: boolean): [number, number] {
  let a = at;
  let b = at;
  for (
    let w = spacesBefore(text, a, wide), n = 0;
    w && n < RUN_REACH && loneLetterAt(text, a - w - 1);
    w = spacesBefore(text, a, wide), n++
  )
    a -= w + 1;
  for (let w = spacesAfter(text, b, wide), n = 0; w && n < RUN_REACH && loneLetterAt(text, b + w + 1); w = spacesAfter(text, b, wide), n++)
    b += w + 1;
  return [a, b];
}

/** How far a run of lone letters is followed each way from the one asked about. */
const RUN_REACH = 8;

/** The alphabet in its two orders, hamza forms as alef: a run of its letters in either spells no word (أ ب ت ث، أ ب ج د). */
const ALPHABET_ORDERS = ['ابتثجحخدذرزسشصضطظعغفقكلمنهوي', 'ابجدهوزحطيكلمنسعفصقرشتثخذضظغ'];

/**
 * The run of lone letters around `at`, one plain space apart, هـ among them (its tatweel marks the lone ه: أ ب … ن هـ و ي). (A
 * vocalised word's lost last mark leaves two spaces or NO-BREAK SPACE: كلٌّ منهم is ك ل ⍽ م ن ه م, no run.)
 */
function lettersAround(text: string, at: number): string {
  const before: string[] = [];
  for (let k = at - 2; text[k + 1] === ' ' && before.length < RUN_REACH;) {
    const start = text[k] === '\u0640' ? k - 1 : k;
    if (loneTokenEnd(text, start) !== k + 1) break;
    before.unshift(text[start]!);
    k = start - 2;
  }
  const after: string[] = [];
  for (let k = at + 2; text[k - 1] === ' ' && after.length < RUN_REACH;) {
    const end = loneTokenEnd(text, k);
    if (end === -1 || (end < text.length && text[end] !== ' ')) break;
    after.push(text[k]!);
    k = end + 1;
  }
  return [...before, text[at]!, ...after].join(' ');
}

const isBasicLetterAt = (text: string, k: number) => k >= 0 && k < text.length && isBasicLetterCode(text.charCodeAt(k));

/** Where a token of one letter (or one letter and tatweel) that starts at k ends, or -1: no letter, mark or tatweel before it. */
function loneTokenEnd(text: string, k: number): number {
  if (!isBasicLetterAt(text, k) || isBasicLetterAt(text, k - 1) || /[\u064B-\u065F\u0640]/.test(text[k - 1] ?? '')) return -1;
  const end = text[k + 1] === '\u0640' ? k + 2 : k + 1;
  return isBasicLetterAt(text, end) ? -1 : end;
}

/** Are four letters of a run of lone letters (one space apart) next to each other in the alphabet's order? */
function inAlphabetOrder(letters: string): boolean {
  const run = letters.replace(/ /g, '').replace(/[أإآ]/g, 'ا');
  if (run.length < 4) return false;
  return ALPHABET_ORDERS.some((order) => {
    let inRow = 1;
    for (let k = 1; k < run.length; k++) {
      inRow = order.indexOf(run[k]!) === order.indexOf(run[k - 1]!) + 1 ? inRow + 1 : 1;
      if (inRow >= 4) return true;
    }
    return false;
  });
}

/** Pieces i and i + 1 are a word of three letters or more after the article and a lone ي that makes no word with the next piece. */
function nisbaAfterArticle(pieces: Piece[], i: number, text: string, ctx: Context): boolean {
  const L = pieces[i]!.bare;
  if (pieces[i + 1]!.bare !== 'ي' || !/^(?:[وفبلك]?ال|لل)..+$/.test(L)) return false;
  const next = wordAfter(text, pieces[i + 1]!.end);
  return next === '' || !ctx.lex(`ي${next}`);
}

/** L ends in the letter R begins with, R is that letter and ة (or ات), and neither is a word (مفخّ|خة، مفخّ|خات). */
function doubledBeforeTail(left: Piece, right: Piece, ctx: Context): boolean {
  const L = left.bare;
  const R = right.bare;
  return (
    L.length >= 3 &&
    L.at(-1) === R[0] &&
    (R.length === 2 ? R[1] === 'ة' : R.slice(1) === 'ات') &&
    !ctx.lexPiece(left) &&
    !ctx.lexPiece(right)
  );
}

/**
 * The article and two letters, and ا, a letter and a plural's or ة's ending, one of the two no word: a فعّال noun split at its shadda
 * (النحّ|الين، التبّ|انة).
 */
function tradeNoun(left: Piece, right: Piece, ctx: Context): boolean {
  return TRADE_STEM.test(left.bare) && TRADE_TAIL.test(right.bare) && (!ctx.lexPiece(left) || !ctx.lexPiece(right));
}

/**
 * A stem whose last letter, doubled, a lost shadda split from a tail that is a frequent word: ل or ب and a pronoun (يسجّ|له،
 * لتعقّ|بها، مدرّ|به) or, in the older style, a letter and the tanween's alef with debris after it (مصمّ|ماً، مكمّ|لاً). The
 * stem and the tail's first letter make a word (ل and ب are no suffix, so the lexicon knows that stem: يسجل، مصمم); the gap is
 * one plain space in a paragraph that shows damage, where a word before له that had a final mark would show its debris.
 */
function doubledBeforeWordTail(stem: string, right: Piece, gap: Gap, ctx: Context, text: string): boolean {
  const R = right.bare;
  if (!ctx.damaged || gap.text !== ' ' || stem.length < 3 || FUNCTION_WORDS.has(withoutConjunction(stem))) return false;
  if (!LETTER_PRONOUN_TAIL.test(R) && !(R.length === 2 && R[0] !== 'ا' && tanweenAfterAlef(right, text))) return false;
  return ctx.lex(stem + R[0]!) && showsDamage(lineAround(text, right.start));
}

/** Is piece m followed, one space apart, by a tail of one or two letters that only ends words (ة، ى، تان …)? */
function endsBeforeShortTail(pieces: Piece[], gaps: Gap[], m: number): boolean {
  const tail = pieces[m + 1];
  return (
    tail !== undefined && gaps[m]!.text === ' ' && tail.bare.length <= 2 && (kindOf(tail.bare.charCodeAt(0)) & WORD_FINAL_ONLY_BIT) !== 0
  );
}

/**
 * Is the word before `at` one the lexicon does not know, of three letters or more, and (where the text shows damage) no fragment: it
 * makes no word with the word before it either?
 */
function afterForeignWord(text: string, at: number, ctx: Context): boolean {
  const before = wordBefore(text, at);
  if (before.length < 3 || ctx.lex(before)) return false;
  return !ctx.damaged || !ctx.lex(wordBefore(text, startOfWordBefore(text, at)) + before);
}

/** The conjunction (and the future س) before an imperfect's prefix, which is no word of its own (وي، وت، فسن; not فنّ، في، سنّ). */
function prefixPiece(L: string): boolean {
  return /^[وف]س?[يتنأ]$/.test(L) && !WORD_LIKE_PREFIXES.has(L);
}

/** Does a clause open at `at`: punctuation before it, or a frequent word? */
function opensClause(text: string, at: number): boolean {
  const before = wordBefore(text, at);
  return before === '' ? !/\p{L}/u.test(text.charAt(at - 2)) : FUNCTION_WORDS.has(before);
}

/** The word without the conjunction و or ف before it (وربّ → ربّ). */
function withoutConjunction(L: string): string {
  return L.length > 2 && (L[0] === 'و' || L[0] === 'ف') ? L.slice(1) : L;
}

/** Are pieces m and m + 1 lone letters (the first after و or ف or not), one space apart, that make a short frequent word (مَن، ومَن، لَم)? */
function vowelledShortWord(pieces: Piece[], gaps: Gap[], m: number): boolean {
  const a = pieces[m];
  const b = pieces[m + 1];
  if (a === undefined || b === undefined || b.bare.length !== 1 || gaps[m]!.text !== ' ') return false;
  const first = a.bare.length === 2 && (a.bare[0] === 'و' || a.bare[0] === 'ف') ? a.bare[1]! : a.bare;
  return first.length === 1 && VOWELLED_SHORT_WORDS.has(first + b.bare);
}

/**
 * Do the pieces from m, a lone letter, and two short ones or more after it (a lone letter or a long ا and a letter, one space apart, or
 * two before a lone ا, ة or ى) make a word of three letters or more that ends in one of these or before a lost final mark? The
 * index of its last piece, or -1. Only a fully vocalised word leaves such a run (ت ن ت ج، ك ان ت، م م  ا).
 */
function letterRunEnd(pieces: Piece[], gaps: Gap[], m: number, ctx: Context, text: string): number {
  let word = pieces[m]!.bare;
  for (let e = m + 1; e < pieces.length && e - m < MAX_PIECES; e++) {
    const gap = gaps[e - 1]!.text;
    const bare = pieces[e]!.bare;
    // (Two spaces only before a lone ا, ة or ى: the shadda and a vowel of ممًّا، محميّة; before another letter they may be a final
    // mark's debris.)
    const tail = bare === 'ا' || bare === 'ة' || bare === 'ى';
    if ((gap !== ' ' && !(gap === '  ' && tail)) || bare.length > 2 || (bare.length === 2 && bare[0] !== 'ا')) return -1;
    word += pieces[e]!.bare;
    // (Two lone letters that make a frequent word ending in its long vowel: ف ي، ع ل ى.)
    const short = e - m === 1 && (bare === 'ي' || bare === 'ى') && FUNCTION_WORDS.has(word);
    if ((short || (e - m >= 2 && word.length >= 3 && (tail || markLostAfter(pieces[e]!, text)))) && ctx.lex(word)) return e;
  }
  return -1;
}

/**
 * A word that lone letters make from piece m (letterRunEnd's end) opens there when the join would cut it, or, a frequent word,
 * across a final mark's two spaces whether or not the join takes it whole (ل ه  ف ي is لَهُ فِي, not لهفي).
 */
function runPastJoinOrDebris(pieces: Piece[], m: number, end: number, j: number, gap: Gap): boolean {
  return end > j || (end >= 0 && gap.text.length >= 2 && FUNCTION_WORDS.has(joinedBare(pieces, m, end)));
}

/** Are pieces a..b (two at least) lone letters, one or two spaces apart: a fully vocalised word's letters (ط ل ق، ج د)? */
function loneLetterRun(pieces: Piece[], gaps: Gap[], a: number, b: number): boolean {
  if (b <= a) return false;
  for (let m = a; m <= b; m++) {
    if (pieces[m]!.bare.length !== 1) return false;
    if (m > a && gaps[m - 1]!.text !== ' ' && gaps[m - 1]!.text !== '  ') return false;
  }
  return true;
}

/**
 * Is piece i ان or ام in a paragraph that writes أن or إن with their hamza, and pieces i + 1..j lone letters one or two spaces apart
 * before a lost final mark: the start of a fully vocalised word of form VII or VIII (انْطَلَقَ، امْتَدَّ), not the particle? (After
 * any other frequent word the lone letters are a word of their own as often: لم ت ع د، أن ت ن ظ  م.)
 */
function hamzalessBeforeLetterRun(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string): boolean {
  const first = pieces[i]!.bare;
  if ((first !== 'ان' && first !== 'ام') || j >= pieces.length || gaps[i]!.text !== ' ') return false;
  if (!loneLetterRun(pieces, gaps, i + 1, j) || !markLostAfter(pieces[j]!, text)) return false;
  return HAMZA_PARTICLE.test(lineAround(text, pieces[i]!.start));
}

/**
 * Do pieces i + 2..j, one space apart from each other and from piece i + 1, make a suffix pronoun of two letters that ends in ا or
 * before a lost final mark (م ن ه م  is مِنْهُمْ, ع ن ه ا), or that makes a frequent word with the short word (م ن ه م، is منهم
 * before a comma too)? Not a lone letter, which may open the next word (مَن يُمثّل).
 */
function pronounAfterShortWord(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string): boolean {
  for (let k = i + 1; k < j; k++) if (gaps[k]!.text !== ' ') return false;
  const rest = joinedBare(pieces, i + 2, j);
  if (rest.length < 2 || !SUFFIX_PRONOUNS.has(rest)) return false;
  return rest.endsWith('ا') || markLostAfter(pieces[j]!, text) || FUNCTION_WORDS.has(joinedBare(pieces, i, j));
}

/** The letters of pieces i..k, joined. */
function joinedBare(pieces: Piece[], i: number, k: number): string {
  let word = '';
  for (let m = i; m <= k; m++) word += pieces[m]!.bare;
  return word;
}

/** Is there a lost mark's debris right after the piece (NBSP, two spaces, one space before punctuation)? */
function markLostAfter(piece: Piece, text: string): boolean {
  return MARK_LOST_AFTER.test(text.slice(piece.end, piece.end + DEBRIS_LOOKAHEAD));
}

/** A short piece ending in ا with a lost mark after it (NBSP, two spaces, one space before punctuation): the older style's tanween (أوّلاً). */
function tanweenAfterAlef(piece: Piece, text: string): boolean {
  return piece.bare.length <= 3 && piece.bare.endsWith('ا') && markLostAfter(piece, text);
}

/**
 * Pieces i..j are three: a stem that is a frequent word (كلّ، أيّ، قد، أوّ), one or two letters a lost mark split off
 * it (one space: no final mark's debris, as in أيّ  منّا), and a word's tail: ة or ى, or a tanween's lone alef (كلّ|يّ|ة، أوّ|لي|ًّا).
 */
function tailAfterStem(pieces: Piece[], gaps: Gap[], i: number, j: number, tanween: boolean): boolean {
  if (j !== i + 2 || pieces[i + 1]!.bare.length > 2 || gaps[i]!.text !== ' ') return false;
  const first = pieces[i]!.bare;
  if (!PARTICLE_STEMS.has(first) && !isOrBeforeLam(first, pieces[i + 1]!.bare)) return false;
  return tanween || NEVER_INITIAL.has(pieces[j]!.bare[0]!);
}

/**
 * After قد or أيّ, one letter and a pronoun: a form II verb with its object (قدّ|مها، أيّ|دها); not أيّ منّا, أيّ في. After أيّ only
 * د: أيّد is the one such verb news writes, and any other letter and pronoun is a noun after أيّ (ألا يشتري أيّ سهم).
 */
function verbAfterStem(L: string, R: string): boolean {
  if (R.length < 2 || R.endsWith('ي') || FUNCTION_WORDS.has(R) || !SUFFIX_PRONOUNS.has(R.slice(1))) return false;
  return L === 'قد' || L === 'وقد' || ((L === 'أي' || L === 'وأي') && R[0] === 'د');
}

/**
 * Is R a word written with a bare alef for its first hamza: a frequent word (ان، اي، او، اذا) or, three letters and more,
 * a word with أ or إ (امر، اخر، انني)? (A two-letter tail such as ار of التيّ|ار is not asked: أر is in the lexicon.)
 */
function writtenWithoutHamza(R: string, ctx: Context): boolean {
  if (R[0] !== 'ا') return false;
  if (FUNCTION_WORDS.has(R) || HAMZALESS_TAIL.test(R)) return true;
  return R.length >= 3 && (ctx.lex(`أ${R.slice(1)}`) || ctx.lex(`إ${R.slice(1)}`));
}

/**
 * A two-letter word after قد, كل, أي or كم that is also the tail of a word opened by the stem with a shadda (قدّ|مت، قدّ|رت، كلّ|فت،
 * كلّ|يا، أيّ|دا، كمّ|ية): only tails in these letters; every other word after them stands apart (قد تمّ، كلّ حيّ، أيّ حلّ).
 */
function wordTailAfterStem(L: string, R: string): boolean {
  return (WORD_TAIL_OPENINGS[withoutConjunction(L).replace(/^[بل]كل$/, 'كل')] ?? '').includes(R[0]!);
}
const WORD_TAIL_OPENINGS: Readonly<Record<string, string>> = { قد: 'مر', كل: 'فيم', أي: 'دا', كم: 'ي' };
/**
 * What follows such an opening letter in a three-letter tail: a verb's ending or pronoun (قدّ|مته، كلّ|فها، أيّ|دوا); not نا، هم or
 * تم, which make the frequent كل منّا، كم يتمّ.
 */
const STEM_TAIL_SUFFIXES = new Set(['ته', 'ها', 'وا']);

/** أو before a piece in ل: the start of أوّل (أوّ|ل، أوّ|لي|ة). */
function isOrBeforeLam(L: string, R: string): boolean {
  return (L === 'أو' || L === 'او') && R[0] === 'ل' && R.length <= 3;
}

/** The segment ends in a lone ا followed by no letter: a tanween fath was lost before it. */
function endsWithTanweenSeat(pieces: Piece[], i: number, j: number, text: string): boolean {
  return j > i && pieces[j]!.bare === 'ا' && !/\p{L}/u.test(text.charAt(pieces[j]!.end));
}

/**
 * Is R (ان، ام, or ان with a pronoun) after L the particle أن، إن، أم written without its hamza (يتوقّع ان، علي ان، اصدق
 * انني)? Only in a text that shows damage is it a tail: in a paragraph that shows damage and writes the particles with
 * their hamza, or after a doubled letter that follows at most two others (السكّ|ان، الفنّ|ان، الأيّ|ام).
 */
function hamzalessParticle(L: string, R: string, ctx: Context, text: string, at: number): boolean {
  if (!HAMZALESS_TAIL.test(R)) return false;
  if (!ctx.damaged) return true;
  // A paragraph that shows damage and writes أن or إن with their hamza writes ان only as a tail (يحدّ|ان، السكّ|ان).
  const line = lineAround(text, at);
  if (HAMZA_PARTICLE.test(line) && showsDamage(line)) return false;
  return L.replace(BEFORE_STEM, '').length > 2;
}
/** The line (paragraph) around offset `at`. */
function lineAround(text: string, at: number): string {
  return text.slice(...lineSpan(text, at));
}
/** Where the line around `at` starts and ends (before its newline). */
function lineSpan(text: string, at: number): [start: number, end: number] {
  const end = text.indexOf('\n', at);
  return [text.lastIndexOf('\n', at) + 1, end === -1 ? text.length : end];
}
/** Frequent words whose first letter takes a damma (ثُمَّ، كُلّ، هُم، مُنذ). */
const DAMMA_FIRST_WORDS = new Set(['ثم', 'كل', 'هو', 'هم', 'هما', 'منذ', 'مذ']);

/** Frequent words of a letter and a long ي, whose letter takes the kasra (فِي، لِي، بِي، هِي، ذِي). */
const KASRA_BEFORE_YA = new Set(['في', 'لي', 'بي', 'هي', 'ذي']);

/** A lone proclitic letter that opens a sentence (the line's start, or after . ! ? ؟ and a space) before a word. */
const SENTENCE_OPENING_LETTER_G = /(?:^|[.!?؟] )[وفلب] [\u0621-\u064A]/gm;

/**
 * Does the lone letter at `at` open a sentence in a paragraph where two sentences or more open with a lone proclitic letter (و قال …
 * . و أضاف، ف ي الساعات … . و قالت)? Such a writer vocalises each sentence's first letter, whose mark became a space.
 */
function opensVocalisedSentence(text: string, at: number): boolean {
  const opens = at === 0 || text.charAt(at - 1) === '\n' || (text.charAt(at - 1) === ' ' && /[.!?؟]/.test(text.charAt(at - 2)));
  return opens && (lineAround(text, at).match(SENTENCE_OPENING_LETTER_G) ?? []).length >= 2;
}

/** إنّ، أنّ، لكنّ، كأنّ and كلّ (with و or ف), which ما may end (إنّما، كلّما). */
const MA_PARTICLES = /^[وف]?(?:إن|أن|ان|لكن|كأن|كل)$/;
/** أن or إن written with their hamza, as a word or before a lost mark's space (أنّ، وإنّ، بأنّه). */
const HAMZA_PARTICLE = /(?<![\u0621-\u064A\u064B-\u0652])[وفبلك]?[أإ]ن(?![\u0621-\u064A])/;

/**
 * Is R (ان، ام) a particle missing its hamza, or a word's tail? A tail, when the text writes the
 * particle with its hamza more often than without.
 */
function hamzaWrittenApart(R: string, ctx: Context): boolean {
  // ان with a pronoun (انه، انها) is judged by how the text writes the particle alone.
  const particle = HAMZALESS_TAIL.test(R) ? R.slice(0, 2) : R;
  const spelled = HAMZALESS_PARTICLES.get(particle);
  if (!spelled || !ctx.evidence) return false;
  const withHamza = spelled.reduce((n, w) => n + ctx.evidence!.count(w), 0);
  return withHamza > 2 * ctx.evidence.count(particle);
}

/**
 * Is the lone letter R the first letter of the next piece's word rather than the last of L's?
 * (أن ي حال → أن يُحال, but أك د أن → أكّد أن.) Yes when a particle stands before it or L+R is no
 * word, and R+next is a word that does not begin with a frequent word or the article.
 */
function opensNextWord(L: string, R: string, next: string, nextGap: Gap, ctx: Context, nextIsNoun: boolean, tail = ''): boolean {
  // The next piece may itself have lost a mark before a short tail (ي توقّ|ع، ي فوّ|ج): the word the letter opens takes it. When
  // that tail is no word alone and makes one with the next piece (رك|زت), the letter opens that whole word or none (لكنّ|ي ركّزت,
  // not لكن يُرك زت).
  const opens = () =>
    tail !== '' && !ctx.lex(tail) && ctx.lex(next + tail)
      ? ctx.lex(R + next + tail)
      : ctx.lex(R + next) || (tail !== '' && ctx.lex(R + next + tail));
  if (nextGap.text.length > 2 || nextGap.text.includes(NBSP)) return false;
  // A verb prefix does not open a word that carries tanween (تؤدّ|ي دوراً); nor does و/ف open the noun after كلّ or a
  // preposition (وكلّ|ف الخزينة, never وكل فالخزينة).
  if (nextIsNoun && 'يتنأ'.includes(R)) return false;
  if ('وف'.includes(R) && NOUN_GOVERNORS.has(L)) return false;
  if (FUNCTION_WORDS.has(next) || (next.startsWith('ال') && !'بلكفو'.includes(R))) return false;
  if (PREFER_LEFT.has(L + R)) return false;
  // After أنّ، إنّ، لكنّ a lone ه is the pronoun (أنّه): far more frequent than a word opening in a
  // marked ه (هُزم), and the lexicon's yes for ه + next (هبات) then says nothing.
  if (R === 'ه' && SHADDA_PARTICLES.has(L)) return false;
  // Imperfect and passive prefixes (يُذكر، تُعدّ، نُشر، أُعلن) open words; other letters do after a particle.
  // Whichever whole form the text itself uses elsewhere wins.
  const seenLeft = ctx.seen(L + R);
  const seenRight = ctx.seen(R + next);
  // (A frequent word the letter would make with the next piece, seen in every text, is no evidence against a piece that is no word
  // without the letter: المتّهم الأوّ|ل م. ع., not الأو لم.)
  const frequentRight = seenRight && FUNCTION_WORDS.has(R + next) && !ctx.lex(L);
  if (seenLeft !== seenRight && !weakRightEvidence(L, R, seenRight, ctx) && !frequentRight) return seenRight && ctx.lex(R + next);
  // A doubled root (استمرّ|ت، جدّ|ي: the lexicon has استمرر، جدد) keeps the letter on the left;
  // so does a fragment that is no word without it (لتلقّ|ي), or a nisba after و (الجوّ|ي).
  // (Not a stem in ت: the lexicon's X + ت is a verb's feminine ending as often, وقّتت.)
  const last = L.at(-1)!;
  // After a particle or a word that opens a clause (في حين، عندما), the letter opens the next word.
  const particle = FUNCTION_WORDS.has(L) || CLAUSE_OPENERS.has(L);
  if (R === 'ي' && last === 'و' && !particle) return false; // (هو ي|سمح: no nisba)
  // The masdar of form V of a defective root ends in ي after its doubled letter (بتلقّ|ي، للتحدّ|ي، والتصدّ|ي).
  if (R === 'ي' && TAFAUUL_DEFECTIVE.test(L) && ctx.lex(L + R)) return false;
  const doubled = !'يوات'.includes(last) && ctx.lex(L + last);
  if (doubled || !ctx.lex(L)) return !particle ? false : opens();
  // Imperfect and passive prefixes (يُذكر، تُعدّ، نُشر، أُعلن) open words; other letters do after a particle.
  // So does ك: news prose almost never addresses the reader (لافتاتك), while passives in ك are
  // common (كُتب، كُشف، كُلّف).
  if (!('يتنأك'.includes(R) || FUNCTION_WORDS.has(L) || !ctx.lex(L + R))) return false;
  return opens();
}

/** The short tail (one or two letters) of piece m's word when a lost mark split it off (one or two plain spaces), else ''. */
function splitTail(pieces: Piece[], gaps: Gap[], m: number): string {
  const tail = pieces[m + 1];
  const gap = gaps[m];
  return tail && gap && (gap.text === ' ' || gap.text === '  ') && tail.bare.length <= 2 ? tail.bare : '';
}

/**
 * Does piece m end a word with tanween fath: it ends in ا with a lost mark after it (دوراً), or a lone ا follows it (دورًا)?
 */
function carriesTanween(pieces: Piece[], gaps: Gap[], m: number, text: string): boolean {
  const piece = pieces[m];
  if (!piece) return false;
  if (piece.bare.endsWith('ا') && markLostAfter(piece, text)) return true;
  const after = pieces[m + 1];
  return after?.bare === 'ا' && gaps[m]!.text === ' ' && !/\p{L}/u.test(text.charAt(after.end));
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
function gapReason(pieces: Piece[], gaps: Gap[], k: number, i: number, j: number, ctx: Context, text: string): 'strong' | 'weak' | null {
  const L = pieces[k]!.bare;
  const R = pieces[k + 1]!.bare;
  const next = pieces[k + 2];
  const nextGap = gaps[k + 1];
  // A NO-BREAK SPACE alone between two letters is an editor's: the damage leaves a plain space where a mark stood before a letter.
  if (gaps[k]!.text === '\u00A0') return null;
  // A proclitic ب، ل or ك (after و or ف) takes no preposition after it: وب في is a list letter or grade and في (وبِفي is no word).
  if (k + 1 === j && /^[وف]?[بلك]$/.test(L) && /^(?:في|على|إلى|عن)$/.test(R)) return null;
  // A word before itself, or itself with a pronoun, is a repetition (جد جدي، بين بين): no lost shadda between them.
  if (L.length >= 2 && (R === L || (R.startsWith(L) && SUFFIX_PRONOUNS.has(R.slice(L.length)))) && ctx.lexPiece(pieces[k]!)) return null;
  // … and so is a piece said again, word or not (لأ لأ لأ، هه هه).
  if (L.length >= 2 && R === L) return null;
  // Solfège syllables, three in a row (دو ري مي), and check in chess (كش ملك) are words apart.
  if (SOLFEGE.has(L) && SOLFEGE.has(R) && (SOLFEGE.has(pieces[k - 1]?.bare ?? '') || SOLFEGE.has(next?.bare ?? ''))) return null;
  if (L === 'كش' && R === 'ملك') return null;
  // The article's ل, its shadda lost, before the rest of a relative pronoun (الّ|ذي; in a document that shows damage, والّ|تي، للّ|ذين
  // too, as وال and بال are words) is one word with it; a lone ال before such a rest opens it rather than ending the word before
  // (فكري الّذي, not فكريّال ذي).
  if (k + 1 === j && (L === 'ال' || ctx.damaged) && articleBeforeRelative(L, R)) return 'strong';
  if (R === 'ال' && next && nextGap?.text === ' ' && articleBeforeRelative(R, next.bare)) return null;
  // A lone letter and the next one that make a short frequent word with a vowel on its first letter (مَن، لَم، قَد) are
  // that word: the letter does not end the word before (وسأل مَن يُمثّل, not وسألّم نّي).
  if (L.length > 1 && vowelledShortWord(pieces, gaps, k + 1) && ctx.lexPiece(pieces[k]!)) return null;
  // A lone letter that two short pieces or more after it make a word with, one or two spaces apart, opens that word when the join would
  // cut it: a fully vocalised word leaves a letter a piece, and the lexicon knows the left word with any letter after it (أكبر م م  ا
  // is أكبر ممّا; لم ت ع د  ت ن ت ج). (After pieces a join made, only across a final mark's debris, two spaces or NBSP, or after a
  // lone long vowel, which takes no mark: نصيب|ي ج اء keeps its ي, ف ي م ح م ي  ة is في محميّة.)
  if (
    (R.length === 1 ||
      ((R === 'ان' || R === 'ام') && pieces.some((_, e) => e > k + 2 && hamzalessBeforeLetterRun(pieces, gaps, k + 1, e, text)))) &&
    (k === i || gaps[k]!.text.length >= 2 || L === 'ي' || L === 'و' || L === 'ا') &&
    runPastJoinOrDebris(pieces, k + 1, letterRunEnd(pieces, gaps, k + 1, ctx, text), j, gaps[k]!)
  )
    return null;
  // A piece of ا and a letter whose sukun was lost opens a verb of form VII, VIII or X with the next piece (الخط ار|تفع is الخط
  // ارْتفع, not الخطار تفع), not a frequent word (بأسعّ|ار بين: اربين is no verb).
  if (
    k + 1 === j &&
    R.length === 2 &&
    R[0] === 'ا' &&
    R !== 'ال' &&
    next &&
    nextGap?.text === ' ' &&
    next.bare.length >= 3 &&
    !FUNCTION_WORDS.has(next.bare) &&
    !ctx.lexPiece(pieces[k + 1]!) &&
    ctx.lex(R + next.bare)
  )
    return null;
  // A lone ل before a word in ل or the article opens it where two lone ل show vocalised proclitics and the word before is whole
  // (تترك ل لزائر is تترك لِلزائر; التدخّ|ل لفصل keeps its ل).
  if (
    R === 'ل' &&
    k + 1 === j &&
    next &&
    nextGap?.text === ' ' &&
    /^ا?ل/.test(next.bare) &&
    (lineAround(text, pieces[k]!.start).match(LONE_LAM_G) ?? []).length >= 2 &&
    ctx.lexPiece(pieces[k]!) &&
    ctx.lex(R + next.bare)
  )
    return null;
  // A lone letter that begins the next word (أن ي|حال → يُحال) belongs to it, not to the left, judged against the whole of what
  // the join has before it (وس|ئ|ل رئ|يس: وسئ is no word, so ل ends وسُئِل); not after a fully vocalised word's lone
  // letters, when the next word kept no mark (ت ع ط ي ضعف is تُعطِي ضعف, not تعط يضعف) or the letter lost its own final mark
  // (ك ان ت  ت ن ت ج is كانتْ تنتج).
  if (
    R.length === 1 &&
    k + 1 === j &&
    next &&
    nextGap &&
    !(k > i && next.bare.length >= 3 && loneLetterRun(pieces, gaps, i, k)) &&
    !(k > i && fullyVocalised(pieces, i, k) && markLostAfter(pieces[k + 1]!, text)) &&
    !(k === i && R === 'ي' && keepsItsYa(L, pieces[i]!, text, ctx)) &&
    opensNextWord(
      k > i && L.length === 1 ? joinedBare(pieces, i, k) : L,
      R,
      next.bare,
      nextGap,
      ctx,
      carriesTanween(pieces, gaps, k + 2, text),
      splitTail(pieces, gaps, k + 2),
    )
  )
    return null;
  if (NEVER_INITIAL.has(R[0]!)) return 'strong';
  // A form II participle that lost the shadda and vowel of its middle letter (participleSplit), whose whole the lexicon knows.
  if (k === i && k + 1 === j && gaps[k]!.text === '  ' && participleSplit(L, R) && ctx.lex(L + R)) return 'strong';
  // The future's ت takes one vowel, never shadda and a vowel: two lost marks after ست before a verb's stem are ستّ's final
  // marks, and the next word stands apart (من ستٍّ دول, not ستّدول).
  if (k === i && gaps[k]!.text === '  ' && isFutureBeforeVerb(L, R)) return null;
  // أيّام with a pronoun (أيّ|امه، لأيّ|امها): no hamzaless أمّه after أيّ.
  if (ctx.damaged && k + 1 === j && /^[وفبل]?أي$/.test(L) && /^ام(?:ه|ها|هم|هما|نا|ك|كم)$/.test(R) && ctx.lex(L + R)) return 'strong';
  // Form VIII's اتّ opens the next piece's word when it makes one with it (ضمن ات|فاقيات is ضمن اتّفاقيات, not ضمنّات).
  if (k + 1 === j && FORM_VIII_OPENING.test(R) && next && nextGap?.text === ' ' && !ctx.lexPiece(pieces[k + 1]!) && ctx.lex(R + next.bare))
    return null;
  // The passive of form VIII or X before a tail that is a frequent word or no word (افتُ|تحت، انتُ|زعت), in a document
  // that shows damage.
  if (k === i && ctx.damaged && FORM_VIII_OR_X_STEM.test(L) && R.length >= 2 && (FUNCTION_WORDS.has(R) || !ctx.lexPiece(pieces[k + 1]!)))
    return 'strong';
  if (k === i && FUNCTION_WORDS.has(L)) {
    // After a frequent word only a suffix can follow a lost mark: أنّ|ه، لكنّ|ها، أوّ|ل.
    // (هم or هما after إن or لكن is weak evidence alone: they are also the pronouns that stand as words, and unvocalised verse and
    // prose write the conditional or the light لكنْ apart before them, فإن هم ذهبت: joined only where the line shows damage itself.)
    if (SUFFIX_PRONOUNS.has(R) && (SHADDA_PARTICLES.has(L) || R.length === 1) && !VERB_ONLY_PARTICLES.has(L))
      return (R === 'هم' || R === 'هما') && CONDITIONAL_OR_LIGHT.has(withoutConjunction(L)) ? 'weak' : 'strong';
    // … and the vocative أيّ|ها before the noun it calls, which has the article (أيّها المواطنون).
    if (withoutConjunction(L) === 'أي' && R === 'ها' && k + 1 === j && next?.bare.startsWith('ال')) return 'strong';
    // (Not when the tail opens the next piece's word: قبل ات|خاذ is قبل اتّخاذ, وقد مك|نت is وقد مكّنت; a lone letter
    // was judged by opensNextWord above.)
    // (Not a next piece that a ة or ى tail ends, one space after it: أيّ|ام حتّ|ى, not أي امحت ى.)
    const opensNext =
      R.length > 1 &&
      next !== undefined &&
      nextGap?.text === ' ' &&
      !FUNCTION_WORDS.has(next.bare) &&
      !endsBeforeShortTail(pieces, gaps, k + 2) &&
      ctx.lex(R + next.bare);
    // (… and only before a tail that is no word itself (أي نصف stays apart), or, where the text shows damage, a lone letter
    // or a two-letter word that such a stem opens (wordTailAfterStem: قدّ|مت, not قد تمّ, كلّ حيّ, أيّ حلّ).)
    if (
      !opensNext &&
      PARTICLE_STEMS.has(L) &&
      R.length <= 3 &&
      !FUNCTION_WORDS.has(R) &&
      (R.length === 1 || ctx.lexPiece(pieces[k + 1]!)
        ? (R.length <= 2 || STEM_TAIL_SUFFIXES.has(R.slice(1))) &&
          (ctx.damaged || gaps[k]!.text === '  ') &&
          (R.length === 1 || wordTailAfterStem(L, R))
        : true) &&
      ctx.lex(L + R)
    )
      return 'strong';
    // … or, in a document that shows damage, a tail in ا or ي that is no word (أي|ام، التي|ارات، كل|ية).
    // (Nor when the tail is a word written without its hamza, as unvocalised copy does after any frequent word but كلّ،
    // أيّ، قد، كم: غير ان، قبل ان، عن اي، وهو امر.)
    if (
      ctx.damaged &&
      stemTailAfterFunctionWord(L, R) &&
      !opensNext &&
      !ctx.lexPiece(pieces[k + 1]!) &&
      (PARTICLE_STEMS.has(L) || !writtenWithoutHamza(R, ctx)) &&
      ctx.lex(L + R)
    )
      return 'strong';
    // … or, in a document that shows damage, a noun among the frequent words and a pronoun: the writer marked its case ending
    // (بعضُ|ها، جميعُ|هم، غيرُ|ه).
    if (ctx.damaged && k + 1 === j && PRONOUN_TAKING_NOUNS.has(L) && SUFFIX_PRONOUNS.has(R) && ctx.lex(L + R)) return 'strong';
    // … or لا or يا with a lost mark after it: no such word takes tanween, so it is the tail of one that does, in the older
    // style (أوّ|لاً، كلّ|ياً); not ما (أو ما  يطلق: a writer's double space, أوّماً no word).
    if (k + 1 === j && ctx.damaged && (R === 'لا' || R === 'يا') && tanweenAfterAlef(pieces[k + 1]!, text) && ctx.lex(L + R))
      return 'strong';
    // … or أو before a piece in ل with a lost mark after it (أوّ|ليّ، أوّ|لاً).
    if (k + 1 === j && ctx.damaged && isOrBeforeLam(L, R) && markLostAfter(pieces[k + 1]!, text) && ctx.lex(L + R)) return 'strong';
    // … or before لية, no word, the ending of أوّل's adjective (أوّ|لية، أوّ|ليّة), where the text shows damage.
    if (k + 1 === j && ctx.damaged && R === 'لية' && /^[أا]و$/.test(L) && !ctx.lexPiece(pieces[k + 1]!) && ctx.lex(L + R)) return 'strong';
    // … or, in a document that shows damage, one letter and a pronoun (قدّ|مها، أيّ|دها; not أيّ منّا).
    if (ctx.damaged && k + 1 === j && !opensNext && verbAfterStem(L, R) && ctx.lex(L + R)) return 'strong';
    // … or ما after إنّ، لكنّ، كأنّ، كلّ in a paragraph that shows damage itself (إنّ|ما، لكنّ|ما), whose writer marks the
    // particle's shadda: an unvocalised paragraph may write إن ما apart. (Not أنّ: news writes أنّ ما، that what, not أنّما.)
    // (Not across a final mark's debris: إنّ  ما جرى.)
    if (
      k + 1 === j &&
      R === 'ما' &&
      gaps[k]!.text === ' ' &&
      ctx.damaged &&
      MA_PARTICLES.test(L) &&
      withoutConjunction(L) !== 'أن' &&
      showsDamage(lineAround(text, pieces[k]!.start)) &&
      !(withoutConjunction(L) === 'كل' && allThatFollows(wordAfter(text, pieces[k + 1]!.end)))
    )
      return 'strong';
    // … or, in a document that shows damage, a preposition whose ن kept its sukun before a pronoun (منْ|ها، عنْ|هم; not من هم,
    // «who are they»), or a lone letter that ends a frequent word, not an initial (منْ|ذ).
    if (ctx.damaged && k + 1 === j && gaps[k]!.text === ' ' && sukunBeforeTail(L, R, pieces[k + 1]!, text)) return 'strong';
    // … or the stem of a longer word that a tail ends (tailAfterStem).
    if (j > k + 1 && tailAfterStem(pieces, gaps, i, j, endsWithTanweenSeat(pieces, i, j, text))) return 'strong';
    // … or ان that opens a fully vocalised word (hamzalessBeforeLetterRun), in a document that shows damage (ان|ط|ل|ق).
    if (ctx.damaged && k === i && hamzalessBeforeLetterRun(pieces, gaps, i, j, text)) return 'strong';
    return PREFER_LEFT.has(L + R) ? 'strong' : null;
  }
  // ال begins a word, unless the piece is no word (فعّال: فع|ال, فع|الة) or a trade noun's tail after its stem (النحّ|الين).
  if (
    R.startsWith('ال') &&
    !(k === i && L.length === 1) &&
    R.length > 2 &&
    ctx.lexPiece(pieces[k + 1]!) &&
    !(k + 1 === j && ctx.damaged && tradeNoun(pieces[k]!, pieces[k + 1]!, ctx))
  )
    return null;
  if (R.length === 1 && !LONE_LETTER_WORDS.has(R)) return 'strong';
  // The first person's أ opens no plural noun and nothing with the article (هنّ|أ مسؤولون is هنّأ مسؤولون, never أمسؤولون;
  // الدرجةُ أ للدهن: a label).
  // (A word of three letters is no plural, whatever it ends in: أُ|دين، أ|كون.)
  if (L === 'أ' && k === i && ((R.length >= 4 && /(?:ون|ين|ات)$/.test(R)) || /^(?:[وفبك]?ال|لل)/.test(R)) && ctx.lexPiece(pieces[k + 1]!))
    return null;
  if (L.length === 1 && k === i && !LONE_LETTER_WORDS.has(L)) return 'strong';
  // A piece that is only proclitics, و or ف and ب، ل or ك, never stands alone: their vowel was lost before the word (وبِ|هذا).
  // (Not فك or فل, words of their own, before a word that is no frequent one in a line that shows no damage: فك رموز، فل أوبشن;
  // but فلِ|ذلك.)
  if (
    k === i &&
    /^[وف][بلك]$/.test(L) &&
    R.length >= 2 &&
    gaps[k]!.text === ' ' &&
    !((L === 'فك' || L === 'فل') && !FUNCTION_WORDS.has(R) && quietLine(text, pieces[k]!.start))
  )
    return 'strong';
  // A lone و before a word, in a paragraph where a lone ل stands before a word too, which no writer types apart: the writer vocalises
  // the proclitics (وَقال، لِلأطفال), whose marks became spaces. (An unvocalised paragraph may write و apart: اليوم و غدا.)
  // So is one that opens a sentence where the writer vocalises each sentence's first letter (و قال … . و أضاف: وَقال، وَأضاف).
  if (
    L === 'و' &&
    k === i &&
    k + 1 === j &&
    R.length >= 2 &&
    gaps[k]!.text === ' ' &&
    (LONE_LAM.test(lineAround(text, pieces[k]!.start)) || opensVocalisedSentence(text, pieces[k]!.start))
  )
    return 'strong';
  if (R === 'هم' && L.startsWith('ال')) return 'strong'; // المتّهم: the lexicon refuses ال + a suffix pronoun
  // The lexicon knows every letter's name (ت، هـ …), so a lone letter other than و is no word
  // wherever it stands, as at a join's start: the middle piece of وتُ|تّ|هم is not a word before هم.
  const lexL = (L.length > 1 || LONE_LETTER_WORDS.has(L)) && ctx.lexPiece(pieces[k]!);
  // (The spoken negation مو is a word after a word: word-classes.ts COLLOQUIAL_LAST_PIECES.)
  const lexR = ctx.lexPiece(pieces[k + 1]!) || (k + 1 === j && COLLOQUIAL_LAST_PIECES.has(R));
  // ان and ام after a word: the particles written without their hamza, unless a short stem's tail (hamzalessParticle).
  if (hamzalessParticle(L, R, ctx, text, pieces[k]!.start)) return null;
  if (k + 1 === j && doubledBeforeWordTail(joinedBare(pieces, i, k), pieces[k + 1]!, gaps[k]!, ctx, text)) return 'strong';
  // A frequent word (not a suffix or a word tail) after pieces that make a word together stands apart: وشرّ|دت ما is
  // وشرّدت ما, not وشرّدتما.
  if (
    k > i &&
    k + 1 === j &&
    FUNCTION_WORDS.has(R) &&
    !SUFFIX_PRONOUNS.has(R) &&
    !WORD_TAIL_FUNCTION_WORDS.has(R) &&
    ctx.lex(joinedBare(pieces, i, k))
  )
    return null;
  // A frequent word written without its hamza after a word (في حق اي مواطن, unvocalised copy), and a unit after a number
  // (500 كغ بين), are words the lexicon does not know: they stand apart.
  if (lexL && !lexR && HAMZALESS_WORDS.has(R)) return null;
  if (k === i && UNIT_ABBREVIATIONS.has(L) && afterNumber(text, pieces[i]!.start)) return null;
  if (!lexL || !lexR) return 'strong'; // a piece that is no word at all
  // (Not هم، هما: the pronouns stand alone after a verb as often, صارت هما.)
  // (Not after a stem whose last letter follows a long و or ي, which takes no shadda: only a case vowel could have parted them
  // (ترميمُ|ها), which a text that shows damage may have lost; elsewhere خليج ها لونغ is a bay's name.)
  if (SUFFIX_PRONOUNS.has(R) && R !== 'هم' && R !== 'هما' && !afterLongVowel(L)) return 'strong';
  // A word whose last letter is doubled (حقّ، همّ) takes a plural pronoun with its shadda (حقّ|كم، حقّ|هم).
  if (ctx.damaged && k + 1 === j && PLURAL_PRONOUNS.has(R) && FINAL_SHADDA.has(L)) return 'strong';
  // ما ends a few words written joined (لا سيّ|ما، ربّ|ما).
  if (R === 'ما' && k + 1 === j && JOINED_WITH_MA.has(withoutConjunction(L))) return 'strong';
  // بين after a noun with the article, in a document that shows damage, is the plural of a participle whose ب a lost shadda
  // split off (المدرّ|بين، المقرّ|بين), when the lexicon knows the whole.
  if (ctx.damaged && k + 1 === j && pluralTailBin(joinedBare(pieces, i, k), R)) return 'weak';
  // A frequent word as the last piece is a word, unless what stands before it is no word (ممثّ|لي).
  // (Nor is a conjunction and an imperfect's prefix, in a document that shows damage, where a clause opens: after punctuation or a
  // frequent word, not after a name it may end (وانغ وي): . وي|قال is ويُقال.)
  if (FUNCTION_WORDS.has(R) && k + 1 === j) {
    if (!lexL || (ctx.damaged && hamzaWrittenApart(R, ctx))) return 'strong';
    return k === i && ctx.damaged && prefixPiece(L) && opensClause(text, pieces[i]!.start) ? 'weak' : null;
  }
  // The lexicon accepts clitic chains (أ+و+ل+أيام): after a piece that is nothing but
  // proclitics, in their only order (أ, then و/ف, then ب/ك/ل/س), its "yes" says nothing.
  // (Proclitics open a word: a lone و after the join's first pieces is inside it, ومُ|و|ّلت.)
  if (PROCLITIC_CHAIN.test(joinedBare(pieces, i, k))) return null;
  // Two rare words whose concatenation is a word. A two-letter left piece is usually a form-II
  // verb's start (قرّ|رت، سجّ|لت) or a verb prefix (ست|ستخدم); before a long right piece that is
  // a noun of its own (the lexicon knows it with the article: الصادق) it is a word (سن صادق).
  // (Not two letters and a plural ending, a participle's tail: مت|همين is متّهمين.)
  if (L.length < 3 && R.length > 3 && !VERB_PREFIX.test(L) && !/^[\u0621-\u064A]{2}(?:ين|ون|ات)$/.test(R) && ctx.lex(`ال${R}`)) return null;
  // و and a word (وصل ولي العهد): the conjunction opens the right piece; a word tail in و is a suffix (ضخّ|وا).
  if (R.length >= 3 && R[0] === 'و' && !WAW_SUFFIXES.has(R) && ctx.lex(R.slice(1))) return null;
  // A preposition with a pronoun after a word of four letters or more is that word's complement (واحد منّا، فلكم منّا), not the tail
  // of a stem that lost its shadda (توقّ|عنا، تعلّ|منا).
  if (L.length >= 4 && PREPOSITION_PRONOUNS.has(R)) return null;
  // A word news ends with a shadda (مهمّ، عامّ، خاصّ، استمرّ، حقّ) after a word of three letters or more is a word of its own (تحدٍّ
  // مهمّ، أوكل حقّ), and so is تمّ (حفل تمّ فيه، not حفلتمّ: the lexicon's pronoun forms take any word).
  if (L.length >= 3 && FINAL_SHADDA.has(R)) return null;
  // ست after a preposition is the number six before its noun (من ست دول), not the future's ستُ before a verb (التي ستُ|قام), nor
  // ستّ|ين، ستّ|ون (خلال ستّين).
  if (k === i && L === 'ست' && R.length >= 3 && PREPOSITION.test(wordBefore(text, pieces[i]!.start))) return null;
  // … nor before a noun it counts, with or without و (وست دول، ست ساعات).
  if (k === i && withoutConjunction(L) === 'ست' && COUNTED_NOUNS.has(R)) return null;
  // A word news ends with a shadda (مرّ، تمّ، ردّ) before ب or ل and a word (ومرّ بعين، تمّ بموجب): the preposition opens a word of its
  // own; the shadda's lost trace inside a word is followed by a tail (مرّ|ات، تمّ|ت), never by a preposition and a noun. (But a form
  // II verb's last root letter and its suffixes: عدّ|لناها، حلّ|لناه.)
  if (
    k === i &&
    FINAL_SHADDA.has(withoutConjunction(L)) &&
    R.length >= 4 &&
    'بل'.includes(R[0]!) &&
    !SUFFIXES_ONLY.test(R.slice(1)) &&
    ctx.lex(R.slice(1))
  )
    return null;
  // A word that begins with a hamza on its alef, after a word (عن أمر أبيها): no lost shadda or vowel leaves such a tail in
  // newsroom copy, whatever the lexicon's compound forms say.
  if (/^[أإآ]/.test(R) && R.length >= 3) return null;
  // The vocative يا after a word, before the one it calls (عيب يا زينب), is no word's tail.
  if (k === i && k + 1 === j && R === 'يا' && next && nextGap?.text === ' ') return null;
  // A frequent word after و or ف (وكم، فهل، ولو) before a word of its own is two words (وكم صبرنا), whatever clitic chain the
  // lexicon reads in the whole: a frequent word takes a suffix, never a word (the block above, for the word without و or ف).
  // (Not a stem that lost its shadda before a suffix: وأيّ|دها، ولوّ|نها، وهلّ|لوا، فكمّ|مها.)
  if (
    k === i &&
    R.length >= 3 &&
    (FUNCTION_WORDS.has(withoutConjunction(L)) || PREPOSITION_AND_PARTICLE.test(L)) &&
    !SUFFIX_PRONOUNS.has(R.slice(1)) &&
    R.slice(1) !== 'وا'
  )
    return null;
  return 'weak';
}

/**
 * ست is the number six before a noun ending (ستّة، ستّين، ستّون، ستّمئة) and the future س + the
 * prefix ت before a verb stem (ستُنشر، ستُستخدم). Verbs never end in ة, and a long vowel right
 * after ستّ is a noun ending.
 */
function isFutureBeforeVerb(L: string, R: string): boolean {
  return /^[وف]?ست$/.test(L) && R[0] !== 'ا' && !/^(?:ون|ين)/.test(R) && !R.endsWith('ة');
}

/** The marks to put in gap k of a join of pieces i..j (the gap's length says how many were lost). */
function marksFor(pieces: Piece[], gaps: Gap[], i: number, k: number, j: number, text: string, ctx: Context): string {
  // Two plain spaces inside a word are two lost marks (جد  ا → جدًّا); any other debris counts as one.
  const count = gaps[k]!.text === '  ' ? 2 : 1;
  const L = pieces[k]!.bare;
  const R = pieces[k + 1]!.bare;
  const lastPiece = k + 1 === j;
  const wasl = waslJoinMark(pieces, gaps, i, k, text);
  if (wasl) return wasl;
  const own = ownMarks(pieces, i, k, j, count);
  if (own) return own;
  const learnt = vocalisedMarks(pieces, gaps, i, k, j, text, ctx);
  if (learnt) return learnt;
  // A plural pronoun's ه split from its م (ملاحظاته|م، خدمته|م، أبنائه|م): its vowel, the kasra after ي or a preposition, else the
  // damma (final-marks.ts gives the same to a pronoun's ه at a word's end), never shadda.
  // (After ت، ئ، ؤ، ي or ا: a noun's ending; فه|م in أتفهّم is a verb's doubled letter.)
  if (count === 1 && lastPiece && R === 'م' && L.length >= 4 && /[تئؤيا]ه$/.test(L)) {
    const before = wordBefore(text, pieces[i]!.start);
    return L.at(-2) === 'ي' || PREPOSITION.test(before) ? KASRA : DAMMA;
  }
  if (loneLetterBeforeAlef(pieces, i, k, count) || conjunctionBeforeLaMa(pieces, i, k, j, count)) return FATHA;
  // في، لي، هي whose two letters stood apart: the kasra before the long ي (فِي), never shadda.
  if (count === 1 && k === i && lastPiece && R === 'ي' && L.length === 1 && KASRA_BEFORE_YA.has(L + R)) return KASRA;
  // إ carries its kasra and nothing else (إِشعاع، الإِشعاع).
  if (count === 1 && L.at(-1) === 'إ') return KASRA;
  if (R === 'ا' && lastPiece && !/\p{L}/u.test(text.charAt(pieces[k + 1]!.end))) {
    // A lost mark after the alef is the older style's tanween (جدّاً، قويّاً): the one before it was a shadda.
    if (SHADDA_BEFORE_ALEF.has(L) || (count === 1 && markLostAfter(pieces[k + 1]!, text))) return SHADDA;
    return count === 1 ? FATHATAN : (FATHATAN + SHADDA).normalize('NFC');
  }
  if (R === 'ما' && JOINED_WITH_MA.has(withoutConjunction(L))) return SHADDA; // سيّما، وربّما, not the future's سيُ
  // من and عن before a pronoun or the letter of منذ، عند: the sukun on their ن (منْها، عنْهم، منْذ، عنْد).
  if (
    count === 1 &&
    lastPiece &&
    k === i &&
    /^[وف]?[مع]ن$/.test(L) &&
    ((SUFFIX_PRONOUNS.has(R) && R.length >= 2) || R === 'ذ' || R === 'د')
  )
    return SUKUN;
  // A hamza's seat never takes shadda: a fatha before a long ا, else ؤ carries a damma (تفاؤُل، مسؤُول), ئ a kasra (متسائِل،
  // الأسئِلة), أ inside a word a sukun (التأْمين، الرأْي).
  // (Not a word's first hamza after و or ف: وأُقيمت.)
  if (count === 1 && L.replace(BEFORE_STEM, '').length >= 2 && !NEVER_INITIAL.has(R[0]!)) {
    const seat = L[L.length - 1];
    if ('أؤئ'.includes(seat!) && R[0] === 'ا') return FATHA; // before a long ا (السؤَال، الفئَات)
    if (seat === 'ؤ') return DAMMA;
    if (seat === 'ئ') return KASRA;
    if (seat === 'أ') return SUKUN;
  }
  // Two marks on a form II participle's middle letter before a plural ending or tanween's alef: kasra and shadda, the active participle
  // that takes the human plural (المدرِّبين، مورِّدا; not the passive المجمَّع، المقدَّمة). On a form V masdar's with the article, damma and shadda (التطوُّر، التوسُّع).
  if (count === 2 && k === i && lastPiece && /^.(?:ون|ين|ا|ي)$/.test(R) && participleSplit(L, R)) return (KASRA + SHADDA).normalize('NFC');
  if (count === 2 && k === i && lastPiece && /^(?:[وف]?[بلك]?ال|[وف]?لل)ت[^ا]{2}$/.test(L) && /^[^ا](?:ات)?$/.test(R))
    return (DAMMA + SHADDA).normalize('NFC');
  // A piece of proclitics alone: the vowel of its last, kasra on ب and ل, fatha on ك (ولِذلك، وبِموجب، وكَذلك).
  if (k === i && count === 1 && R.length >= 2 && /^[وف][بلك]$/.test(L)) return L[1] === 'ك' ? FATHA : KASRA;
  // A word's first letter alone before a long ا: its fatha (ك|ان|ت is كَانَتْ, ف|از is فَاز); no word opens with a doubled letter.
  if (k === i && count === 1 && L.length === 1 && R.length > 1 && R[0] === 'ا' && R[1] !== 'ل') return FATHA;
  // A noun among the frequent words before a pronoun: its case ending, most often the subject's damma (بعضُها، جميعُهم).
  if (k === i && lastPiece && count === 1 && PRONOUN_TAKING_NOUNS.has(L) && SUFFIX_PRONOUNS.has(R)) return DAMMA;
  // مَن، لَم، قَد (and ومَن): the vowel editors write to tell them from مِن، لِم، قِد is a fatha.
  if (k === i && lastPiece && count === 1 && R.length === 1 && VOWELLED_SHORT_WORDS.has(L.replace(/^[وف](?=.$)/, '') + R)) return FATHA;
  // ؤ sits on و after a damma: on a word's first letter, the mark before it is that damma (يُؤدّي، مُؤتمر، سُؤال; but التنبّؤات).
  if (R[0] === 'ؤ' && count === 1 && L.replace(BEFORE_STEM, '').length === 1) return DAMMA;
  // A letter before ة/ى or a nisba ي carries shadda (ستّة، فنّي), never a prefix vowel.
  const tail = NEVER_INITIAL.has(R[0]!) || (R === 'ي' && lastPiece);
  // The word's first letter, after the conjunction و/ف and the future س when present.
  // (No short vowel is written before a long alef: سيّ|ارة is a shadda; nor before a tail in ة, which no verb has: سيّ|دة.)
  const first =
    !tail &&
    k === i &&
    !(R[0] === 'ا' && R[1] !== 'ل') &&
    (L.length === 1 || (VERB_PREFIX.test(L) && !(lastPiece && R.endsWith('ة')) && (!WORD_LIKE_PREFIXES.has(L) || isFutureBeforeVerb(L, R))))
      ? L.at(-1)!
      : undefined;
  // Form VIII of a root in و (or ت) merges it into the ت, so one lost mark there is a shadda
  // (اتّخاذ، اتّصال، اتّفق), not the passive vowel of the rule below.
  if (k === i && /^[وف]?ات$/.test(L) && count === 1 && !tail) return SHADDA;
  // The article and a moon letter: a vowel on that letter (العُمانية); a sun letter would take shadda.
  if (k === i && /^(?:[وفبك]?ال|[وف]?لل)[ءأإبجحخعغفقكمهوي]$/.test(L) && count === 1 && !tail) return DAMMA;
  // After و or ف, a mark on a word's first و is a vowel (ووُلد، فوُضع): no word begins with a doubled letter.
  if (k === i && (L === 'وو' || L === 'فو') && count === 1 && !tail) return DAMMA;
  // Passives of forms VIII and X: اعتُبر، افتُتح، استُخدم.
  if (k === i && FORM_VIII_OR_X_STEM.test(L) && count === 1 && !tail) return DAMMA;
  if (first) {
    // A mark on a word's first letter (after و/ف) is a vowel, never shadda. Editors write it to show a passive or a form-IV
    // verb (يُعدّ، تُوفّي، رُصدت، عُقد، كُتب، وُزّع، فُقد، بُني): damma, on و and ف too, which news never vowels as the conjunction;
    // a lone ب or ل before a word of four letters and more is the preposition, with its kasra (بِرصيد، لِلجنود; the passives
    // are short: بُني، بُعث).
    // (ل before the article or ل is the preposition however short the word: لِلزائر، لِلكبار.) A lone و before a word in a paragraph
    // whose lone ل shows vocalised proclitics is the conjunction, with its fatha (وَقال).
    const preposition =
      (first === 'ب' || first === 'ل') &&
      L.length === 1 &&
      ((R.length >= 4 && ctx.lexPiece(pieces[k + 1]!)) || (first === 'ل' && /^ا?ل/.test(R) && R.length >= 3));
    if (
      L === 'و' &&
      count === 1 &&
      R.length >= 2 &&
      (LONE_LAM.test(lineAround(text, pieces[k]!.start)) || opensVocalisedSentence(text, pieces[k]!.start))
    )
      return FATHA;
    // … and so, in such a paragraph, are ف (fatha), ب and ل (kasra) before a word of three letters or more that the lexicon knows
    // (فَكلّ، بِقوّة، لِنحو; not ك, a passive's first letter as often: كُتبت).
    if (
      L.length === 1 &&
      'فبل'.includes(L) &&
      count === 1 &&
      R.length >= 3 &&
      ctx.lexPiece(pieces[k + 1]!) &&
      LONE_LAM.test(lineAround(text, pieces[k]!.start))
    )
      return L === 'ف' ? FATHA : KASRA;
    // A fully vocalised word's letters (lone letters up to its lost final mark, لَهُم، أَنَّ، بَيْنَ، عَلَيْهِم) give its first letter
    // the fatha, the most frequent vowel, not the passive's damma; not an imperfect's prefix (يُعِدّ، تُنتِج), nor a frequent word
    // that opens with a damma (ثُمَّ، كُلّ، هُم).
    if (
      count === 1 &&
      !preposition &&
      L.length === 1 &&
      loneLetterRun(pieces, gaps, i, j) &&
      markLostAfter(pieces[j]!, text) &&
      !'يتن'.includes(L) &&
      !DAMMA_FIRST_WORDS.has(joinedBare(pieces, i, j))
    )
      return FATHA;
    // A proclitic before the article takes its own vowel, never a passive's damma (فَالطفل، كَالعادة، بِالهدف، وَالبَيداء).
    if (L.length === 1 && PROCLITICS.includes(L) && count === 1 && R.startsWith('ال')) return 'بل'.includes(L) ? KASRA : FATHA;
    const vowel = preposition ? KASRA : DAMMA;
    return count === 1 ? vowel : (vowel + SHADDA).normalize('NFC');
  }
  // The dual, accusative, genitive or construct, takes a fatha before its ين (شوطَين، لاعبَين، الفريقَين), and a noun in ة before
  // ي too (مرّتَين، قناتَين، مدينتَي). A doubled last letter takes shadda before a plural ين: participles in م (المختصّين،
  // مسنّين), فاعّ (الفارّين), short stems (ستّين), و and ي (عدوّين، المهنيّين).
  if (lastPiece && count === 1 && (R === 'ين' || R === 'ي')) {
    const stem = joinedBare(pieces, i, k).replace(BEFORE_STEM, '');
    const dual =
      L.endsWith('ت') || (R === 'ين' && !stem.startsWith('م') && !(stem.length === 3 && stem[1] === 'ا') && !'وي'.includes(stem.at(-1)!));
    if (dual && stem.length >= 3) return FATHA;
  }
  // Inside a fully vocalised word, lone letters up to a lost final mark, one lost mark after a letter that is not the word's first is a
  // vowel: a shadda comes with its vowel, two spaces (ت|ن|ت|ج، ك|ان|ت). Fatha is the most frequent. (Without the final mark, the
  // sparse passive of form II: س|ج|ل is سُجّل.)
  if (
    count === 1 &&
    k > i &&
    L.length === 1 &&
    (R.length === 1 || R[0] === 'ا') &&
    loneLetterRun(pieces, gaps, i, k) &&
    markLostAfter(pieces[j]!, text)
  )
    return FATHA;
  if (R === 'ى' && lastPiece && L.startsWith('م') && L.length >= 3 && count === 1) {
    // مستشفًى، مستوًى، ملتقًى: nouns of place and the like take tanween before alef maksura.
    return FATHATAN;
  }
  return count === 1 ? SHADDA : (FATHA + SHADDA).normalize('NFC');
}

/** A frequent word, or one with و or ف before it (فمن، وقد), or one that PREFER_LEFT keeps whole (أول). */
function isFrequentWord(word: string): boolean {
  return FUNCTION_WORDS.has(word) || PREFER_LEFT.has(word) || FUNCTION_WORDS.has(withoutConjunction(word));
}

/**
 * A lone ا before a piece that makes a form VIII or X stem with it (ا ست|عاد، ا عتاد، ا فت|ت|ح، ا ضط|ر): the hamzat wasl, whose
 * kasra a writer who vowels these verbs writes, in a document that shows damage. It opens the next piece's word.
 */
function waslAlefOpens(left: Piece, right: Piece, text: string, damaged: boolean): boolean {
  return (
    damaged &&
    left.bare === 'ا' &&
    kindOf(text.charCodeAt(left.start - 1)) === 0 &&
    right.bare.length >= 2 &&
    FORM_VIII_OR_X_STEM.test(`ا${right.bare.slice(0, 2)}`)
  );
}

/** The marks of a join that a wasl alef opens: its kasra, and the fatha on the stem's ت (اِستَعاد، اِفتَتَح، اِعتاد); else ''. */
function waslJoinMark(pieces: Piece[], gaps: Gap[], i: number, k: number, text: string): string {
  if (gaps[k]!.text !== ' ' || !waslAlefOpens(pieces[i]!, pieces[i + 1]!, text, true)) return '';
  // (The passive of a hollow root's form VIII, ا ختير is اُختير: the wasl alef's damma.)
  if (k === i && PASSIVE_HOLLOW_VIII.test(pieces[i + 1]!.bare)) return DAMMA;
  return k === i ? KASRA : k === i + 1 && pieces[k]!.bare.length === 2 ? FATHA : '';
}
/** After the wasl alef, the passive of a hollow root's form VIII: a letter, ت, ي and a letter, and a tail (ختير، عتيد، حتيجت). */
const PASSIVE_HOLLOW_VIII = /^.تي[^اوي](?:ت|ا|وا)?$/;

/**
 * A join that glues a frequent word (أن، وقد، فمن، أول, or one its first lone letters make: ف ي) to a lone letter or an article
 * after one plain space, when the pieces from that letter on make a word reaching at least as far: the frequent word stands
 * alone and the letter opens the next word (أن ي ست خد م is أن يستخدم, not أنّيّست خدّم; وقد ا عتاد، أن ا ست عاد، أول م سر  ع،
 * فمن ال  ذ ي، ف ي ح د  ه). Returns where the join at piece i ends.
 */
function frequentWordFirst(pieces: Piece[], gaps: Gap[], open: boolean[], i: number, joinedTo: number, text: string, ctx: Context): number {
  if (joinedTo <= i) return joinedTo;
  for (let s = i; s < joinedTo; s++) {
    const opener = pieces[s + 1]!.bare;
    if (
      gaps[s]!.text !== ' ' ||
      (opener.length !== 1 && opener !== 'ال') ||
      'بلكفوه'.includes(opener) ||
      !isFrequentWord(joinedBare(pieces, i, s))
    )
      continue;
    // (Lone letters that make a frequent word ending in its long vowel, ف ي، ع ل ى, are that word: gapReason gives their last
    // letter to the word the next letters make, يحدّ, as no join of them alone would be taken.)
    if (s > i && !loneLettersMakeLongVowelWord(pieces, gaps, i, s) && !acceptJoin(pieces, gaps, i, s, text, ctx)) continue;
    // (Not ان that opens a fully vocalised verb where أن is written with its hamza: ان ط ل ق is انطلق, hamzalessBeforeLetterRun;
    // nor انت that opens a form VIII verb, فانت ش ر ت is فانتشرت.)
    if (s === i && (hamzalessBeforeLetterRun(pieces, gaps, i, joinedTo, text) || FORM_VIII_OR_X_STEM.test(pieces[i]!.bare))) continue;
    let reach = s + 1;
    while (reach < gaps.length && open[reach] && reach - s < MAX_PIECES) reach++;
    // (The letter's word spans two more pieces, or it is a wasl alef: a letter before one whole word is a proclitic, أن ه|بات، وكل ف|الخزينة;
    // so is a lone ب ل ك ف و, and ه after a frequent word is its pronoun: أو ل|مر|ة، كل ه|ومر|ت.)
    const least = waslAlefOpens(pieces[s + 1]!, pieces[s + 2] ?? pieces[s + 1]!, text, ctx.damaged) ? s + 2 : s + 3;
    for (let m = reach; m >= joinedTo && m >= least; m--) {
      const rest = joinedBare(pieces, s + 1, m);
      if (rest.length >= 3 && (ctx.seen(rest) || ctx.lex(rest)) && acceptJoin(pieces, gaps, s + 1, m, text, ctx)) return s;
    }
  }
  return joinedTo;
}

/** Is piece m a lone letter left unjoined inside a broken word: no word alone (not و, ا), nothing written apart on purpose? */
function strandedLetter(pieces: Piece[], gaps: Gap[], open: boolean[], joined: boolean[], m: number, text: string, ctx: Context): boolean {
  const bare = pieces[m]!.bare;
  // (The gap after it may be damage, as the scan sees it too: the same answer in any window.)
  if (bare.length !== 1 || bare === 'و' || bare === 'ا' || joined[m] || !open[m]) return false;
  const gap = gaps[m]!.text;
  return (gap === ' ' || gap === '  ') && !standsApartOnPurpose(pieces, m, m + 1, text, ctx);
}

/**
 * A plural ending (ون، ين) left alone after a nisba in ي, in a document that shows damage, is that word's tail (ساديّ|ون), not a
 * conjunction and a verb prefix (ونُ|مثّله): it opens no join to its right.
 */
function strandedEnding(pieces: Piece[], gaps: Gap[], joined: boolean[], i: number, ctx: Context): boolean {
  return ctx.damaged && i > 0 && !joined[i - 1] && nisbaPlural(pieces, gaps, i - 1);
}

/** Is piece i a word in ي of four letters or more, and piece i + 1, one space after it, ات and a pronoun (إحداثيّ|اتها)? */
function nisbaFemininePlural(pieces: Piece[], gaps: Gap[], i: number): boolean {
  return (
    NISBA_PLURAL_PRONOUN.test(pieces[i + 1]!.bare) && gaps[i]!.text === ' ' && pieces[i]!.bare.length >= 4 && pieces[i]!.bare.endsWith('ي')
  );
}

/** Is piece i a word in ي of three letters or more, and piece i + 1, one space after it, a plural ending (ون، ين)? */
function nisbaPlural(pieces: Piece[], gaps: Gap[], i: number): boolean {
  const ending = pieces[i + 1]?.bare;
  return (ending === 'ون' || ending === 'ين') && gaps[i]!.text === ' ' && pieces[i]!.bare.length >= 3 && pieces[i]!.bare.endsWith('ي');
}

/**
 * Does the join at piece i start right after a lone letter left unjoined, or a short piece after one (إ ت ي ين| م ور و، ف ان| د
 * اي ك، ن ان ت| ود يج ون، ال  ت ي| تقف)? Such letters are the inside of a word vowelled letter by letter (a foreign name, الَّتِي)
 * whose segmentation is unknown: a join from there glues its end to the next word's start. A lone letter right after a frequent word
 * or a word a join made is a name's first letter, not its inside: the joins after it stand (من ل ن د ن وس ن غاف ور ة).
 */
function followsStrandedLetter(
  pieces: Piece[],
  gaps: Gap[],
  open: boolean[],
  joined: boolean[],
  i: number,
  text: string,
  ctx: Context,
): boolean {
  if (i === 0) return false;
  if (strandedLetter(pieces, gaps, open, joined, i - 1, text, ctx) && !wordEndsBefore(pieces, open, joined, i - 1)) return true;
  const gap = gaps[i - 1]!.text;
  return (
    i >= 2 &&
    pieces[i - 1]!.bare.length === 2 &&
    !joined[i - 1] &&
    open[i - 1] === true &&
    (gap === ' ' || gap === '  ') &&
    strandedLetter(pieces, gaps, open, joined, i - 2, text, ctx)
  );
}

/**
 * Does the join of pieces i..j run past a plural pronoun that a lone م or ن completes (فلك م| منا، ل ه م| فيها، قدمت م| منا)? A
 * word with a pronoun suffix is whole: the next piece is the next word.
 */
function runsPastPronoun(pieces: Piece[], gaps: Gap[], i: number, j: number): boolean {
  if (j < i + 2 || pieces[j]!.bare.length < 2) return false;
  const letter = pieces[j - 1]!.bare;
  const before = pieces[j - 2]!.bare;
  return (letter === 'م' || letter === 'ن') && 'كهت'.includes(before.at(-1)!) && gaps[j - 2]!.text === ' ' && gaps[j - 1]!.text === ' ';
}

/**
 * Where the join of pieces i..j must end when it runs past a plural pronoun (runsPastPronoun; a join extended after it too): after
 * the pronoun when the pieces up to it make a word; else the ن or م was no pronoun and the join stands (الت  ك ن ول وج يا).
 */
function endAtPronoun(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context): number {
  for (let p = i + 2; p <= j; p++) {
    if (runsPastPronoun(pieces, gaps, i, p)) return acceptJoin(pieces, gaps, i, p - 1, text, ctx) ? p - 1 : j;
  }
  return j;
}

/**
 * Is the piece before piece m a word a join made or a frequent word (من ل ن د ن، ك ول ين ز after دِيفِيد rejoined), the gap between
 * them one that may be damage? (Only then is that piece in every window the scan gives piece m: the same answer in any window.)
 */
function wordEndsBefore(pieces: Piece[], open: boolean[], joined: boolean[], m: number): boolean {
  return m > 0 && open[m - 1] === true && (joined[m - 1] === true || FUNCTION_WORDS.has(pieces[m - 1]!.bare));
}

/** A word's one letter (after و or ف or not) before its alef: a vowel, as no word of one letter takes tanween (لَا، مَا، وَلَا). */
function loneLetterBeforeAlef(pieces: Piece[], i: number, k: number, count: number): boolean {
  if (count !== 1 || pieces[k]!.bare.length !== 1 || pieces[k + 1]!.bare !== 'ا') return false;
  return k === i || (k === i + 1 && (pieces[i]!.bare === 'و' || pieces[i]!.bare === 'ف'));
}

/** A lone و or ف before a word of one letter and its alef, the whole join (و ل ا، ف م ا): the conjunction, whose vowel is the fatha (وَلَا). */
function conjunctionBeforeLaMa(pieces: Piece[], i: number, k: number, j: number, count: number): boolean {
  const first = pieces[i]!.bare;
  return (
    count === 1 && k === i && j === i + 2 && (first === 'و' || first === 'ف') && pieces[i + 1]!.bare.length === 1 && pieces[j]!.bare === 'ا'
  );
}

/** Are pieces i..s lone letters one space apart that make a frequent word ending in its long vowel (ف ي، ع ل ى)? */
function loneLettersMakeLongVowelWord(pieces: Piece[], gaps: Gap[], i: number, s: number): boolean {
  for (let m = i; m <= s; m++) if (pieces[m]!.bare.length !== 1 || (m < s && gaps[m]!.text !== ' ')) return false;
  const word = joinedBare(pieces, i, s);
  return 'يىاو'.includes(word.at(-1)!) && FUNCTION_WORDS.has(word);
}

/** The article (after its proclitics) and a sun letter. */
const ARTICLE_AND_SUN_LETTER = /^(?:[وفبك]?ال|[وف]?لل)[تثدذرزسشصضطظن]$/;

/**
 * Is `left` the article and a sun letter, two spaces (the letter's shadda and vowel) before `right`, three letters or more that are no
 * word alone (الس  نكروتروني is السِّنكروتروني)? The article and one letter are never a word either.
 */
function sunLetterBeforeRest(left: Piece, right: Piece, gap: Gap, ctx: Context): boolean {
  return gap.text === '  ' && ARTICLE_AND_SUN_LETTER.test(left.bare) && right.bare.length >= 3 && !ctx.lexPiece(right);
}

/**
 * Frequent words whose marks inside the word are always the same, fully vocalised: a writer who vowels them letter by letter
 * writes these (الَّذِي، لَكِنَّ، عَلَيْهِم، مِنْهُم، مَعَهُنَّ، بَيْنَ).
 */
const OWN_MARKS = new Map(
  (
    'الَّذِي الَّتِي الَّذِينَ اللَّذَيْنِ اللَّتَيْنِ اللَّذَانِ اللَّتَانِ اللَّاتِي لَكِنَّ عَلَى عَلَيْهِ عَلَيْهَا عَلَيْهِمْ عَلَيْهِنَّ عَلَيْكُمْ عَلَيْنَا ' +
    'إِلَى إِلَيْهِ إِلَيْهَا إِلَيْهِمْ لَدَى لَدَيْهِ لَدَيْهَا لَدَيْهِمْ فِيهِ فِيهَا فِيهِمْ مِنْهُ مِنْهَا مِنْهُمْ مِنْهُنَّ عَنْهُ عَنْهَا عَنْهُمْ لَهُ لَهَا ' +
    'لَهُمْ لَهُنَّ لَكُمْ لَكُنَّ لَنَا بِهِ بِهَا بِهِمْ مَعَهُ مَعَهَا مَعَهُمْ مَعَهُنَّ بَيْنَ حَتَّى هَذَا هَذِهِ ذَلِكَ تِلْكَ عِنْدَ خِلَالَ'
  )
    .split(' ')
    .map((w) => [w.replace(/[\u064B-\u0652]/g, ''), w] as const),
);

/**
 * The marks of a fully vocalised word (every letter but its long vowels followed by a gap): as the vocalised Quran writes it, where
 * two thirds of the ways it writes the word with marks just at those gaps agree (vocalised-words.ts), else, beside other vocalised
 * words, as the shape of its letters gives them, and where that says nothing, as the Quran's letters in the same neighbourhood carry
 * them; '' otherwise.
 */
function vocalisedMarks(pieces: Piece[], gaps: Gap[], i: number, k: number, j: number, text: string, ctx: Context): string {
  return rememberedWordMarks(pieces, gaps, i, j, text, ctx, false)[k - i] ?? '';
}

/** vocalisedWordMarks, worked out once per word (kept on the call's Context by where the word starts and ends), asked for once per gap. */
function rememberedWordMarks(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context, inRun: boolean): string[] {
  const key = `${pieces[i]!.start}:${pieces[j]!.end}`;
  let marks = ctx.vocalisedWords.get(key);
  if (!marks) ctx.vocalisedWords.set(key, (marks = vocalisedWordMarks(pieces, gaps, i, j, text, ctx, inRun)));
  return marks;
}

/**
 * The marks of gap k of a word that a fully vocalised run's cut made (vocalised-runs.ts): marksFor's, the word's vocalised marks being
 * the Quran's or else the letters' shape's even where no vocalised word stands beside it (its run is one), and a fatha for a shadda alone.
 */
function runMarks(pieces: Piece[], gaps: Gap[], i: number, k: number, j: number, text: string, ctx: Context): string {
  rememberedWordMarks(pieces, gaps, i, j, text, ctx, true); // (before marksFor asks for them, as a word of a run)
  const marks = marksFor(pieces, gaps, i, k, j, text, ctx);
  // One space lost one mark, and where every letter is vocalised a shadda comes with its vowel (two spaces): news's guess of a
  // shadda alone is the commonest vowel here.
  return gaps[k]!.text === ' ' && marks === SHADDA ? FATHA : marks;
}

/** The marks of every gap of the word pieces i..j makes, by vocalisedMarks's rules ([] when none apply). */
function vocalisedWordMarks(pieces: Piece[], gaps: Gap[], i: number, j: number, text: string, ctx: Context, inRun: boolean): string[] {
  const letters = pieces.slice(i, j + 1).map((p) => p.bare);
  if (!mayBeVocalisedWord(letters)) return [];
  // A word of three letters, each with a mark, is also news's passive with its shadda (يُعدّ، وُقّع، تُقرّ): only among vocalised words.
  const beside = inRun || besideVocalisedWord(pieces, gaps, i, j);
  if (letters.join('').length < 4 && !beside) return [];
  const quran = ctx.quran();
  if (!quran) return [];
  const counts = gaps.slice(i, j).map((g) => (g.text === '  ' ? 2 : 1));
  const last = letters.at(-1)!.at(-1)!;
  const finalLost = 'اى'.includes(last) ? 0 : lostAfter(pieces[j]!, text);
  const learnt = wordMarks(quran, letters, counts, finalLost);
  if (learnt || !beside) return learnt ?? [];
  // Where the shape of its letters says nothing, the marks the Quran's letters carry in the same neighbourhood.
  const shape = shapeMarks(letters, counts, finalLost > 0, articleLength(letters.join(''), ctx));
  if (shape.every(Boolean)) return shape;
  const context = contextMarks(quran, letters, counts);
  return shape.map((mark, k) => mark || context[k]!);
}

/** How many marks a word's last letter lost: the debris after it (NO-BREAK SPACEs and spaces but the one before the next word). */
function lostAfter(piece: Piece, text: string): number {
  if (!markLostAfter(piece, text)) return 0;
  const debris = /^[ \u00A0]*/.exec(text.slice(piece.end, piece.end + 4))![0];
  return Math.max(1, Math.min(2, debris.endsWith(' ') && debris.length > 1 ? debris.length - 1 : debris.length));
}

/** The length of a word's proclitics and article when what follows the article is a word of its own (والمطالب; not والدته، بالغة). */
function articleLength(word: string, ctx: Context): number {
  const article = ARTICLE_AND_PROCLITICS.exec(word)?.[0].length ?? 0;
  return article && ctx.lex(word.slice(article)) ? article : 0;
}

/** A letter alone that is not what news writes after a shadda (ممّا، مدّة، ملقًى): ا، ة، ى. */
const loneConsonant = (piece: Piece) => piece.bare.length === 1 && !'اةى'.includes(piece.bare);

/**
 * Is the word before pieces i..j, or the one after, vocalised throughout too: a lone consonant one space from a piece of one or two
 * letters (not تحقّ|ق، أكّ|د, a news word's last letter after its shadda)?
 */
function besideVocalisedWord(pieces: Piece[], gaps: Gap[], i: number, j: number): boolean {
  const before = i >= 2 && loneConsonant(pieces[i - 1]!) && gaps[i - 2]!.text === ' ' && pieces[i - 2]!.bare.length <= 2;
  const after = j + 2 < pieces.length && loneConsonant(pieces[j + 1]!) && gaps[j + 1]!.text === ' ' && pieces[j + 2]!.bare.length <= 2;
  return before || after;
}

/**
 * The marks of gap k in a join of pieces i..j that makes one of OWN_MARKS (after و or ف, the conjunction's fatha), when the gap
 * holds as many lost marks as the word has there; else ''.
 */
function ownMarks(pieces: Piece[], i: number, k: number, j: number, count: number): string {
  const word = joinedBare(pieces, i, j);
  let vocalised = OWN_MARKS.get(word);
  if (vocalised === undefined && (word[0] === 'و' || word[0] === 'ف') && OWN_MARKS.has(word.slice(1)))
    vocalised = word[0] + FATHA + OWN_MARKS.get(word.slice(1))!;
  if (vocalised === undefined) return '';
  let letters = joinedBare(pieces, i, k).length;
  let marks = '';
  for (const ch of vocalised) {
    const isMark = ch >= '\u064B' && ch <= '\u0652';
    if (letters > 0) {
      if (!isMark) letters--;
      continue;
    }
    if (!isMark) break;
    marks += ch;
  }
  return [...marks].length === count ? marks.normalize('NFC') : '';
}
