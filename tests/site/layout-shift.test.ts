/**
 * Layout stability on a phone on a slow network (phone.ts: Lighthouse's mobile defaults through the
 * DevTools protocol): the seed article, the home page, a section page and the search page must
 * not move when the self-hosted Arabic fonts arrive, Cumulative Layout Shift at most 0.02 each.
 * Without Chromium the suite is skipped loudly on a developer's machine and fails in CI.
 */
import { describe, expect, it } from 'vitest';
import { requireChromium } from '../helpers/chromium.ts';
import { demoSiteInChromium } from './build-site.ts';
import { cumulativeLayoutShift, phonePage, SEED_ARTICLE } from './phone.ts';

const LIMIT = 0.02;
const PAGES: Record<string, string> = {
  // the seed article: the one the issue measured
  article: SEED_ARTICLE,
  home: '',
  section: 'section/سياسة/',
  search: 'search/',
};
const hasChromium = requireChromium();

const env = demoSiteInChromium(hasChromium);

describe.skipIf(!hasChromium)('layout shift on a phone on slow 4G', () => {
  for (const [name, url] of Object.entries(PAGES)) {
    it(`${name}: CLS ≤ ${LIMIT} while the web fonts arrive`, async () => {
      const page = await phonePage(env.browser);
      const fonts: string[] = [];
      page.on('requestfinished', (r) => {
        if (r.resourceType() === 'font') fonts.push(r.url());
      });
      const response = await page.goto(env.server.url + encodeURI(url), { waitUntil: 'load' });
      expect(response!.status()).toBe(200);
      const { cls, shifts } = await cumulativeLayoutShift(page);
      console.log(
        `CLS ${name}: ${cls.toFixed(4)} (${shifts.length} shifts: ${shifts.map((s) => `${s.value.toFixed(4)}@${s.time}ms ${s.sources.join('+')}${s.input ? ' (input)' : ''}`).join(', ')})`,
      );
      // the web fonts did arrive and were used: the measurement covers the swap
      expect(fonts.some((f) => f.includes('noto-naskh-arabic'))).toBe(true);
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'نص'))).toBe(true);
      expect(cls).toBeLessThanOrEqual(LIMIT);
      await page.context().close();
    });
  }
});
