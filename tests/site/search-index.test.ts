/**
 * The search index is one Pagefind index per year of articles, made from a search document per
 * article (site/search-document.ts) instead of from the written pages, so that it can run beside
 * Eleventy. What Pagefind stores for each article must be what it would store indexing the page
 * itself; a year whose articles are unchanged gets its index back from the cache, and what comes
 * back is exactly what indexing would have written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { buildDemoSite, walk, type BuiltSite } from './build-site.ts';
import { indexArticles, runPagefind } from '../../src/site/search.ts';
import { prepareSite, type PrepareSiteResult } from '../../src/build/pipeline.ts';
import { loadConfig } from '../../src/config.ts';
import type { Article } from '../../src/content/article.ts';

let site: BuiltSite;
let prepared: PrepareSiteResult;
let work: string;
let years: string[];

beforeAll(async () => {
  site = await buildDemoSite();
  prepared = prepareSite(site.project.root, loadConfig(site.project.root));
  work = mkdtempSync(path.join(os.tmpdir(), 'warraq-search-'));
  years = prepared.site.searchYears;
}, 240_000);

afterAll(() => {
  site?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

function indexTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of walk(path.join(dir, 'pagefind'))) out[f] = createHash('sha256').update(readFileSync(path.join(dir, 'pagefind', f))).digest('hex');
  return out;
}

/** What Pagefind stored per page (its fragments: gzip of "pagefind_dcd" and JSON), by URL. */
function fragments(indexDir: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const dir = path.join(indexDir, 'fragment');
  for (const f of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
    expect(text.startsWith('pagefind_dcd')).toBe(true);
    const fragment = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; meta: Record<string, string> };
    out.set(fragment.url, fragment);
  }
  return out;
}

describe('search index made from the prepared articles', () => {
  it('stores for each article what indexing its written page stores: text, title, word count, anchors', async () => {
    expect(years.length).toBeGreaterThan(1);
    // the lead picture's caption or credit is compared too
    expect(prepared.site.articles.filter((a) => a.image?.caption || a.image?.credit).length).toBeGreaterThan(0);
    let pages = 0;
    for (const year of years) {
      const fromPages = path.join(work, 'from-pages', year);
      await runPagefind(site.out, `${year}/*/*/index.html`, fromPages, 'ar');
      const expected = fragments(fromPages);
      const actual = fragments(path.join(site.out, 'pagefind', year));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [url, fragment] of expected) {
        // all but the lead picture, which the page has and the document leaves out (search-document.ts)
        const { image, image_alt, ...meta } = fragment.meta as Record<string, string>;
        expect(actual.get(url)).toEqual({ ...fragment, meta });
        pages++;
      }
    }
    expect(pages).toBe(prepared.site.articles.length);
  }, 120_000);

  it('indexes every year once, then reuses each unchanged year and re-indexes only the one that changed', async () => {
    const cacheDir = path.join(work, 'cache');
    const articles = prepared.site.articles;
    const first = path.join(work, 'first');
    const r1 = await indexArticles(first, articles, { cacheDir });
    expect(r1.indexed).toEqual(years);
    expect(r1.reused).toEqual([]);
    // the build's own index (made beside Eleventy, with content keys) is the same bytes
    expect(indexTree(first)).toEqual(indexTree(site.out));

    const second = path.join(work, 'second');
    const r2 = await indexArticles(second, articles, { cacheDir });
    expect(r2.reused).toEqual(years);
    expect(indexTree(second)).toEqual(indexTree(first));

    // an article of the oldest year changes: only that year is indexed again
    const oldest = years[years.length - 1]!;
    const victim = articles.find((a) => a.url.startsWith(`/${oldest}/`))!;
    const edited: Article[] = articles.map((a) => (a === victim ? { ...a, html: `${a.html}<p>فقرة أضيفت بعد النشر</p>` } : a));
    const third = path.join(work, 'third');
    const r3 = await indexArticles(third, edited, { cacheDir });
    expect(r3.indexed).toEqual([oldest]);
    expect(r3.reused).toEqual(years.filter((y) => y !== oldest));
    expect(fragments(path.join(third, 'pagefind', oldest)).get(encodeURI(victim.url))?.content).toContain('فقرة أضيفت بعد النشر');

    // what the cache gave back equals a fresh index of the same articles
    const fresh = path.join(work, 'fresh');
    expect((await indexArticles(fresh, edited)).reused).toEqual([]);
    expect(indexTree(fresh)).toEqual(indexTree(third));
  }, 120_000);

  it("keys a year by its articles' content keys when they have them; re-indexing in place leaves the kept indexes intact", async () => {
    const cacheDir = path.join(work, 'cache-keyed');
    const articles = prepared.site.articles;
    const oldest = years[years.length - 1]!;
    const keys = (changed?: string) => (a: Article) => (a.url.startsWith(`/${changed}/`) ? `edited:${a.url}` : `key:${a.url}`);

    const a = path.join(work, 'keyed-a');
    expect((await indexArticles(a, articles, { cacheDir, contentKey: keys() })).indexed).toEqual(years);
    const b = path.join(work, 'keyed-b');
    expect((await indexArticles(b, articles, { cacheDir, contentKey: keys() })).reused).toEqual(years);
    expect(indexTree(b)).toEqual(indexTree(site.out));

    // An article without a key: its year is keyed by the documents themselves.
    const r = await indexArticles(path.join(work, 'keyed-c'), articles, { cacheDir, contentKey: (x) => (x.url.startsWith(`/${oldest}/`) ? undefined : `key:${x.url}`) });
    expect(r.indexed).toEqual([oldest]);

    // b's indexes are links to the kept ones: a new key for the oldest year re-indexes it in
    // place (as the dev server does), and the kept indexes must stay as they were.
    expect((await indexArticles(b, articles, { cacheDir, contentKey: keys(oldest) })).indexed).toEqual([oldest]);
    const d = path.join(work, 'keyed-d');
    expect((await indexArticles(d, articles, { cacheDir, contentKey: keys() })).reused.length).toBeGreaterThan(0);
    expect(indexTree(d)).toEqual(indexTree(site.out));
  }, 120_000);
});
