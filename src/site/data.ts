/**
 * Stage 5: the list of articles → everything the templates need (section, tag, author and month listings newest first, paginated; related
 * articles; previous/next; feeds; news sitemap). Linear in articles: related ones come from inverted indexes, never from all pairs.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleLink, Named } from '../content/article.ts';
import type { WarraqConfig } from '../config.ts';
import { searchChunks } from './search-chunks.ts';

export type ListingKind = 'section' | 'tag' | 'author' | 'month';

export interface Listing extends Named {
  kind: ListingKind;
  url: string;
  articles: Article[];
}

/** One page of a listing (or of the home page): what Eleventy paginates over, one per output page. */
export interface ListingPage {
  kind: ListingKind | 'home';
  name: string;
  slug: string;
  /** The listing's first page, e.g. /tag/<slug>/ */
  listingUrl: string;
  /** This page's URL: listingUrl, then listingUrl + page/2/ … */
  url: string;
  pageNumber: number;
  pageCount: number;
  total: number;
  items: Article[];
  prevUrl?: string | undefined;
  nextUrl?: string | undefined;
  /** Atom feed of the listing, when it has one (site and sections). */
  feedUrl?: string | undefined;
}

export interface Feed {
  title: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  items: Article[];
}

export interface Directory {
  kind: ListingKind;
  url: string;
  listings: Listing[];
}

export interface SiteData {
  config: WarraqConfig;
  articles: Article[];
  sections: Listing[];
  tags: Listing[];
  authors: Listing[];
  months: Listing[];
  /** Home page, page by page. */
  home: ListingPage[];
  /** Every page of every section, tag, author and month listing. */
  listingPages: ListingPage[];
  /** /section/, /tag/, /author/, /archive/: lists of the listings. */
  directories: Directory[];
  feeds: Feed[];
  /** The search index's chunks, newest first, with their article counts (site/search-chunks.ts): the search page opens them in tiers. */
  searchChunks: Array<{ name: string; articles: number }>;
  /** Articles for the Google News sitemap: the last two days before the newest article, ≤ 1,000. */
  news: Article[];
  /** Date of the newest article (ISO): "now" for feeds and sitemaps, so builds are reproducible. */
  updated: string;
  /**
   * With a RelatedStore: the digest of what relate read and each article's related ones as indices into `articles` (RELATED a
   * row, −1 where fewer). Equal digests, equal rows and order of tags, terms and sections (page-reuse.ts keeps page digests by them).
   */
  relatedRows?: { digest: string; rows: Int32Array; width: number } | undefined;
}

/** The article, home and listing pages the templates paginate over in one build (global data `render`). */
export interface RenderSelection {
  articles: Article[];
  home: ListingPage[];
  listingPages: ListingPage[];
}

/** Every paginated page of the site. */
export function everyPage(site: SiteData): RenderSelection {
  return { articles: site.articles, home: site.home, listingPages: site.listingPages };
}

/** The same function applied to each kind of page (it must keep the element type: filter, slice). */
export function eachKind(s: RenderSelection, f: <T extends { url: string }>(pages: T[]) => T[]): RenderSelection {
  return { articles: f(s.articles), home: f(s.home), listingPages: f(s.listingPages) };
}

/**
 * Pages `start` … `start + count − 1` of a selection, counted across its kinds in one order
 * (articles, home, listings): the pages of one Eleventy run (build.ts).
 */
export function sliceSelection(s: RenderSelection, start: number, count: number): RenderSelection {
  const slice = <T>(pages: T[], offset: number) => pages.slice(Math.max(0, start - offset), Math.max(0, start + count - offset));
  const homeAt = s.articles.length;
  const listingsAt = homeAt + s.home.length;
  return { articles: slice(s.articles, 0), home: slice(s.home, homeAt), listingPages: slice(s.listingPages, listingsAt) };
}

/** How many pages a selection holds. */
export function pageCount(s: RenderSelection): number {
  return s.articles.length + s.home.length + s.listingPages.length;
}

