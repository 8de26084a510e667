/**
 * The search page searches the newest articles first and older ones when the reader asks (public/assets/search.js, config
 * `search.firstTier`), in Chromium on the demo site built with a first tier of one article: its two chunks (2023, 2022) are then
 * two tiers. Without Chromium: skipped loudly, failing in CI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requireChromium } from '../helpers/chromium.ts';
import { searchPageInChromium, submitSearch } from './build-site.ts';
import { articleSource } from '../helpers/fixture-site.ts';

const hasChromium = requireChromium();
// 23 more articles of 2023 that write one rare word: more results than a page shows
const extra = Object.fromEntries(
  Array.from({ length: 23 }, (_, i) => [
    `content/2023/03/saffron-${i + 1}.md`,
    articleSource(`مزارعو الزعفران في القرية ${i + 1}`, `قطف مزارعو الزعفران محصولهم، وبدت زعفرانيات الموسم وفيرة (${i + 1}).`),
  ]),
);
const searchPage = searchPageInChromium(hasChromium, { config: { search: { firstTier: 1 } }, extra });
const { errors, requested } = searchPage;

const status = () => searchPage.page.$eval('#search-status', (e) => e.textContent ?? '');
const results = () => searchPage.page.$$eval('#search-results li a', (as) => as.map((a) => decodeURI(a.getAttribute('href')!)));
const more = () => searchPage.page.$eval('#search-more', (e) => ((e as HTMLButtonElement).hidden ? undefined : e.textContent));
const settled = () =>
  searchPage.page.waitForFunction(() => /نتيج|نتائج/.test(document.getElementById('search-status')!.textContent ?? ''), undefined, {
    timeout: 15_000,
  });

const search = (q: string) => submitSearch(searchPage.page, q);

describe.skipIf(!hasChromium)('search in tiers, newest first', () => {
  it('the search page names each chunk with its article count and the first tier', () => {
    const html = readFileSync(path.join(searchPage.site.out, 'search/index.html'), 'utf8');
    expect(html).toMatch(/data-first-tier="1" data-chunks="2023:\d+ 2022:\d+"/);
  });

  it('finds in the newest tier first, and in the older one only when the reader asks', async () => {
    requested.length = 0;
    // «قال» is written in articles of both years
    await search('قال');
    const first = await results();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((u) => u.startsWith('/2023/'))).toBe(true);
    expect(await status()).toContain('في الأخبار الأحدث');
    expect(requested.some((p) => p.startsWith('/pagefind/2022/'))).toBe(false);
    expect(await more()).toBe('ابحث في الأخبار الأقدم');

    await searchPage.page.click('#search-more');
    await searchPage.page.waitForFunction(
      () => /^(?!.*الأحدث).*(نتيج|نتائج)/.test(document.getElementById('search-status')!.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    const all = await results();
    expect(all.slice(0, first.length)).toEqual(first);
    expect(all.slice(first.length).length).toBeGreaterThan(0);
    expect(all.slice(first.length).every((u) => u.startsWith('/2022/'))).toBe(true);
    expect(requested.some((p) => p.startsWith('/pagefind/2022/'))).toBe(true);
    expect(await more()).toBeUndefined();
  });

  it('shows 20 results a page, then the rest of the tier, then asks before the older tier', async () => {
    await search('زعفرانيات');
    expect((await results()).length).toBe(20);
    expect(await more()).toBe('المزيد من النتائج');
    await searchPage.page.click('#search-more');
    await searchPage.page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 23, undefined, {
      timeout: 15_000,
    });
    expect(await status()).toContain('في الأخبار الأحدث');
    expect(await more()).toBe('ابحث في الأخبار الأقدم');
    await searchPage.page.click('#search-more');
    await searchPage.page.waitForFunction(() => document.getElementById('search-more')!.hidden, undefined, { timeout: 15_000 });
    expect((await results()).length).toBe(23);
    expect(new Set(await results()).size).toBe(23);
    expect(await status()).not.toContain('الأحدث');
  });

  it('keeps the results shown when the older tier cannot be fetched, and tries again when asked', async () => {
    await searchPage.page.route('**/pagefind/2022/**', (route) => route.abort('internetdisconnected'));
    await searchPage.page.goto(`${searchPage.server.url}search/`); // a fresh page: no index loaded yet
    await search('قال');
    const first = await results();
    await searchPage.page.click('#search-more');
    await searchPage.page.waitForFunction(() => document.getElementById('search-status')!.textContent!.startsWith('تعذّر'), undefined, {
      timeout: 15_000,
    });
    expect(await results()).toEqual(first);
    expect(await more()).toBe('أعد المحاولة');
    await searchPage.page.unroute('**/pagefind/2022/**');
    await searchPage.page.click('#search-more');
    await settled();
    await searchPage.page.waitForFunction(() => document.getElementById('search-more')!.hidden, undefined, { timeout: 15_000 });
    const all = await results();
    expect(all.slice(0, first.length)).toEqual(first);
    expect(all.slice(first.length).some((u) => u.startsWith('/2022/'))).toBe(true);
    errors.length = 0; // the aborted requests' console errors
  });

  it('goes on to older tiers by itself when the newest finds nothing', async () => {
    // «نظيرَي» is written only in the fusion article of December 2022
    await search('نظيري');
    const found = await results();
    expect(found.some((u) => u.includes('اندماج'))).toBe(true);
    expect(await status()).not.toContain('الأحدث');
    expect(await more()).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
