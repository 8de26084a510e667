/**
 * What the split-word rules ask beyond the text: the lexicon (loaded on the first question, answers remembered by word hash per lexicon:
 * hash-answers.ts), the word evidence (by word or by its two hashes), and whether the document shows damage.
 */
import type { Lexicon, NormalizeOptions, QuranText, WordEvidence } from '../options.ts';
import { HashAnswers } from '../hash-answers.ts';
import { keyOfHashes } from '../word-hash.ts';
import { COLLOQUIAL_WORDS } from '../data/word-classes.ts';

/** Lexicon answers by word hash, per lexicon, kept across calls: most questions were asked before. */
const LEXICON_MEMO = new WeakMap<Lexicon, HashAnswers>();

export class Context {
  private lexiconInstance: Lexicon | undefined;
  private quranText: QuranText | undefined;
  readonly evidence: WordEvidence | undefined;
  /** NormalizeOptions.blockShowsSplits. */
  readonly blockShowsSplits: (() => boolean) | undefined;
  constructor(
    private readonly options: NormalizeOptions,
    /** The document shows damage (showsDamage): only then may two words be joined. */
    readonly damaged: boolean,
  ) {
    this.evidence = options.evidence;
    this.blockShowsSplits = options.blockShowsSplits;
  }
  /**
   * The lexicon is loaded on the first question, so text without candidates never pays for it. A word of the spoken dialects
   * (word-classes.ts COLLOQUIAL_WORDS, after و or ف) is a word too.
   */
  lex(word: string): boolean {
    if (!this.options.lexicon) return false;
    if (!this.lexiconInstance) {
      const lexicon = this.options.lexicon();
      this.lexiconInstance = lexicon;
      let memo = LEXICON_MEMO.get(lexicon);
      if (!memo) LEXICON_MEMO.set(lexicon, (memo = new HashAnswers()));
      this.memo = memo;
      this.ask = (w) => lexicon.has(w) || colloquial(w);
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
  /** lex(piece.bare), the answer kept on the piece (split-scan.ts Piece). */
  lexPiece(piece: { bare: string; known: boolean | undefined }): boolean {
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
  /** The vocalised Quran text, read on the first question (vocalised-words.ts), or undefined when none was given. */
  quran(): QuranText | undefined {
    return (this.quranText ??= this.options.quran?.());
  }
  seen(word: string): boolean {
    return (this.evidence?.count(word) ?? 0) > 0;
  }
  /** The nouns this document writes before a lone letter, with those letters (split-rules.ts lettersAfterNouns); made on first need. */
  lettersAfterNouns: Map<string, Set<string>> | undefined;
  /** The marks of the fully vocalised words rejoined in this text, by where the word starts and ends (split-rules.ts vocalisedMarks). */
  readonly vocalisedWords = new Map<string, string[]>();
  /** The line last asked whether it shows the damage itself (split-rules.ts lineShowsSplits), and the answer. */
  lineShowingSplits: { start: number; end: number; shows: boolean } | undefined;
  /** The letters this document writes alone beside a formula's operator (split-rules.ts formulaLetters); made on first need. */
  formulaLetters: Set<string> | undefined;
}

/** A word of the spoken dialects, alone or after و or ف. */
function colloquial(word: string): boolean {
  return COLLOQUIAL_WORDS.has(word) || ((word.startsWith('و') || word.startsWith('ف')) && COLLOQUIAL_WORDS.has(word.slice(1)));
}
