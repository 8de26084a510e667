/**
 * Template helpers that need more than Nunjucks: absolute URLs under the base path, Latin isolation in titles, reading time in Arabic,
 * NewsArticle JSON-LD. Anything returned as markup is escaped here first and only then marked safe.
 */
import nunjucks from 'nunjucks';
import type { Article } from '../content/article.ts';
import type { Feed, SiteData } from './data.ts';
import type { ImageSet } from './images.ts';
import { formatMonth, formatNumber, type NumberingSystem } from './dates.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON for a <script type="application/ld+json"> block: nothing in a value can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** https://host/base/path/ for a site-relative /path/, percent-encoded (feeds, sitemaps, canonical). */
export function siteUrl(url: string, site: { url: string; basePath: string }): string {
  const origin = site.url.replace(/\/+$/, '');
  const base = site.basePath.replace(/\/+$/, '');
  return encodeURI(`${origin}${base}/${url.replace(/^\/+/, '')}`);
}

const LATIN_RUN = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*(?:[ .\-_'’&+/:][A-Za-z\u00C0-\u024F0-9]+)*/g;

/** Escaped text with each Latin run isolated in <bdi> when the text is right-to-left Arabic. */
export function isolateLatin(text: unknown, dir = 'rtl'): unknown {
  const s = String(text ?? '');
  if (dir !== 'rtl' || !/[\u0600-\u06FF]/.test(s) || !/[A-Za-z]/.test(s)) return nunjucks.runtime.markSafe(escapeHtml(s));
  let out = '';
  let at = 0;
  for (const m of s.matchAll(LATIN_RUN)) {
    out += escapeHtml(s.slice(at, m.index)) + `<bdi>${escapeHtml(m[0])}</bdi>`;
    at = m.index + m[0].length;
  }
  return nunjucks.runtime.markSafe(out + escapeHtml(s.slice(at)));
}

/** "٣ دقائق قراءة" with Arabic plural forms; English for English articles. */
export function readingTime(minutes: number, lang = 'ar', nums: NumberingSystem = 'latn'): string {
  if (!lang.startsWith('ar')) return `${minutes} min read`;
  const n = formatNumber(minutes, 'ar', nums);
  switch (new Intl.PluralRules('ar').select(minutes)) {
    case 'one':
      return 'دقيقة قراءة واحدة';
    case 'two':
      return 'دقيقتا قراءة';
    case 'few':
      return `${n} دقائق قراءة`;
    default:
      return `${n} دقيقة قراءة`;
  }
}

/** Adds seconds when the editor left them out: RFC 3339 (Atom) requires them; the zone is kept. */
export function rfc3339(iso: string): string {
  return iso.replace(/T(\d{2}):(\d{2})(?=Z|[+-])/, 'T$1:$2:00');
}

/** NewsArticle structured data, escaped for a script element. */
export function articleJsonLd(a: Article, site: SiteData, images: Record<string, ImageSet>): unknown {
  const s = site.config.site;
  const img = a.image ? images[a.image.src] : undefined;
  const logo = { '@type': 'ImageObject', url: siteUrl('/assets/logo.png', s), width: 512, height: 512 };
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': siteUrl(a.url, s) },
    headline: a.title,
    description: a.summary,
    inLanguage: a.lang,
    datePublished: rfc3339(a.date),
    dateModified: rfc3339(a.updated ?? a.date),
    articleSection: a.section.name,
    keywords: a.tags.map((t) => t.name),
    wordCount: a.wordCount,
    author: a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: siteUrl(`/author/${p.slug}/`, s) })),
    // Without a lead image the publisher's logo stands in: NewsArticle rich results want an image.
    image: [img ? { '@type': 'ImageObject', url: siteUrl(img.large.url, s), width: img.large.width, height: img.large.height } : logo],
    publisher: { '@type': 'Organization', name: s.publisher, url: siteUrl('/', s), logo },
  };
  return nunjucks.runtime.markSafe(scriptJson(data));
}

/** Article HTML for feeds: links and images made absolute (feed readers have no base URL). */
export function absoluteHtml(html: string, pageUrl: string, site: { url: string; basePath: string }): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, url: string) => {
    if (url.startsWith('/') && !url.startsWith('//')) return `${attr}="${siteUrl(url, site)}"`;
    if (url.startsWith('#')) return `${attr}="${siteUrl(pageUrl, site)}${url}"`;
    return whole;
  });
}

/** JSON Feed 1.1 for one feed (site or section). */
export function jsonFeed(feed: Feed, site: SiteData): unknown {
  const s = site.config.site;
  const data = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: s.description,
    home_page_url: siteUrl(feed.pageUrl, s),
    feed_url: siteUrl(feed.jsonUrl, s),
    language: s.lang,
    authors: [{ name: s.publisher }],
    items: feed.items.map((a) => ({
      id: siteUrl(a.url, s),
      url: siteUrl(a.url, s),
      title: a.title,
      summary: a.summary,
      content_html: absoluteHtml(a.html, a.url, s),
      date_published: rfc3339(a.date),
      date_modified: rfc3339(a.updated ?? a.date),
      language: a.lang,
      authors: a.authors.map((p) => ({ name: p.name, url: siteUrl(`/author/${p.slug}/`, s) })),
      tags: [a.section.name, ...a.tags.map((t) => t.name)],
    })),
  };
  return nunjucks.runtime.markSafe(JSON.stringify(data));
}

const KIND_NAMES: Record<string, string> = { section: 'الأقسام', tag: 'الوسوم', author: 'الكتّاب', month: 'الأرشيف' };

/** "الوسوم", "الأرشيف"…: the name of a kind of listing. */
export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? '';
}

/** The heading of a listing page: the section or author's name, "وسم: …", "أرشيف ديسمبر 2022". */
export function listingTitle(l: { kind: string; name: string }, nums: NumberingSystem = 'latn'): string {
  if (l.kind === 'tag') return `وسم: ${l.name}`;
  if (l.kind === 'month') return `أرشيف ${formatMonth(l.name, 'ar', nums)}`;
  return l.name;
}
