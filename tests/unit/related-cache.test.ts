/**
 * Related articles and article digests kept from the last build (store/related-cache.ts, store/page-digests.ts) are used only when
 * everything they were made from is as it was: each case's related lists, links and render keys equal those worked out afresh.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSiteData, type RelatedStore } from '../../src/site/data.ts';
import { pageKeys } from '../../src/site/page-reuse.ts';
import { RelatedCache } from '../../src/store/related-cache.ts';
import { PageDigestCache, type KeptDigests } from '../../src/store/page-digests.ts';
import type { ImageSet } from '../../src/site/images.ts';
import { createHash } from 'node:crypto';
import { configSchema } from '../../src/config.ts';
import type { Article } from '../../src/content/article.ts';
import { testArticle } from '../helpers/article.ts';

const config = configSchema.parse({ paginate: 3 });
const TAGS = ['oil', 'gas', 'gold', 'wheat'];
const TERMS = ['نفط', 'سعر', 'انتاج', 'تصدير', 'اسواق', 'ذهب', 'قمح', 'غاز'];

function article(i: number): Article {
  return testArticle(i, Date.UTC(2021, 0, 1), 3_600_000, {
    url: `/2021/01/s${i}/`,
    section: i % 3 ? { name: 'اقتصاد', slug: 'economy' } : { name: 'سياسة', slug: 'politics' },
    tags: [{ name: TAGS[i % 4]!, slug: TAGS[i % 4]! }],
    terms: [TERMS[i % 8]!, TERMS[(i * 3) % 8]!, TERMS[(i + 5) % 7]!],
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A RelatedCache in a folder of its own that says whether its last read gave the kept lists. */
function store(): RelatedStore & { hits: number; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-related-'));
  dirs.push(dir);
  const cache = new RelatedCache(dir);
  const s = {
    hits: 0,
    file: path.join(dir, 'related.bin'),
    read: (digest: string, rows: number, width: number) => {
      const kept = cache.read(digest, rows, width);
      if (kept) s.hits++;
      return kept;
    },
    write: (digest: string, related: Int32Array) => cache.write(digest, related),
  };
  return s;
}

const related = (articles: readonly Article[]) => articles.map((a) => (a.related ?? []).map((l) => JSON.stringify(l)).join(' | '));
const fresh = (make: () => Article[]) => buildSiteData(make(), config);

/** Site data with the store, after a build of `before`: it must equal site data worked out afresh, render keys included. */
function expectSameAsFresh(kept: ReturnType<typeof store>, make: () => Article[]) {
  const withStore = buildSiteData(make(), config, { related: kept });
  const alone = fresh(make);
  expect(related(withStore.articles)).toEqual(related(alone.articles));
  expect([...pageKeys(withStore, {}, 'g')]).toEqual([...pageKeys(alone, {}, 'g')]);
  return withStore;
}

describe('related articles kept from the last build', () => {
  const base = () => Array.from({ length: 40 }, (_, i) => article(i));

  it('are used when nothing relate reads changed, a title or summary edit included, and the new title is what the links show', () => {
    const kept = store();
    buildSiteData(base(), config, { related: kept });
    expect(kept.hits).toBe(0);
    expectSameAsFresh(kept, base);
    expect(kept.hits).toBe(1);
    const retitled = () => base().map((a, i) => (i === 7 ? { ...a, title: 'عنوان جديد', summary: 'ملخص آخر' } : a));
    const site = expectSameAsFresh(kept, retitled);
    expect(kept.hits).toBe(2);
    expect(site.articles.some((a) => a.related!.some((l) => l.title === 'عنوان جديد'))).toBe(true);
  });

  it('are worked out again when a tag, a key term, a section, a date (the order) or the set of articles changed', () => {
    const cases: Array<[string, () => Article[]]> = [
      ['a tag', () => base().map((a, i) => (i === 12 ? { ...a, tags: [{ name: 'gold', slug: 'gold' }] } : a))],
      ['a key term', () => base().map((a, i) => (i === 12 ? { ...a, terms: ['قمح', 'نفط', 'جديد'] } : a))],
      ['a section', () => base().map((a, i) => (i === 13 ? { ...a, section: { name: 'سياسة', slug: 'politics' } } : a))],
      [
        'a date',
        () =>
          base().map((a, i) => (i === 12 ? { ...a, date: '2021-01-03T05:30:00+00:00', timestamp: Date.parse('2021-01-03T05:30:00Z') } : a)),
      ],
      ['an article gone', () => base().filter((_, i) => i !== 20)],
      ['an article added', () => [...base(), article(40)]],
    ];
    for (const [what, make] of cases) {
      const kept = store();
      buildSiteData(base(), config, { related: kept });
      const before = related(fresh(base).articles);
      expectSameAsFresh(kept, make);
      expect(kept.hits, what).toBe(0);
      expect(related(fresh(make).articles), what).not.toEqual(before); // (each case does change some related list)
      // and the lists kept are now the new ones
      expectSameAsFresh(kept, make);
      expect(kept.hits, what).toBe(1);
    }
  });

  it('a kept file damaged, cut short or of another code version is not used', () => {
    const kept = store();
    buildSiteData(base(), config, { related: kept });
    const bytes = readFileSync(kept.file);
    writeFileSync(kept.file, bytes.subarray(0, bytes.length - 4));
    expectSameAsFresh(kept, base);
    expect(kept.hits).toBe(0);
    writeFileSync(kept.file, bytes.toString('latin1').replace(/"version":"[0-9a-f]+"/, '"version":"other"'), 'latin1');
    expectSameAsFresh(kept, base);
    expect(kept.hits).toBe(0);
    const damaged = Buffer.from(bytes);
    damaged.writeInt32LE(9999, damaged.length - 4);
    writeFileSync(kept.file, damaged);
    expectSameAsFresh(kept, base);
    expect(kept.hits).toBe(0);
  });
});