export const PREFIX: Record<ListingKind, string> = { section: 'section', tag: 'tag', author: 'author', month: 'archive' };
const FEED_ITEMS = 20;
const RELATED = 4;
/** How many neighbours (by date) of an article each posting list contributes as candidates. */
const WINDOW = 60;
/** Terms found in more than this share of articles are too common to suggest a relation. */
const MAX_DF_SHARE = 0.2;
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
const NEWS_MAX = 1000;

/**
 * Where the related articles of the last build are kept (store/related-cache.ts): each article's related ones as indices into the
 * articles newest first (RELATED a row, −1 where fewer), under the digest of everything relate reads (relateInputsDigest).
 */
export interface RelatedStore {
  read(digest: string, rows: number, width: number): Int32Array | undefined;
  write(digest: string, related: Int32Array): void;
}

export function buildSiteData(
  all: readonly Article[],
  config: WarraqConfig,
  options: { related?: RelatedStore | undefined } = {},
): SiteData {
  const articles = [...all].sort((a, b) => b.timestamp - a.timestamp || a.url.localeCompare(b.url));
  const group = (kind: ListingKind, keys: (a: Article) => Named[]): Listing[] => {
    const map = new Map<string, Listing>();
    for (const a of articles) {
      for (const k of keys(a)) {
        let l = map.get(k.slug);
        if (!l) map.set(k.slug, (l = { ...k, kind, url: `/${PREFIX[kind]}/${k.slug}/`, articles: [] }));
        l.articles.push(a);
      }
    }
    return [...map.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
  };
  const months = group('month', (a) => {
    const [y, m] = a.date.split('-') as [string, string];
    return [{ name: `${y}-${m}`, slug: `${y}/${m}` }];
  }).sort((a, b) => b.slug.localeCompare(a.slug));
  const sections = group('section', (a) => [a.section]);
  const tags = group('tag', (a) => a.tags);
  const authors = group('author', (a) => a.authors);

  // One link object per article, shared by every page that links to it.
  const links = articles.map(linkTo);
  linkNeighbours(articles, links);
  const related = relate(articles, links, options.related);

  const size = config.paginate;
  const home = paginate({ kind: 'home', name: config.site.title, slug: '', url: '/', articles }, size, '/feed.xml');
  const listingPages: ListingPage[] = [];
  for (const l of [...sections, ...tags, ...authors, ...months]) {
    listingPages.push(...paginate(l, size, l.kind === 'section' ? `${l.url}feed.xml` : undefined));
  }
  const updated =
    articles[0]?.updated && articles[0].updated > articles[0].date ? articles[0].updated : (articles[0]?.date ?? '1970-01-01T00:00:00Z');
  const feed = (title: string, pageUrl: string, items: Article[]): Feed => ({
    title,
    pageUrl,
    atomUrl: `${pageUrl}feed.xml`,
    jsonUrl: `${pageUrl}feed.json`,
    updated: items[0]?.updated ?? items[0]?.date ?? updated,
    items: items.slice(0, FEED_ITEMS),
  });
  const feeds = [
    feed(config.site.title, '/', articles),
    ...sections.map((s) => feed(`${s.name} — ${config.site.title}`, s.url, s.articles)),
  ];
  const newest = articles[0]?.timestamp ?? 0;
  const news = articles.filter((a) => newest - a.timestamp <= NEWS_WINDOW_MS).slice(0, NEWS_MAX);
  const directories: Directory[] = [
    { kind: 'section', url: '/section/', listings: sections },
    { kind: 'tag', url: '/tag/', listings: tags },
    { kind: 'author', url: '/author/', listings: authors },
    { kind: 'month', url: '/archive/', listings: months },
  ];
  return {
    config,
    articles,
    sections,
    tags,
    authors,
    months,
    home,
    listingPages,
    directories,
    feeds,
    searchChunks: [...searchChunks(articles)].map(([name, list]) => ({ name, articles: list.length })),
    news,
    updated,
    relatedRows: related.digest !== undefined ? { digest: related.digest, rows: related.rows, width: RELATED } : undefined,
  };
}

function paginate(
  l: { kind: ListingKind | 'home'; name: string; slug: string; url: string; articles: Article[] },
  size: number,
  feedUrl?: string,
): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(l.articles.length / size));
  const urlOf = (n: number) => (n === 0 ? l.url : `${l.url}page/${n + 1}/`);
  const pages: ListingPage[] = [];
  for (let n = 0; n < pageCount; n++) {
    pages.push({
      kind: l.kind,
      name: l.name,
      slug: l.slug,
      listingUrl: l.url,
      url: urlOf(n),
      pageNumber: n + 1,
      pageCount,
      total: l.articles.length,
      items: l.articles.slice(n * size, (n + 1) * size),
      prevUrl: n > 0 ? urlOf(n - 1) : undefined,
      nextUrl: n + 1 < pageCount ? urlOf(n + 1) : undefined,
      feedUrl,
    });
  }
  return pages;
}

