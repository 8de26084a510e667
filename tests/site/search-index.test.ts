/**
 * The search index is one Pagefind index per year, built from each article's search document
 * (src/site/search-document.ts) rather than from its rendered page, so that it can be built while
 * Eleventy renders. These tests hold it to three things:
 *   - Pagefind reads from a search document exactly what it reads from the article's page (text,
 *     word count, title, anchors): the document cannot drift from templates/_includes/pages/article.njk;
 *   - a year whose documents did not change gets its index back from the cache, and what comes back
 *     is exactly what indexing would have written;
 *   - a changed year alone is indexed again, and ends up exactly as a fresh index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { buildDemoSite, walk, type BuiltSite } from './build-site.ts';
import { indexArticles, placeIndex, placeIndexes, runPagefind, type SearchIndexes } from '../../src/site/search.ts';
import { prepareSite } from '../../src/prepare/prepare-in-thread.ts';
import { loadConfig } from '../../src/config.ts';
import type { Article } from '../../src/content/article.ts';

let site: BuiltSite;
let work: string;
let articles: readonly Article[];
let years: string[];

/**
 * Beside the demo content (a lead picture with a credit, an English article): a title and summary
 * with Latin runs (isolated in <bdi>), a lead picture with caption and credit, and footnotes and a
 * raw heading with an id (Pagefind records elements with an id as anchors).
 */
const EXTRA = `---
title: "قمة G20 في نيودلهي تبحث ملف AI Safety"
date: 2023-09-09T10:00:00+03:00
section: سياسة
tags: [قمة]
authors: [سلمى الحسيني, John Smith]
summary: "قادة مجموعة G20 يناقشون تنظيم الذكاء الاصطناعي (AI) والديون."
lang: ar
image:
  src: media/runway-dawn.png
  alt: "رسم تجريدي"
  caption: "صورة من القمة في New Delhi"
  credit: "رسم توضيحي: فريق وراق"
---

افتتحت القمة أعمالها صباح السبت[^1] بحضور قادة الدول.

<h2 id="agenda">جدول الأعمال</h2>

ناقش القادة ملفات المناخ والديون و**الذكاء الاصطناعي**.

[^1]: بتوقيت نيودلهي.
`;

beforeAll(async () => {
  site = await buildDemoSite({ extra: { 'content/2023/09/g20-search-check.md': EXTRA } });
  work = mkdtempSync(path.join(os.tmpdir(), 'warraq-search-'));
  articles = prepareSite(site.project.root, loadConfig(site.project.root)).articles;
  years = [...new Set(articles.map((a) => a.url.slice(1, 5)))].sort().reverse();
}, 240_000);

