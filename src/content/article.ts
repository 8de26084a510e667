/**
 * The article as the templates see it: validated, normalized, rendered. Plain data (JSON-safe): the prepared-article
 * cache (store/prepared-cache.ts) keeps it as JSON.
 */
export interface Named {
  name: string;
  slug: string;
}

export interface ArticleImage {
  /** Path under content/ of the original picture. */
  src: string;
  alt: string;
  credit?: string | undefined;
  caption?: string | undefined;
}

export interface Article {
  /** Source path relative to the project root, for error messages. */
  source: string;
  title: string;
  summary: string;
  /** ISO 8601 with the editor's time zone, as written. */
  date: string;
  updated?: string | undefined;
  /** Milliseconds since the epoch, for sorting. */
  timestamp: number;
  section: Named;
  tags: Named[];
  authors: Named[];
  lang: string;
  dir: 'rtl' | 'ltr';
  slug: string;
  /** Site-relative URL without the base path, e.g. /2022/12/<slug>/ */
  url: string;
  image?: ArticleImage | undefined;
  /**
   * The rendered body. On an article taken from the build cache it is a getter on the article's
   * prototype that reads the cache entry (prepare/site-scan.ts), not an own property: spread or
   * JSON.stringify leave it out.
   */
  html: string;
  /** Words of the normalized body, for reading time and related articles. */
  wordCount: number;
  /** Number of repairs the normalizer made in this article. */
  repairs: number;
  /** Gaps the repair left that could be a lost mark (`warraq lint` lists them as warnings). */
  possibleSplits: number;
  /** Estimated minutes to read the body (Arabic ≈ 190 words a minute, Latin-script ≈ 230). */
  readingMinutes: number;
  /** The most frequent folded content words of title, summary and body: for related articles. */
  terms: string[];
  /** Filled in by site/data.ts once every article is known. */
  related?: ArticleLink[] | undefined;
  /** The next newer / older article on the site. */
  newer?: ArticleLink | undefined;
  older?: ArticleLink | undefined;
}

/** A short, non-circular reference to another article (global data must stay plain). */
export interface ArticleLink {
  title: string;
  url: string;
  date: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  section: Named;
}