export function linkTo(a: Article): ArticleLink {
  return { title: a.title, url: a.url, date: a.date, lang: a.lang, dir: a.dir, section: a.section };
}

function linkNeighbours(articles: Article[], links: readonly ArticleLink[]): void {
  articles.forEach((a, i) => {
    a.newer = links[i - 1];
    a.older = links[i + 1];
  });
}

/**
 * A digest of what relate reads, article by article in the site's order: tags, key terms and section. Equal digests, equal
 * related articles (as indices into that order).
 */
export function relateInputsDigest(articles: readonly Article[]): string {
  const h = createHash('sha256').update(`related-v1\0${articles.length}\0`);
  // (one string per thousand articles: an update per article costs more than the hashing)
  let text = '';
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    text += `${a.tags.map((t) => t.slug).join('\u0001')}\u0002${(a.terms ?? []).join('\u0001')}\u0002${a.section.slug}\0`;
    if (i % 1000 === 999) {
      h.update(text);
      text = '';
    }
  }
  return h.update(text).digest('hex');
}

/**
 * Related articles. Candidates come from posting lists (tag → articles, key term → articles), each
 * read only in a window of WINDOW articles around the article's own date, so the work per article
 * is bounded whatever the size of the site. Score: shared tags weigh most, then shared key terms
 * weighted by rarity (idf), then the same section; ties go to the article closest in time.
 * `links`: each article's link (linkTo), shared by every list it appears in.
 */
export function relate(
  articles: Article[],
  links: readonly ArticleLink[] = articles.map(linkTo),
  store?: RelatedStore,
): { visits: number; reused: boolean; digest: string | undefined; rows: Int32Array } {
  const digest = store && relateInputsDigest(articles);
  const kept = digest !== undefined ? store!.read(digest, articles.length, RELATED) : undefined;
  const related = kept ? { indices: kept, visits: 0 } : relatedIndices(articles);
  for (let i = 0; i < articles.length; i++) {
    const row: ArticleLink[] = [];
    for (let k = i * RELATED; k < (i + 1) * RELATED && related.indices[k]! >= 0; k++) row.push(links[related.indices[k]!]!);
    articles[i]!.related = row;
  }
  if (digest !== undefined && !kept) store!.write(digest, related.indices);
  return { visits: related.visits, reused: kept !== undefined, digest, rows: related.indices };
}

