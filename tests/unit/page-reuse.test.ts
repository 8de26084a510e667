/**
 * Render keys: a page's key changes exactly when something it shows changes, and a reuse plan
 * never trusts a stamp's paths or files blindly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSiteData } from '../../src/site/data.ts';
import { configSchema } from '../../src/config.ts';
import type { Article } from '../../src/content/article.ts';
import { testArticle } from '../helpers/article.ts';
import { globalRenderKey, linkReused, pageKeys, planReuse } from '../../src/site/page-reuse.ts';
import { outputManifest, PageIndex, type Stamp } from '../../src/store/stamp.ts';

const config = configSchema.parse({ paginate: 2 });

function article(i: number, title = `خبر ${i}`): Article {
  return testArticle(i, Date.UTC(2021, 0, 1), 86_400_000, {
    title,
    url: `/2021/01/s${i}/`,
    tags: [{ name: 'نفط', slug: 'oil' }],
    terms: ['نفط', 'سعر'],
  });
}

const keysOf = (articles: Article[], global = 'g') => pageKeys(buildSiteData(articles, config), {}, global);
const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((u) => a.get(u) !== b.get(u)).sort();

describe('render keys', () => {
  it('are the same for the same site, and all change with the global key (code, templates, config)', () => {
    const a = keysOf([0, 1, 2, 3, 4].map((i) => article(i)));
    const b = keysOf([0, 1, 2, 3, 4].map((i) => article(i)));
    expect(changed(a, b)).toEqual([]);
    const c = keysOf(
      [0, 1, 2, 3, 4].map((i) => article(i)),
      'other templates',
    );
    expect(changed(a, c)).toEqual([...a.keys()].sort());
  });

  it('a changed body changes its page and the listings that show the article, not the other article pages', () => {
    const before = [0, 1, 2, 3, 4].map((i) => article(i));
    const after = before.map((a, i) => (i === 0 ? { ...a, html: '<p>نص معدل</p>' } : { ...a }));
    const diff = changed(keysOf(before), keysOf(after));
    expect(diff).toContain('/2021/01/s0/');
    expect(diff.filter((u) => /^\/2021\/01\/s\d\/$/.test(u))).toEqual(['/2021/01/s0/']);
    // s0 is the oldest: it is on the last page of each listing (two per page), not on the first
    expect(diff).toContain('/page/3/');
    expect(diff).not.toContain('/');
  });

  it('a changed title also changes the pages that link to the article (neighbours, related)', () => {
    const before = [0, 1, 2, 3, 4].map((i) => article(i));
    const after = before.map((a, i) => (i === 2 ? { ...a, title: 'عنوان جديد' } : { ...a }));
    const diff = changed(keysOf(before), keysOf(after));
    for (const neighbour of ['/2021/01/s1/', '/2021/01/s2/', '/2021/01/s3/']) expect(diff).toContain(neighbour);
  });
});

describe('global render key', () => {
  it('changes with a variable that can change the output, not with one that only changes how the build runs or reports', () => {
    const site = buildSiteData(
      [0, 1].map((i) => article(i)),
      config,
    );
    const key = () => globalRenderKey(config, site, 'templates');
    const saved = { ...process.env };
    try {
      const before = key();
      Object.assign(process.env, { WARRAQ_TIMINGS: '1', WARRAQ_PAGES_PER_RUN: '7', WARRAQ_DEBUG: '1' });
      expect(key()).toBe(before);
      process.env.WARRAQ_SITE_URL = 'https://render-key.example.org/';
      expect(key()).not.toBe(before);
    } finally {
      for (const k of ['WARRAQ_TIMINGS', 'WARRAQ_PAGES_PER_RUN', 'WARRAQ_DEBUG', 'WARRAQ_SITE_URL']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});

describe('reuse plan', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-reuse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reuses only pages with the same key whose file is as the stamp says, and never a path outside the output', () => {
    const out = path.join(dir, '_site');
    const site = buildSiteData(
      [0, 1].map((i) => article(i)),
      config,
    );
    const keys = pageKeys(site, {}, 'g');
    for (const a of site.articles) {
      mkdirSync(path.join(out, a.url), { recursive: true });
      writeFileSync(path.join(out, a.url, 'index.html'), `page ${a.url}`);
    }
    writeFileSync(path.join(dir, 'secret'), 'not a page');
    const file = (url: string) => path.join(url.slice(1), 'index.html');
    const stamp: Stamp = {
      fingerprint: 'f',
      outDir: out,
      pages: 2,
      manifest: outputManifest(out),
      pageIndex: PageIndex.from([
        ['/2021/01/s0/', [keys.get('/2021/01/s0/')!, file('/2021/01/s0/')]],
        ['/2021/01/s1/', [keys.get('/2021/01/s1/')!, '2021/../../secret']],
        ['/', [keys.get('/')!, '../secret']],
      ]),
    };
    const plan = planReuse(site, keys, stamp);
    expect(plan.reusable.urlList()).toEqual(['/2021/01/s0/']);
    expect(plan.selection.articles.map((a) => a.url)).toEqual(['/2021/01/s1/']);

    // the page changed by hand after the stamp was written: rendered again
    writeFileSync(path.join(out, file('/2021/01/s0/')), 'edited by hand');
    expect(planReuse(site, keys, stamp).reusable.urlList()).toEqual([]);
  });

  it('the next manifest, taking linked pages from the last one instead of a stat, equals one made by reading every file', () => {
    const out = path.join(dir, 'last');
    const next = path.join(dir, 'next');
    const site = buildSiteData(
      [0, 1, 2, 3].map((i) => article(i)),
      config,
    );
    const keys = pageKeys(site, {}, 'g');
    const pageIndex = PageIndex.empty();
    // every page, listings too: a tag's first page and its page/2/ are linked into folders made one inside the other
    for (const url of keys.keys()) {
      const file = path.join(url.slice(1), 'index.html');
      mkdirSync(path.join(out, url), { recursive: true });
      writeFileSync(path.join(out, file), `page ${url}`);
      pageIndex.set(url, [keys.get(url)!, file]);
    }
    expect(pageIndex.urlList()).toEqual(expect.arrayContaining(['/tag/oil/', '/tag/oil/page/2/']));
    const stamp: Stamp = { fingerprint: 'f', outDir: out, pages: keys.size, manifest: outputManifest(out), pageIndex };
    const plan = planReuse(site, keys, stamp);
    // "Eleventy" writes one article page, a feed, and a file beside where a linked page will go.
    mkdirSync(path.join(next, '2021/01/s2'), { recursive: true });
    writeFileSync(path.join(next, '2021/01/s2/index.html'), 'rendered again');
    writeFileSync(path.join(next, 'feed.xml'), '<feed/>');
    mkdirSync(path.join(next, '2021/01/s3'), { recursive: true });
    writeFileSync(path.join(next, '2021/01/s3/extra.txt'), 'written by a template');
    const reuse = linkReused(plan, [{ url: '/2021/01/s2/', outputPath: path.join(next, '2021/01/s2/index.html') }], next);
    expect(reuse.linked).toBe(keys.size - 1);
    expect(reuse.known!.entries.size).toBe(keys.size - 1);
    expect(reuse.known!.folders).toContain('2021/01/s0');
    expect(reuse.known!.folders).not.toContain('2021/01/s3'); // it existed already
    expect(reuse.known!.folders).toContain('tag'); // made for /tag/oil/, before /tag/oil/page/2/ went in it
    expect(outputManifest(next, reuse.known)).toEqual(outputManifest(next));
  });

  it('an output restored from an archive (new inodes and times, same bytes) is reused by its digest; a page whose bytes differ is not', () => {
    const site = buildSiteData(
      [0, 1, 2].map((i) => article(i)),
      config,
    );
    const keys = pageKeys(site, {}, 'g');
    // The last build: Eleventy wrote every page, and the page index took each one's digest.
    const first = path.join(dir, 'first');
    const written = [...keys.keys()].map((url) => {
      const file = path.join(first, url.slice(1), 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `page ${url}`);
      return { url, outputPath: file };
    });
    const last = linkReused(planReuse(site, keys, undefined), written, first);
    expect([...last.index.entries()].every(([, [, , digest]]) => typeof digest === 'string')).toBe(true);
    const stamp: Stamp = { fingerprint: 'f', outDir: first, pages: keys.size, manifest: outputManifest(first), pageIndex: last.index };
    // …then the folder is archived and restored: every file new (inode, times), with the same bytes
    // but for one page, edited to another text of the same length.
    const saved = path.join(dir, 'archived');
    cpSync(first, saved, { recursive: true });
    rmSync(first, { recursive: true });
    cpSync(saved, first, { recursive: true });
    const edited = path.join(first, '2021/01/s1/index.html');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('s1', 'XX'));
    const s0 = path.join(first, '2021/01/s0/index.html');
    expect(statSync(s0).ino).not.toBe(stamp.manifest.find((m) => m[0] === '2021/01/s0/index.html')![3]);
    const plan = planReuse(site, keys, stamp);
    expect(plan.reusable.urlList()).not.toContain('/2021/01/s1/');
    expect([...plan.reusable.urlList()].sort()).toEqual([...keys.keys()].filter((u) => u !== '/2021/01/s1/').sort());
    expect(plan.selection.articles.map((a) => a.url)).toEqual(['/2021/01/s1/']);
    // The pages linked from it are recorded with their own stat: the next manifest is still a true one.
    const next = path.join(dir, 'after-restore');
    mkdirSync(path.join(next, '2021/01/s1'), { recursive: true });
    writeFileSync(path.join(next, '2021/01/s1/index.html'), 'page /2021/01/s1/');
    const reuse = linkReused(plan, [{ url: '/2021/01/s1/', outputPath: path.join(next, '2021/01/s1/index.html') }], next);
    expect(reuse.linked).toBe(keys.size - 1);
    expect(outputManifest(next, reuse.known)).toEqual(outputManifest(next));
    expect(readFileSync(path.join(next, '2021/01/s0/index.html'), 'utf8')).toBe('page /2021/01/s0/');
  });
});
