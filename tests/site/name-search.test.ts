/**
 * Spelling-tolerant name search end to end, in Chromium on the built demo site: a reader who types
 * another agency's spelling of a name finds exactly the articles that write the name, through the
 * `name` filter of the index (src/site/names.ts) and the search page's own key of the query
 * (src/site/name-key.js served as /assets/name-key.js). Without Chromium: skipped loudly, failing
 * in CI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { requireChromium } from '../helpers/chromium.ts';
import { htmlFiles, searchPageInChromium, submitSearch } from './build-site.ts';
import { SEED_ARTICLE } from './phone.ts';

const hasChromium = requireChromium();
const searchPage = searchPageInChromium(hasChromium);

/** The article pages (paths under the site) whose indexed text (data-pagefind-body) writes `word`. */
function pagesWriting(word: string): string[] {
  return htmlFiles(searchPage.site.out)
    .filter((f) => {
      if (!/^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f)) return false;
      const body = parse(readFileSync(path.join(searchPage.site.out, f), 'utf8')).querySelector('[data-pagefind-body]')!;
      for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
      return body.text.includes(word);
    })
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}

async function search(q: string): Promise<string[]> {
  await submitSearch(searchPage.page, q);
  const hrefs = await searchPage.page.$$eval('#search-results li h2 a', (as) => as.map((a) => a.getAttribute('href')!));
  return hrefs.map((h) => decodeURI(h)).sort();
}

describe.skipIf(!hasChromium)('names however an agency spelled them', () => {
  it('لوكاشينكو finds the seed article, which writes لوكاشنكو, and only the articles that name him', async () => {
    const writing = pagesWriting('لوكاشنكو');
    expect(writing).toContain(`/${SEED_ARTICLE}`);
    expect(pagesWriting('لوكاشينكو')).toEqual([]); // no article writes the reader's spelling
    expect(await search('لوكاشينكو')).toEqual(writing);
    expect(await search('لوكاشنكو')).toEqual(writing); // the article's own spelling, as before
  });

  it('other names: a long vowel, غ/ج, and a name beside an ordinary word', async () => {
    for (const [typed, written] of [
      ['جونزالو', 'غونزالو'],
      ['ليفيرمور', 'ليفرمور'],
      ['كوبرنكوس', 'كوبرنيكوس'],
    ] as const) {
      const writing = pagesWriting(written);
      expect(writing.length, written).toBeGreaterThan(0);
      expect(pagesWriting(typed), typed).toEqual([]);
      expect(await search(typed), typed).toEqual(writing);
    }
    // an ordinary word with the name: the name's key counts only with the word in the same article
    const seed = `/${SEED_ARTICLE}`;
    expect(await search('مينسك لوكاشينكو')).toContain(seed);
    expect(pagesWriting('الديوتيريوم')).not.toContain(seed);
    expect(await search('الديوتيريوم لوكاشينكو')).not.toContain(seed);
    expect(searchPage.errors).toEqual([]);
  });
});