/** relate's work: each article's RELATED best as indices (−1 where fewer), and how many postings it visited. */
function relatedIndices(articles: Article[]): { indices: Int32Array; visits: number } {
  let visits = 0;
  const n = articles.length;
  const indices = new Int32Array(n * RELATED).fill(-1);
  // Posting lists, all in one array: list k is postings[start[k]] … postings[start[k + 1] - 1],
  // ascending. Tags are numbered as first met, then terms after them; an article is posted once
  // per term, and once per tag it lists.
  const tagNumbers = new Map<string, number>();
  const termNumbers = new Map<string, number>();
  const numbered = (numbers: Map<string, number>, keys: readonly string[]) => {
    const out = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      let id = numbers.get(keys[k]!);
      if (id === undefined) numbers.set(keys[k]!, (id = numbers.size));
      out[k] = id;
    }
    return out;
  };
  const tagIds = articles.map((a) =>
    numbered(
      tagNumbers,
      a.tags.map((t) => t.slug),
    ),
  );
  const termIds = articles.map((a) => numbered(termNumbers, a.terms ?? [])); // (terms absent in articles cached by an older build)
  const tagCount = tagNumbers.size;
  const listCount = tagCount + termNumbers.size;
  // The lists each article is posted to: its tags, then its terms without repeats.
  const posted = articles.map((_, i) => {
    const terms = new Set<number>();
    for (const id of termIds[i]!) terms.add((id as number) + tagCount);
    return [...tagIds[i]!, ...terms];
  });
  for (const list of termIds) for (let k = 0; k < list.length; k++) list[k]! += tagCount;
  const start = new Int32Array(listCount + 1);
  for (const ids of posted) for (const id of ids) start[id + 1]!++;
  for (let k = 0; k < listCount; k++) start[k + 1]! += start[k]!;
  const postings = new Int32Array(start[listCount]!);
  const next = start.slice(0, listCount);
  posted.forEach((ids, i) => {
    for (const id of ids) postings[next[id]!++] = i;
  });

  const sectionIds = new Map<string, number>();
  const section = Int32Array.from(articles, (a) => {
    let id = sectionIds.get(a.section.slug);
    if (id === undefined) sectionIds.set(a.section.slug, (id = sectionIds.size));
    return id;
  });
  const maxDf = Math.max(3, Math.floor(n * MAX_DF_SHARE));
  const idf = (df: number) => Math.log(1 + n / df);
  // Scores of the current article's candidates, by article index; `touched` lists the candidates
  // so that only they are read and reset (a dense array: no map in the inner loop). Every weight is
  // positive, so a score of 0 means "not a candidate yet".
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const top: number[] = [];
  let i = 0;
  let count = 0;
  // Adds `weight` to every article among the WINDOW entries of list `id` nearest to article i (binary search).
  const add = (id: number, weight: number) => {
    let from = start[id]!;
    let to = start[id + 1]!;
    if (to - from > WINDOW) {
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (postings[mid]! < i) lo = mid + 1;
        else hi = mid;
      }
      from = Math.max(from, Math.min(lo - WINDOW / 2, to - WINDOW));
      to = from + WINDOW;
    }
    visits += to - from;
    for (let k = from; k < to; k++) {
      const j = postings[k]!;
      if (j === i) continue;
      if (scores[j] === 0) touched[count++] = j;
      scores[j] = scores[j]! + weight;
    }
  };
  for (i = 0; i < n; i++) {
    count = 0;
    // (in the order of the article's tags, then its terms: scores are sums of floating-point
    // weights, and the same order gives the same sums whatever the posting lists' layout)
    for (const id of tagIds[i]!) add(id, 3);
    const terms = termIds[i]!;
    const termWeight = 2 / Math.max(1, terms.length ** 0.5);
    for (const id of terms) {
      const df = start[id + 1]! - start[id]!;
      if (df > 1 && df <= maxDf) add(id, termWeight * idf(df));
    }
    // The RELATED best: score, then nearest in time, then the earlier index.
    top.length = 0;
    for (let c = 0; c < count; c++) {
      const j = touched[c]!;
      if (section[j] === section[i]) scores[j] = scores[j]! + 1;
      const score = scores[j]!;
      if (score < 1.5) continue;
      let at = top.length;
      while (at > 0) {
        const y = top[at - 1]!;
        const sy = scores[y]!;
        const better =
          score > sy || (score === sy && (Math.abs(j - i) < Math.abs(y - i) || (Math.abs(j - i) === Math.abs(y - i) && j < y)));
        if (!better) break;
        at--;
      }
      if (at < RELATED) {
        top.splice(at, 0, j);
        if (top.length > RELATED) top.pop();
      }
    }
    for (let k = 0; k < top.length; k++) indices[i * RELATED + k] = top[k]!;
    for (let c = 0; c < count; c++) scores[touched[c]!] = 0;
  }
  return { indices, visits };
}
