/**
 * Search chunks and the shard plan: chunks never hold more than CHUNK_ARTICLES articles (a day apart) and are the year when it fits;
 * together the shards of a plan render every page and index every chunk exactly once, with article pages shared out evenly.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { CHUNK_ARTICLES, searchChunks } from '../../src/site/search-chunks.ts';
import { parseShard, planShard } from '../../src/site/shards.ts';
import { buildSiteData } from '../../src/site/data.ts';
import { configSchema } from '../../src/config.ts';

/** `perDay` articles a day from `from` (YYYY-MM-DD) for `days` days. */
function articles(from: string, days: number, perDay: number, sections = ['سياسة', 'اقتصاد']): Article[] {
  const out: Article[] = [];
  const start = Date.parse(`${from}T08:00:00Z`);
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const date = new Date(start + d * 86_400_000 + i * 10_000).toISOString().replace('.000Z', 'Z');
      const slug = `a-${d}-${i}`;
      const section = sections[(d + i) % sections.length]!;
      out.push({
        source: `content/${slug}.md`,
        title: `خبر ${d} ${i}`,
        summary: 'ملخص',
        date,
        timestamp: Date.parse(date),
        section: { name: section, slug: section },
        tags: [{ name: `وسم${i % 7}`, slug: `tag-${i % 7}` }],
        authors: [{ name: 'كاتب', slug: 'writer' }],
        lang: 'ar',
        dir: 'rtl',
        slug,
        url: `/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}/`,
        html: '<p>نص</p>',
        wordCount: 100,
        repairs: 0,
        possibleSplits: 0,
        readingMinutes: 1,
        terms: [`term${i % 13}`, `term${d % 17}`],
      });
    }
  }
  return out;
}

describe('search chunks', () => {
  it('a year that fits is one chunk named by the year; a larger year is cut at day boundaries', () => {
    const small = searchChunks(articles('2021-01-01', 100, 3));
    expect([...small.keys()]).toEqual(['2021']);
    const big = articles('2022-01-01', 365, 9); // 3,285 articles
    const chunks = searchChunks([...big, ...articles('2021-03-01', 10, 2)]);
    const names = [...chunks.keys()];
    expect(names.at(-1)).toBe('2021');
    expect(names.length).toBeGreaterThan(2);
    expect(names.slice(0, -1).every((n) => /^2022-\d\d-\d\d$/.test(n))).toBe(true);
    expect(names).toEqual([...names].sort().reverse());
    let total = 0;
    for (const [name, list] of chunks) {
      expect(list.length).toBeLessThanOrEqual(CHUNK_ARTICLES);
      total += list.length;
      if (name !== '2021') {
        const days = new Set(list.map((a) => a.date.slice(0, 10)));
        for (const [other, l2] of chunks) if (other !== name) for (const a of l2) expect(days.has(a.date.slice(0, 10))).toBe(false);
      }
    }
    expect(total).toBe(big.length + 20);
  });

  it('an edit or a new article of the last day moves no other chunk', () => {
    const base = articles('2022-01-01', 365, 9);
    const before = searchChunks(base);
    const added = articles('2022-12-31', 1, 1).map((a) => ({ ...a, slug: 'late', url: '/2022/12/late/' }));
    const after = searchChunks([...base, ...added]);
    const moved = [...before].filter(([name, list]) => after.get(name)?.length !== list.length).map(([n]) => n);
    expect(moved.length).toBeLessThanOrEqual(1);
  });

  it('a day with more articles than a chunk holds is a chunk of its own', () => {
    const chunks = searchChunks([...articles('2023-05-01', 1, CHUNK_ARTICLES + 5), ...articles('2023-05-02', 3, 700)]);
    expect(chunks.get('2023-05-01')?.length).toBe(CHUNK_ARTICLES + 5);
  });
});

describe('shard plans', () => {
  const config = configSchema.parse({});
  const site = buildSiteData(
    [...articles('2020-01-01', 300, 4), ...articles('2021-06-01', 200, 2), ...articles('2022-02-01', 40, 5)],
    config,
  );
  const chunks = searchChunks(site.articles);

  it.each([1, 2, 3, 4, 8])('N = %i: every page and chunk once, article pages within one of an equal share', (n) => {
    const plans = Array.from({ length: n }, (_, k) => planShard(site, chunks, k + 1, n));
    const seen = new Map<string, number>();
    for (const p of plans)
      for (const page of [...p.pages.articles, ...p.pages.home, ...p.pages.listingPages]) seen.set(page.url, (seen.get(page.url) ?? 0) + 1);
    expect(seen.size).toBe(site.articles.length + site.home.length + site.listingPages.length);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    const chunkOwners = plans.flatMap((p) => [...p.chunks]);
    expect(chunkOwners.sort()).toEqual([...chunks.keys()].sort());
    const share = Math.ceil(site.articles.length / n);
    for (const p of plans) {
      expect(p.pages.articles.length).toBeLessThanOrEqual(share);
      expect(p.pages.articles.length).toBeGreaterThanOrEqual(share - n);
      for (const a of p.pages.articles) expect(p.bodies.has(a)).toBe(true);
      for (const name of p.chunks) for (const a of chunks.get(name)!) expect(p.bodies.has(a)).toBe(true);
      for (const f of site.feeds) for (const a of f.items) expect(p.bodies.has(a)).toBe(true);
    }
  });

  it('reads K/N and refuses what is not', () => {
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    for (const bad of ['0/4', '5/4', '1/65', '1-4', 'a/b', '']) expect(parseShard(bad)).toBeUndefined();
  });
});
