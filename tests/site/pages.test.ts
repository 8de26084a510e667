/**
 * What the pages say and how they are linked: related articles (and that finding them stays
 * linear), reading time, slugs, listings with pagination, dates, fonts, feeds, sitemaps, JSON-LD
 * that a hostile headline cannot break, the English article's direction, and the page budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { buildDemoSite, htmlFiles, walk, type BuiltSite } from './build-site.ts';
import { buildSiteData, relate } from '../../src/site/data.ts';
import { prepareArticle, readingMinutes } from '../../src/prepare/prepare-article.ts';
import { configSchema } from '../../src/config.ts';
import type { Article } from '../../src/content/article.ts';
import { testArticle } from '../helpers/article.ts';
import { foldArabic, keyTerms } from '../../src/terms/fold.ts';
import { isolateLatin, siteUrl } from '../../src/site/filters.ts';
import { formatDate, formatDateTime, formatHijri } from '../../src/site/dates.ts';

const HOSTILE = `---
title: "اختبار </script><script>alert(1)</script> مع iPhone 15 و«NATO»"
date: 2023-02-20T10:00:00+03:00
section: سياسة
tags: [اختبار, أوكرانيا]
authors: [سلمى الحسيني]
summary: "ملخص يحتوي </script> و<b>وسم</b> لاختبار الهروب في البيانات المنظمة وفي الصفحة نفسها دون أن ينكسر شيء."
---
نص قصير للاختبار فيه كلمة iPhone وكلمات عربية كثيرة عن أوكرانيا والحرب والطاقة.
`;

let site: BuiltSite;
const read = (f: string) => readFileSync(path.join(site.out, f), 'utf8');
const articlePages = () => htmlFiles(site.out).filter((f) => /^\d{4}\/\d{2}\//.test(f));

beforeAll(async () => {
  site = await buildDemoSite({ config: { paginate: 5 }, extra: { 'content/2023/02/hostile.md': HOSTILE } });
}, 180_000);
afterAll(() => site?.remove());

function fakeArticle(i: number, tags: string[], words: string, section = 'سياسة'): Article {
  return testArticle(i, Date.UTC(2020, 0, 1), 3_600_000, {
    summary: 's',
    url: `/2020/01/s${i}/`,
    section: { name: section, slug: section },
    tags: tags.map((t) => ({ name: t, slug: t })),
    html: '<p>x</p>',
    terms: keyTerms(words),
  });
}

describe('site data', () => {
  const config = configSchema.parse({});

  it('relates articles by shared tags and words, never to themselves, at most four', () => {
    const arts = [
      fakeArticle(0, ['نفط', 'أوبك'], 'أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج'),
      fakeArticle(1, ['نفط'], 'تحالف أوبك يبقي على الإنتاج وأسعار النفط مستقرة'),
      fakeArticle(2, ['كرة'], 'المنتخب يفوز في المباراة النهائية لكأس العالم', 'رياضة'),
      fakeArticle(3, ['كرة'], 'كأس العالم: المنتخب يتأهل إلى النهائي بعد مباراة صعبة', 'رياضة'),
    ];
    const site = buildSiteData(arts, config);
    const byUrl = new Map(site.articles.map((a) => [a.url, a]));
    expect(byUrl.get('/2020/01/s0/')!.related!.map((r) => r.url)).toEqual(['/2020/01/s1/']);
    expect(byUrl.get('/2020/01/s3/')!.related!.map((r) => r.url)).toEqual(['/2020/01/s2/']);
    for (const a of site.articles) expect(a.related!.every((r) => r.url !== a.url)).toBe(true);
  });

  it('related articles stay linear: bounded candidates per article, however many share a tag', () => {
    const topics = Array.from({ length: 5 }, (_, i) => `موضوع${i}`);
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        fakeArticle(i, [topics[i % 5]!, topics[(i * 3 + 1) % 5]!], `كلمة${i % 300} نص${i % 97} خبر${i % 13} ${topics[i % 5]}`),
      );
    const visits = (n: number) => relate(make(n)).visits;
    const v4 = visits(4000);
    const v8 = visits(8000);
    // every article reads at most WINDOW (60) entries of each of its tag and term posting lists
    expect(v8 / 8000).toBeLessThanOrEqual(60 * (2 + 24));
    expect(v8 / v4).toBeGreaterThan(1.8);
    expect(v8 / v4).toBeLessThan(2.6); // quadratic would be 4 (small posting lists still fill up to the window)
    const site = buildSiteData(make(8000), config);
    expect(site.articles.every((a) => a.related!.length > 0 && a.related!.length <= 4)).toBe(true);
  });

  it('Google News sitemap: two days back from the newest article, at most 1,000', () => {
    const arts = Array.from({ length: 1500 }, (_, i) => fakeArticle(i, ['x'], 'نص'));
    const s = buildSiteData(arts, config);
    expect(s.news.length).toBe(49); // hourly articles: the newest and 48 hours before it
    const dense = Array.from({ length: 1500 }, (_, i) => ({ ...fakeArticle(0, ['x'], 'نص'), url: `/a/${i}/`, slug: `a${i}` }));
    expect(buildSiteData(dense, config).news.length).toBe(1000);
  });

  it('reading time for Arabic at ~190 words a minute', () => {
    expect(readingMinutes(190, 'rtl')).toBe(1);
    expect(readingMinutes(950, 'rtl')).toBe(5);
    expect(readingMinutes(20, 'rtl')).toBe(1);
  });

  it('slugs made from a headline keep at most eight words', () => {
    const r = prepareArticle(
      'content/2023/01/x.md',
      `---\ntitle: "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة"\ndate: 2023-01-01T10:00:00+03:00\nsection: سياسة\ntags: [أ, ب]\nauthors: [سلمى الحسيني]\nsummary: "ملخص"\n---\nنص.\n`,
      {},
    );
    expect(r.ok && r.article.slug).toBe('واحد-اثنان-ثلاثة-أربعة-خمسة-ستة-سبعة-ثمانية');
  });

  it('dates follow the configured numbering system, with the Hijri date beside', () => {
    expect(formatDate('2022-12-19T18:30:00+03:00', 'ar', 'arab')).toContain('١٩');
    expect(formatDate('2022-12-19T18:30:00+03:00', 'ar', 'latn')).toContain('19');
    // the editor's wall-clock time, not the build machine's zone
    expect(formatDateTime('2022-12-19T23:30:00+03:00', 'ar', 'latn')).toContain('19');
    expect(formatHijri('2022-12-19T18:30:00+03:00', 'latn')).toMatch(/1444/);
  });

  it('folds Arabic for matching', () => {
    expect(foldArabic('أَإِآ مُسْتَشْفَى القاهرةُ')).toBe('ااا مستشفي القاهره');
  });

  it('isolates Latin runs in Arabic titles, escaped', () => {
    expect(String(isolateLatin('هاتف iPhone 15 <جديد>'))).toBe('هاتف <bdi>iPhone 15</bdi> &lt;جديد&gt;');
    expect(String(isolateLatin('Plain English', 'ltr'))).toBe('Plain English');
  });

  it('absolute URLs keep the base path and are percent-encoded', () => {
    expect(siteUrl('/2023/01/خبر/', { url: 'https://x.org', basePath: '/warraq/' })).toBe(
      'https://x.org/warraq/2023/01/%D8%AE%D8%A8%D8%B1/',
    );
  });
});

describe('the built site', () => {
  it('has home, article, section, tag, author, archive, search and 404 pages, paginated', () => {
    for (const f of [
      'index.html',
      'page/2/index.html',
      '404.html',
      'search/index.html',
      'section/index.html',
      'tag/index.html',
      'author/index.html',
      'archive/index.html',
      'archive/2022/12/index.html',
      'archive/2022/12/page/2/index.html',
      'section/سياسة/index.html',
      'section/سياسة/page/2/index.html',
      'tag/أوكرانيا/index.html',
      'author/سلمى-الحسيني/index.html',
    ]) {
      expect(existsSync(path.join(site.out, f)), f).toBe(true);
    }
    const page2 = parse(read('section/سياسة/page/2/index.html'));
    expect(page2.querySelector('a[rel=prev]')!.getAttribute('href')).toBe('/section/سياسة/');
    expect(page2.querySelectorAll('nav.crumbs li').length).toBe(3);
  });

  it('article pages: breadcrumbs, byline, dates with zone and Hijri, reading time, related, previous/next', () => {
    const pages = articlePages();
    expect(pages.length).toBe(17);
    for (const f of pages) {
      const doc = parse(read(f));
      expect(doc.querySelectorAll('nav.crumbs li').length, f).toBe(3);
      for (const t of doc.querySelectorAll('time'))
        expect(t.getAttribute('datetime'), f).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/);
      expect(doc.querySelector('.byline a[rel=author]'), f).toBeTruthy();
      expect(doc.querySelector('[data-pagefind-body]'), f).toBeTruthy();
      if (doc.querySelector('html')!.getAttribute('lang') === 'ar') {
        expect(doc.querySelector('.hijri')!.text, f).toMatch(/هـ/);
        expect(doc.querySelector('.meta')!.text, f).toMatch(/قراءة/);
      }
      expect(doc.querySelector('.prevnext a'), f).toBeTruthy();
    }
    expect(pages.filter((f) => parse(read(f)).querySelector('.related li')).length).toBeGreaterThan(12);
  });

  it('lead images are responsive: AVIF, WebP and JPEG, width and height, alt, credit shown', () => {
    const withImage = articlePages().filter((f) => read(f).includes('<picture>'));
    expect(withImage.length).toBe(3);
    for (const f of withImage) {
      const doc = parse(read(f));
      const types = doc.querySelectorAll('figure source').map((s) => s.getAttribute('type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      const img = doc.querySelector('figure img')!;
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('alt')!.length).toBeGreaterThan(5);
      expect(img.getAttribute('src')).toMatch(/\.jpeg$/);
      expect(doc.querySelector('figcaption .credit')!.text.length).toBeGreaterThan(3);
      for (const s of img.getAttribute('srcset')!.split(', ')) expect(existsSync(path.join(site.out, s.split(' ')[0]!))).toBe(true);
    }
  });

  it('a hostile headline cannot break out of the JSON-LD, and the NewsArticle is complete', () => {
    const f = articlePages().find((p) => read(p).includes('alert(1)'))!;
    const html = read(f);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(1);
    expect(scripts[0]![0]).toMatch(/^<script type="application\/ld\+json">/);
    const ld = JSON.parse(scripts[0]![1]!);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toContain('</script><script>alert(1)</script>');
    expect(ld.datePublished).toBe('2023-02-20T10:00:00+03:00');
    expect(ld.dateModified).toBe('2023-02-20T10:00:00+03:00');
    expect(ld.author[0].name).toBe('سلمى الحسيني');
    expect(ld.publisher.name).toBeTruthy();
    // the headline is escaped in the page, Latin isolated
    const h1 = parse(html).querySelector('h1')!;
    expect(h1.text).toContain('</script><script>alert(1)</script>');
    expect(h1.innerHTML).not.toMatch(/<\/?script/);
    expect(h1.querySelectorAll('bdi').map((b) => b.text)).toContain('iPhone 15');
    // with an image: the image is in the JSON-LD, Open Graph and Twitter card
    const fusion = articlePages().find((p) => p.includes('اندماج'))!;
    const fusionHtml = read(fusion);
    const fld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(fusionHtml)![1]!);
    expect(fld.image[0].url).toMatch(/^https:\/\/warraq\.example\.org\/img\/.+\.jpeg$/);
    const doc = parse(fusionHtml);
    expect(doc.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(fld.image[0].url);
    expect(doc.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary_large_image');
    expect(doc.querySelector('meta[name=description]')!.getAttribute('content')).toContain('اندماج');
    expect(doc.querySelector('link[rel=canonical]')!.getAttribute('href')).toMatch(/^https:\/\/warraq\.example\.org\/2022\/12\/%D8/);
  });

  it('article pages weigh at most 20 KB gzipped (HTML + CSS) and run no script', () => {
    const css = read('assets/site.rtl.css');
    for (const f of articlePages()) {
      const html = read(f);
      expect(html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, ''), f).not.toMatch(/<script/);
      const size = gzipSync(html).length + gzipSync(css).length;
      expect(size, f).toBeLessThanOrEqual(20 * 1024);
    }
  });

  it('the English article is left to right with site.ltr.css', () => {
    const f = articlePages().find((p) => p.includes('microsoft'))!;
    const html = parse(read(f)).querySelector('html')!;
    expect(html.getAttribute('lang')).toBe('en');
    expect(html.getAttribute('dir')).toBe('ltr');
    expect(html.querySelector('link[rel=stylesheet]')!.getAttribute('href')).toBe('/assets/site.ltr.css');
    expect(read('assets/site.ltr.css')).not.toBe(read('assets/site.rtl.css'));
  });

  it('self-hosts Noto Naskh and Kufi Arabic: woff2 only, unicode-range subsets, font-display swap, measured local fallbacks', () => {
    const css = read('assets/site.rtl.css');
    const all = css.match(/@font-face\{[^}]*\}/g)!;
    const faces = all.filter((f) => f.includes('url('));
    expect(faces.length).toBe(6);
    const fallbacks = all.filter((f) => !f.includes('url('));
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const face of fallbacks)
      expect(face).toMatch(
        /src:local\("[^"]+"\).*size-adjust:[\d.]+%;ascent-override:[\d.]+%;descent-override:[\d.]+%;line-gap-override:[\d.]+%/,
      );
    // the body's font file is preloaded, and it is the one its @font-face names
    const preload = parse(read('index.html')).querySelector('link[rel=preload][as=font]')!;
    expect(preload.getAttribute('crossorigin')).toBe('');
    expect(
      faces.some(
        (f) =>
          f.includes('"Noto Naskh Arabic"') &&
          f.includes('font-weight:400') &&
          f.includes(`url(fonts/${path.basename(preload.getAttribute('href')!)})`),
      ),
    ).toBe(true);
    expect(existsSync(path.join(site.out, preload.getAttribute('href')!))).toBe(true);
    for (const face of faces) {
      expect(face).toContain('font-display:swap');
      expect(face).toMatch(/unicode-range:U\+/);
      expect(face).toMatch(/format\("woff2"\)/);
      expect(face).not.toMatch(/\.woff\)/);
    }
    expect(faces.some((f) => f.includes('Noto Naskh Arabic'))).toBe(true);
    expect(faces.some((f) => f.includes('Noto Kufi Arabic'))).toBe(true);
    expect(
      walk(site.out)
        .filter((f) => f.startsWith('assets/fonts/'))
        .every((f) => f.endsWith('.woff2')),
    ).toBe(true);
    expect(css).toMatch(/body\{[^}]*font:1\.125rem\/1\.9 /); // Naskh needs a tall line
  });

  it('Atom and JSON feeds for the site and each section, in Arabic', () => {
    const sections = walk(site.out).filter((f) => /^section\/[^/]+\/feed\.xml$/.test(f));
    expect(sections.length).toBe(4);
    for (const f of ['feed.xml', ...sections]) {
      const xml = read(f);
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ar">/);
      expect(xml).toMatch(/<entry xml:lang="ar">/);
      expect(xml).not.toMatch(/<content type="html">[^<]*<(?!\/content)/); // content is escaped HTML
      const json = JSON.parse(read(f.replace(/\.xml$/, '.json')));
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.language).toBe('ar');
      expect(json.items.length).toBeGreaterThan(0);
      expect(json.items[0].content_html).toContain('<p>');
    }
  });

  it('sitemap, Google News sitemap and robots.txt', () => {
    const sitemap = read('sitemap.xml');
    expect(sitemap.match(/<url>/g)!.length).toBeGreaterThan(17 + 4);
    const news = read('news-sitemap.xml');
    expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    // newest article is 2023-02-21; the hostile one (2023-02-20) is within two days, 2023-02-14 is not
    expect(news.match(/<url>/g)!.length).toBe(2);
    expect(news).toContain('<news:publication_date>2023-02-21T16:20:00+03:00</news:publication_date>');
    expect(read('robots.txt')).toContain('Sitemap: https://warraq.example.org/sitemap.xml');
  });

  it('Pagefind indexed the article pages only, one index per year', () => {
    const files = walk(site.out).filter((f) => f.startsWith('pagefind/'));
    const years = [...new Set(site.summary.articles ? readdirSync(site.out).filter((d) => /^\d{4}$/.test(d)) : [])].sort();
    expect(years.length).toBeGreaterThan(1);
    for (const y of years) {
      expect(existsSync(path.join(site.out, `pagefind/${y}/pagefind.js`)), y).toBe(true);
      expect(
        files.some((f) => new RegExp(`^pagefind/${y}/pagefind\\.ar_.*\\.pf_meta$`).test(f)),
        y,
      ).toBe(true);
    }
    expect(site.summary.articles).toBe(17);
    // one fragment per article: every article page was indexed, in its year's index
    expect(files.filter((f) => /^pagefind\/\d{4}\/fragment\//.test(f)).length).toBe(17);
  });
});
