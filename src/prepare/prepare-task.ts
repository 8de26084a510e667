/**
 * One article's unit of work, for the in-process path and the worker pool: validate → normalize → render (prepare-article.ts), note drafts,
 * record every word-evidence look-up; returns the cache's JSON text, so fresh and cached articles are the same bytes.
 */
import { createHash } from 'node:crypto';
import { prepareArticle, type PrepareResult } from './prepare-article.ts';
import type { Article } from '../content/article.ts';
import type { Lexicon, NormalizeOptions, QuranText, WordEvidence } from '../text/options.ts';
import { keyOfHashes, wordKey } from '../text/evidence.ts';
import { encodeLookups, type EntryText } from '../store/prepared-cache.ts';
import { encodeFileCounts } from '../store/evidence-cache.ts';

export interface PreparedEntry {
  result: PrepareResult;
  /**
   * Hash of what preparing produced (the result and the HTML). Pages are keyed by it
   * (site/page-reuse.ts): an article prepared again because a word it asked about changed count
   * usually comes out the same, and then its page and search index need no work.
   */
  output: string;
}

/**
 * A prepared article as it is cached: the entry's JSON without the article's HTML (no `html` field),
 * every evidence look-up made while preparing (store/prepared-cache.ts encodeLookups), the source file's own
 * word counts, and the HTML apart. The HTML is most of an entry's bytes and is needed only when the article's
 * page or a feed is rendered, so the cache keeps it last (store/prepared-cache.ts) and the build reads it then.
 */
export type PreparedText = EntryText;

export type NormalizeConfig = Omit<Partial<NormalizeOptions>, 'lexicon' | 'quran' | 'evidence'>;

/**
 * The evidence as the normalizer sees it while one article is prepared: the site's counts, with
 * every question recorded into `lookups` by the word's key (evidence.ts wordKey), however it was asked.
 */
function recordingEvidence(evidence: WordEvidence, lookups: Map<number, number>): WordEvidence {
  const record = (hash: number, n: number): number => {
    lookups.set(hash, n);
    return n;
  };
  const countHash = (hash: number): number | undefined => {
    const n = evidence.countHash?.(hash);
    return n === undefined ? undefined : record(hash, n);
  };
  return {
    count(word: string): number {
      const hash = wordKey(word);
      return countHash(hash) ?? record(hash, evidence.count(word));
    },
    countHash,
    countOfHashes(fnv: number, djb2: number): number | undefined {
      const key = keyOfHashes(fnv, djb2);
      const n = evidence.countOfHashes?.(fnv, djb2);
      return n === undefined ? countHash(key) : record(key, n);
    },
  };
}

/** Prepares one article (`head`: without rendering its body, prepare-article.ts); returns the cache entry as text. */
export function prepareOne(
  file: string,
  source: string,
  normalizeConfig: NormalizeConfig,
  evidence: WordEvidence,
  lexicon: () => Lexicon,
  quran: () => QuranText,
  head = false,
): PreparedText {
  const lookups = new Map<number, number>();
  const result = prepareArticle(
    file,
    source,
    { ...normalizeConfig, lexicon, quran, evidence: recordingEvidence(evidence, lookups) },
    !head,
  );
  let html = '';
  if (result.ok) {
    html = result.article.html;
    delete (result.article as Partial<Article>).html; // the reader gives it back (site-scan.ts)
  }
  const resultJson = JSON.stringify(result);
  const output = createHash('sha256').update(resultJson).update('\0').update(html).digest('hex');
  const entry: PreparedEntry = { result, output };
  return {
    json: JSON.stringify(entry),
    lookups: encodeLookups([...lookups].sort((a, b) => a[0] - b[0])),
    wordCounts: encodeFileCounts(source),
    html,
  };
}
