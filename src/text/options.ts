/**
 * Options of the normalizer, with the defaults the build and `warraq normalize` use. Pure types and constants: the
 * lexicon, the Quran text and the word evidence are passed in by the caller (store/ loads them), never read here.
 */
import type { QuoteStyle } from './rules/quotes.ts';

export interface Lexicon {
  /** Is this undiacritized form a word of the language? (May over-generate: a veto, not a vote.) */
  has(word: string): boolean;
}

/**
 * Vocalised texts of the Quran in ordinary (Imlaei) spelling, each edition's verses in mushaf order and NFC: what proves the marks of a
 * verse between ﴿ and ﴾ whose every haraka became a space (verses.ts).
 */
export interface QuranText {
  readonly editions: ReadonlyArray<readonly string[]>;
}

/** Word forms seen intact in the site's own articles (or the document itself), undiacritized. */
export interface WordEvidence {
  count(word: string): number;
  /**
   * The same count by the word's key (evidence.ts wordKey), for a caller that has hashed the
   * letters already; undefined when this evidence cannot answer by hash.
   */
  countHash?(hash: number): number | undefined;
  /** The same count by the two hashes the key is made of (evidence.ts keyOfHashes), without making the key. */
  countOfHashes?(fnv: number, djb2: number): number | undefined;
}

export interface NormalizeOptions {
  /** Quotation style: «…» (default), “…”, or keep the marks as typed. */
  quotes: QuoteStyle;
  /** Numbering system for digits: keep as written (default), Western, or Arabic-Indic. */
  digits: 'keep' | 'latn' | 'arab';
  /** Language of the text; Persian letter repair only applies to Arabic. */
  lang: string;
  /** Rejoin words split by lost diacritics and restore the marks. */
  repairSplitWords: boolean;
  /** Lexicon used to veto joins. Called lazily, only when a join candidate exists. */
  lexicon?: (() => Lexicon) | undefined;
  /** The Quran, to restore a damaged verse exactly. Called lazily, only when a damaged verse long enough to prove itself exists. */
  quran?: (() => QuranText) | undefined;
  /** Intact forms from the site's articles; when absent the text's own words are used. */
  evidence?: WordEvidence | undefined;
  /**
   * Whether the document shows damage (split-words.ts showsDamage); only then are two pieces that
   * are both words joined. Undefined: judged from the text given. A Markdown document is judged whole.
   */
  damaged?: boolean | undefined;
  /** The text is one Markdown text node among siblings (its edges are not line ends). */
  fragment: boolean;
  /**
   * Whether the block (paragraph) of which this text is a piece shows the damage itself, asked only before two words are joined
   * (normalizePieces gives each Markdown text node its block's answer). Undefined: each line of the text given is asked.
   */
  blockShowsSplits?: (() => boolean) | undefined;
  /**
   * Offsets in the text given where a word's lost last mark is not put back: word ends that the whole document, of which this
   * text is a piece, shows typed (normalizePieces).
   */
  bareWordEnds?: ReadonlySet<number> | undefined;
}

export const DEFAULT_OPTIONS: NormalizeOptions = {
  quotes: 'guillemets',
  digits: 'keep',
  lang: 'ar',
  repairSplitWords: true,
  fragment: false,
};

/** A gap left as it is that could be a word split by a lost mark: `before` might be `candidate`. */
export interface Doubt {
  /** UTF-16 offset of the doubtful words' start (in the original text, once normalize returns). */
  offset: number;
  before: string;
  candidate: string;
}