afterAll(() => {
  site?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every fragment of the indexes under `dir`, decoded (Pagefind: a 12-byte signature, then JSON), by URL. */
function fragments(
  dir: string,
): Map<string, { url: string; content: string; word_count: number; meta: Record<string, string>; anchors: unknown[]; filters: unknown }> {
  const out = new Map();
  for (const f of walk(dir).filter((f) => f.includes('fragment/'))) {
    const json = JSON.parse(
      gunzipSync(readFileSync(path.join(dir, f)))
        .subarray(12)
        .toString('utf8'),
    );
    out.set(json.url, json);
  }
  return out;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of walk(dir))
    out[f] = createHash('sha256')
      .update(readFileSync(path.join(dir, f)))
      .digest('hex');
  return out;
}

let runs = 0;
/** Indexes `list` (into a scratch folder of its own) and places the result in a fresh output folder. */
async function indexInto(
  list: readonly Article[],
  options: { cacheDir?: string; articleKey?: (a: Article) => string | undefined } = {},
): Promise<{ out: string; report: SearchIndexes }> {
  const n = runs++;
  const workDir = path.join(work, `work-${n}`);
  const out = path.join(work, `out-${n}`);
  mkdirSync(out, { recursive: true });
  const report = await indexArticles(list, { workDir, lang: 'ar', ...options });
  placeIndexes(report, out);
  rmSync(workDir, { recursive: true, force: true });
  return { out, report };
}

/** The articles with one of the oldest year's changed (a sentence added to its body). */
function withEdit(list: readonly Article[], year: string): Article[] {
  let done = false;
  return list.map((a) => {
    if (done || !a.url.startsWith(`/${year}/`)) return a;
    done = true;
    return { ...a, html: `${a.html}\n<p>فقرة أضيفت بعد النشر</p>` };
  });
}

describe('search documents', () => {
  it('give Pagefind the same text, word count, title and anchors as the rendered article pages', async () => {
    const fromPages = path.join(work, 'from-pages');
    await runPagefind(site.out, '[0-9][0-9][0-9][0-9]/*/*/index.html', fromPages, 'ar');
    const pages = fragments(fromPages);
    const { out } = await indexInto(articles);
    const docs = fragments(path.join(out, 'pagefind'));
    expect(pages.size).toBe(articles.length);
    expect([...docs.keys()].sort()).toEqual([...pages.keys()].sort());
    const extra = pages.get(encodeURI(articles.find((a) => a.source.endsWith('g20-search-check.md'))!.url))!;
    expect(extra.anchors.length).toBeGreaterThan(0);
    expect(extra.content).toContain('New Delhi');
    expect(extra.meta.image).toBeTruthy(); // the page's picture: left out of the documents (see search-document.ts)
    for (const [url, page] of pages) {
      const doc = docs.get(url)!;
      const { image: _i, image_alt: _a, ...pageMeta } = page.meta;
      // the name keys are given to the index by the documents alone (search-document.ts)
      const { name: _n, ...docFilters } = doc.filters as Record<string, unknown>;
      expect({ url, content: doc.content, words: doc.word_count, meta: doc.meta, anchors: doc.anchors, filters: docFilters }).toEqual({
        url,
        content: page.content,
        words: page.word_count,
        meta: pageMeta,
        anchors: page.anchors,
        filters: page.filters,
      });
    }
  }, 120_000);
});

describe('search index per year, reused from the cache', () => {
  it('indexes every year once, then reuses each unchanged year and re-indexes only the one that changed', async () => {
    expect(years.length).toBeGreaterThan(1);
    const cacheDir = path.join(work, 'cache');
    const first = await indexInto(articles, { cacheDir });
    expect(first.report.indexed).toEqual(years);
    expect(first.report.reused).toEqual([]);
    expect(readdirSync(path.join(first.out, 'pagefind')).sort()).toEqual([...years].sort());

    const second = await indexInto(articles, { cacheDir });
    expect(second.report.reused).toEqual(years);
    expect(tree(second.out)).toEqual(tree(first.out));

    // an article of the oldest year changes: only that year is indexed again
    const oldest = years[years.length - 1]!;
    const edited = withEdit(articles, oldest);
    const third = await indexInto(edited, { cacheDir });
    expect(third.report.indexed).toEqual([oldest]);
    expect(third.report.reused).toEqual(years.filter((y) => y !== oldest));
    expect(tree(third.out)).not.toEqual(tree(first.out));

    // what the cache gave back equals a fresh index of the same articles
    const fresh = await indexInto(edited);
    expect(fresh.report.reused).toEqual([]);
    expect(tree(fresh.out)).toEqual(tree(third.out));
  }, 120_000);

  it("keys a year by its articles' keys when every article has one, by its documents otherwise", async () => {
    const cacheDir = path.join(work, 'cache-keyed');
    const oldest = years[years.length - 1]!;
    const keys = (changed?: string) => (a: Article) => (a.url.startsWith(`/${changed}/`) ? `edited:${a.url}` : `key:${a.url}`);
    const reference = await indexInto(articles);

    expect((await indexInto(articles, { cacheDir, articleKey: keys() })).report.indexed).toEqual(years);
    const b = await indexInto(articles, { cacheDir, articleKey: keys() });
    expect(b.report.reused).toEqual(years);
    expect(tree(b.out)).toEqual(tree(reference.out));
    // a new key for one year's articles: that year is indexed again
    expect((await indexInto(articles, { cacheDir, articleKey: keys(oldest) })).report.indexed).toEqual([oldest]);
    // an article without a key: its year is keyed by its documents, which no kept index has
    const c = await indexInto(articles, { cacheDir, articleKey: (a) => (a.url.startsWith(`/${oldest}/`) ? undefined : `key:${a.url}`) });
    expect(c.report.indexed).toEqual([oldest]);
    expect(tree(c.out)).toEqual(tree(reference.out));
  }, 120_000);

  it("placing a kept index gives its files' manifest entries, equal to what a stat of the placed files says", async () => {
    const cacheDir = path.join(work, 'cache-listed');
    const statOf = (out: string) =>
      walk(out).map((f) => {
        const st = statSync(path.join(out, f));
        return [f, st.size, st.mtimeMs, st.ino];
      });
    const byPath = (x: unknown[], y: unknown[]) => (String(x[0]) < String(y[0]) ? -1 : 1);
    const { report } = await indexInto(articles, { cacheDir });
    for (const pass of ['listed when kept', 'list read back', 'list remade after the index changed']) {
      if (pass === 'list remade after the index changed') {
        // (a kept index is never changed in place by a build; were it, its list must not be trusted)
        const entry = path.join(report.folders.get(years[0]!)!, 'pagefind-entry.json');
        writeFileSync(entry, readFileSync(entry));
      }
      const out = path.join(work, `out-listed-${pass.length}`);
      const entries = years.flatMap((y): unknown[][] => placeIndex(y, report.folders.get(y)!, out) ?? [['missing', y]]);
      expect(entries.sort(byPath), pass).toEqual(statOf(out).sort(byPath));
      expect(
        walk(out).some((f) => f.endsWith('.files.json')),
        pass,
      ).toBe(false);
    }
    // an index that is not kept (no cache): no entries, the build stats its files
    const bare = await indexArticles(articles.slice(0, 3), { workDir: path.join(work, 'work-unlisted'), lang: 'ar' });
    expect(placeIndex(years[0]!, bare.folders.values().next().value!, path.join(work, 'out-unlisted'))).toBeUndefined();
  }, 120_000);

  it('placing the indexes removes those of years that have no articles any more', async () => {
    const oldest = years[years.length - 1]!;
    const { out } = await indexInto(articles);
    const newer = articles.filter((a) => !a.url.startsWith(`/${oldest}/`));
    const report = await indexArticles(newer, { workDir: path.join(work, 'work-placed'), lang: 'ar' });
    placeIndexes(report, out);
    expect(readdirSync(path.join(out, 'pagefind')).sort()).toEqual(years.filter((y) => y !== oldest).sort());
  }, 120_000);
});