describe('article digests of render keys kept from the last build', () => {
  const base = () => Array.from({ length: 40 }, (_, i) => article(i));
  const contentKey = (a: Article) =>
    createHash('sha256')
      .update(JSON.stringify({ ...a, related: undefined, newer: undefined, older: undefined }))
      .digest('hex');
  const images: Record<string, ImageSet> = {};

  /** Render keys of `make`'s site with the stores of the last build in `dir`, and without any: the two must be equal. */
  function keysWithStores(dir: string, make: () => Article[], plant?: (kept: KeptDigests) => KeptDigests) {
    const digests = new PageDigestCache(dir);
    if (plant) digests.write(plant(digests.read()!));
    const site = buildSiteData(make(), config, { related: new RelatedCache(dir) });
    const kept = pageKeys(site, images, 'g', contentKey, digests);
    const alone = pageKeys(buildSiteData(make(), config), images, 'g', contentKey);
    return { kept, alone };
  }
  const withPicture = (a: Article, src: string): Article => ({ ...a, image: { src, alt: 'صورة' } });
  const cases: Array<[string, () => Article[]]> = [
    ['nothing', base],
    ['an article body (its content key)', () => base().map((a, i) => (i === 20 ? { ...a, html: '<p>نص جديد</p>' } : a))],
    ['a related or neighbouring article title', () => base().map((a, i) => (i === 21 ? { ...a, title: 'عنوان جديد' } : a))],
    ['a picture', () => base().map((a, i) => (i === 22 ? withPicture(a, 'x.jpg') : a))],
    [
      'a tag (related lists worked out again)',
      () => base().map((a, i) => (i === 12 ? { ...a, tags: [{ name: 'gold', slug: 'gold' }] } : a)),
    ],
    ['a date (the order)', () => base().map((a, i) => (i === 12 ? { ...a, timestamp: a.timestamp + 5 * 3_600_000 } : a))],
    ['an article gone', () => base().filter((_, i) => i !== 20)],
  ];

  it('a picture set made again (its bytes changed, not the article) changes the key of its page', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-digests-'));
    dirs.push(dir);
    const pictured = () => base().map((a, i) => (i === 22 ? withPicture(a, 'x.jpg') : a));
    const site = () => buildSiteData(pictured(), config, { related: new RelatedCache(dir) });
    const set = (hash: string) =>
      ({ 'x.jpg': { jpeg: [{ url: `/img/${hash}-800.jpeg`, width: 800 }] } }) as unknown as Record<string, ImageSet>;
    const digests = new PageDigestCache(dir);
    const first = pageKeys(site(), set('aaa'), 'g', contentKey, digests);
    const second = pageKeys(site(), set('bbb'), 'g', contentKey, digests);
    const fresh = pageKeys(buildSiteData(pictured(), config), set('bbb'), 'g', contentKey);
    expect([...second]).toEqual([...fresh]);
    expect(second.get('/2021/01/s22/')).not.toBe(first.get('/2021/01/s22/'));
  });

  it('another global key (templates, configuration, code) makes every article key again from the kept digests', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-digests-'));
    dirs.push(dir);
    const site = () => buildSiteData(base(), config, { related: new RelatedCache(dir) });
    const digests = new PageDigestCache(dir);
    const first = pageKeys(site(), images, 'g', contentKey, digests);
    const second = pageKeys(site(), images, 'h', contentKey, digests);
    expect([...second]).toEqual([...pageKeys(buildSiteData(base(), config), images, 'h', contentKey)]);
    expect(second.get('/2021/01/s22/')).not.toBe(first.get('/2021/01/s22/'));
    expect(digests.read()!.global).toBe('h');
  });

  it('give the render keys of site data worked out afresh, whatever changed since', () => {
    for (const [what, make] of cases) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-digests-'));
      dirs.push(dir);
      keysWithStores(dir, base);
      const { kept, alone } = keysWithStores(dir, make);
      expect([...kept], what).toEqual([...alone]);
      // and again, from what that build kept
      const again = keysWithStores(dir, make);
      expect([...again.kept], what).toEqual([...again.alone]);
    }
  });

  it('are read for the articles whose inputs are as they were, and only for them', () => {
    for (const [what, make] of cases) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-digests-'));
      dirs.push(dir);
      const before = keysWithStores(dir, base).alone;
      // Every kept digest and key replaced by a wrong one: an article page whose key had to change must still get the right key; the
      // others show the planted key (they were taken from the store). (Listing keys mix their items' digests, planted or not.)
      const { kept, alone } = keysWithStores(dir, make, (k) => ({
        ...k,
        digests: 'f'.repeat(k.digests.length),
        keys: 'e'.repeat(k.keys.length),
      }));
      const mustChange = [...alone.keys()].filter((url) => url.startsWith('/2021/') && alone.get(url) !== before.get(url));
      if (what !== 'nothing') expect(mustChange.length, what).toBeGreaterThan(0);
      for (const url of mustChange) expect(kept.get(url), `${what}: ${url}`).toBe(alone.get(url));
      const taken = [...alone.keys()].filter((url) => url.startsWith('/2021/') && kept.get(url) !== alone.get(url));
      if (what === 'nothing') expect(taken.length).toBe(40);
      else if (what.startsWith('a tag') || what.startsWith('a date') || what.startsWith('an article gone')) expect(taken, what).toEqual([]);
      else expect(taken.length, what).toBeGreaterThan(25);
    }
  });
});
