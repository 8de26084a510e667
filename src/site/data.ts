/**
 * Stage 5: from the list of articles to everything the templates need — listings by section, tag,
 * author and month (each sorted newest first and cut into pages), related articles, previous/next
 * links, feeds and the news sitemap. Linear in the number of articles: related articles come from
 * inverted indexes (tags, key terms) read in bounded windows, never from comparing every pair.
 */
import type { Article, ArticleLink, Named } from '../content/article.ts';
import type { WarraqConfig } from '../config.ts';

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
  /** Years with articles, newest first: one search index each (site/search.ts). */
  searchYears: string[];
  /** Articles for the Google News sitemap: the last two days before the newest article, ≤ 1,000. */
  news: Article[];
  /** Date of the newest article (ISO): "now" for feeds and sitemaps, so builds are reproducible. */
  updated: string;
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

export function buildSiteData(all: Article[], config: WarraqConfig): SiteData {
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

  linkNeighbours(articles);
  relate(articles);

  const size = config.paginate;
  const home = paginate({ kind: 'home', name: config.site.title, slug: '', url: '/', articles }, size, '/feed.xml');
  const listingPages: ListingPage[] = [];
  for (const l of [...sections, ...tags, ...authors, ...months]) {
    listingPages.push(...paginate(l, size, l.kind === 'section' ? `${l.url}feed.xml` : undefined));
  }
  const updated = articles[0]?.updated && articles[0].updated > articles[0].date ? articles[0].updated : (articles[0]?.date ?? '1970-01-01T00:00:00Z');
  const feed = (title: string, pageUrl: string, items: Article[]): Feed => ({
    title,
    pageUrl,
    atomUrl: `${pageUrl}feed.xml`,
    jsonUrl: `${pageUrl}feed.json`,
    updated: items[0]?.updated ?? items[0]?.date ?? updated,
    items: items.slice(0, FEED_ITEMS),
  });
  const feeds = [feed(config.site.title, '/', articles), ...sections.map((s) => feed(`${s.name} — ${config.site.title}`, s.url, s.articles))];
  const newest = articles[0]?.timestamp ?? 0;
  const news = articles.filter((a) => newest - a.timestamp <= NEWS_WINDOW_MS).slice(0, NEWS_MAX);
  const directories: Directory[] = [
    { kind: 'section', url: '/section/', listings: sections },
    { kind: 'tag', url: '/tag/', listings: tags },
    { kind: 'author', url: '/author/', listings: authors },
    { kind: 'month', url: '/archive/', listings: months },
  ];
  return { config, articles, sections, tags, authors, months, home, listingPages, directories, feeds, searchYears: searchYears(articles.map((a) => a.url)), news, updated };
}

function paginate(l: { kind: ListingKind | 'home'; name: string; slug: string; url: string; articles: Article[] }, size: number, feedUrl?: string): ListingPage[] {
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

function linkNeighbours(articles: Article[]): void {
  articles.forEach((a, i) => {
    const newer = articles[i - 1];
    const older = articles[i + 1];
    a.newer = newer && linkTo(newer);
    a.older = older && linkTo(older);
  });
}

/**
 * Related articles. Candidates come from posting lists (tag → articles, key term → articles), each
 * read only in a window of WINDOW articles around the article's own date, so the work per article
 * is bounded whatever the size of the site. Score: shared tags weigh most, then shared key terms
 * weighted by rarity (idf), then the same section; ties go to the article closest in time.
 */
export function relate(articles: Article[]): { visits: number } {
  let visits = 0;
  const n = articles.length;
  const tagPostings = new Map<string, number[]>();
  const termPostings = new Map<string, number[]>();
  articles.forEach((a, i) => {
    for (const t of a.tags) push(tagPostings, t.slug, i);
    for (const term of new Set(a.terms ?? [])) push(termPostings, term, i);
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
  const touched: number[] = [];
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = articles[i]!;
    const add = (list: number[] | undefined, weight: number) => {
      if (!list) return;
      const [from, to] = windowAround(list, i);
      for (let k = from; k < to; k++) {
        const j = list[k]!;
        visits++;
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j] = scores[j]! + weight;
      }
    };
    for (const t of a.tags) add(tagPostings.get(t.slug), 3);
    const terms = a.terms ?? []; // absent in articles cached by an older build
    const termWeight = 2 / Math.max(1, terms.length ** 0.5);
    for (const term of terms) {
      const list = termPostings.get(term);
      if (list && list.length > 1 && list.length <= maxDf) add(list, termWeight * idf(list.length));
    }
    // The RELATED best: score, then nearest in time, then the earlier index.
    const better = (x: number, y: number) => scores[x]! > scores[y]! || (scores[x] === scores[y] && (Math.abs(x - i) < Math.abs(y - i) || (Math.abs(x - i) === Math.abs(y - i) && x < y)));
    top.length = 0;
    for (const j of touched) {
      if (section[j] === section[i]) scores[j] = scores[j]! + 1;
      if (scores[j]! < 1.5) continue;
      let at = top.length;
      while (at > 0 && better(j, top[at - 1]!)) at--;
      if (at < RELATED) {
        top.splice(at, 0, j);
        if (top.length > RELATED) top.pop();
      }
    }
    a.related = top.map((j) => linkTo(articles[j]!));
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
  }
  return { visits };
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Bounds [from, to) of the up-to-WINDOW entries of an ascending posting list nearest to index i (binary search). */
function windowAround(list: number[], i: number): [number, number] {
  if (list.length <= WINDOW) return [0, list.length];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.max(0, Math.min(lo - WINDOW / 2, list.length - WINDOW));
  return [start, start + WINDOW];
}

/** The years of the given article URLs (/YYYY/MM/slug/), newest first: the search shards. */
export function searchYears(urls: Iterable<string>): string[] {
  const years = new Set<string>();
  for (const url of urls) {
    const year = yearOfUrl(url);
    if (year) years.add(year);
  }
  return [...years].sort().reverse();
}

/** The year of an article's URL (/2024/05/slug/): its search index (site/search.ts). */
export function yearOfUrl(url: string): string | undefined {
  const year = url.split('/')[1];
  return year && /^\d{4}$/.test(year) ? year : undefined;
}
