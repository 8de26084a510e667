/**
 * What a phone downloads for an article page, in Chromium: at most 100 KB of fonts on every
 * article page, no render-blocking request but the one stylesheet, and text painted while the web
 * fonts are still on their way (font-display swap, fallback faces in use). HTML + CSS gzipped is
 * checked per page in pages.test.ts (20 KB). Without Chromium: skipped loudly, failing in CI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Route } from 'playwright-core';
import { requireChromium } from '../helpers/chromium.ts';
import { demoSiteInChromium, htmlFiles } from './build-site.ts';
import { PHONE, phonePage, SEED_ARTICLE } from './phone.ts';

const SEED = SEED_ARTICLE;
const hasChromium = requireChromium();

const env = demoSiteInChromium(hasChromium);

describe.skipIf(!hasChromium)('an article page on a phone', () => {
  it('downloads at most 100 KB of fonts, on every article page', async () => {
    const articles = htmlFiles(env.site.out).filter((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    expect(articles.length).toBeGreaterThan(10);
    const context = await env.browser.newContext(PHONE);
    let largest = { page: '', bytes: 0, files: [] as string[] };
    for (const file of articles) {
      const page = await context.newPage();
      const fonts = new Map<string, number>();
      // Each font's size is read while the page is open: every read is awaited before it closes.
      const reads: Promise<void>[] = [];
      page.on('requestfinished', (r) => {
        if (r.resourceType() === 'font')
          reads.push(r.sizes().then((s) => void fonts.set(path.basename(new URL(r.url()).pathname), s.responseBodySize)));
      });
      await page.goto(env.server.url + encodeURI(file.replace(/index\.html$/, '')), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await Promise.all(reads);
      await page.close();
      const bytes = [...fonts.values()].reduce((a, b) => a + b, 0);
      expect(fonts.size, file).toBeGreaterThan(0);
      expect(bytes, `${file}: ${[...fonts.keys()].join(', ')}`).toBeLessThanOrEqual(100 * 1024);
      if (bytes > largest.bytes) largest = { page: file, bytes, files: [...fonts.keys()] };
      if (file === `${SEED}index.html`)
        console.log(`seed article fonts: ${bytes} bytes (${[...fonts].map(([f, n]) => `${f} ${n}`).join(', ')})`);
    }
    console.log(`largest font download: ${largest.page}: ${largest.bytes} bytes (${largest.files.join(', ')})`);
    await context.close();
  });

  it('blocks rendering on the stylesheet alone, and paints text before the web fonts arrive', async () => {
    const page = await phonePage(env.browser);
    // Font responses are held until the text has been painted: a page that waited for them would
    // not paint (or would paint only after the browser gave up on them).
    const held: Route[] = [];
    await page.route('**/*.woff2', (route) => void held.push(route));
    await page.goto(env.server.url + encodeURI(SEED), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const facts = await page.evaluate(() => {
      const faces: Array<{ family: string; display: string; status: string }> = [];
      document.fonts.forEach((f) => faces.push({ family: f.family.replace(/"/g, ''), display: f.display, status: f.status }));
      const resources = performance.getEntriesByType('resource') as Array<PerformanceResourceTiming & { renderBlockingStatus?: string }>;
      return {
        faces,
        blocking: resources.filter((r) => r.renderBlockingStatus === 'blocking').map((r) => new URL(r.name).pathname),
        status: resources.map((r) => r.renderBlockingStatus),
        text: (document.querySelector('.story .body p') as HTMLElement).innerText.length,
      };
    });
    expect(held.length).toBeGreaterThan(0); // the fonts were asked for, and are still held
    const web = facts.faces.filter((f) => f.family === 'Noto Naskh Arabic' || f.family === 'Noto Kufi Arabic');
    expect(web.length).toBe(6);
    for (const f of web) expect(['swap', 'fallback'], f.family).toContain(f.display);
    expect(web.every((f) => f.status !== 'loaded')).toBe(true); // painted without them
    expect(facts.text).toBeGreaterThan(50);
    expect(facts.status.every((s) => typeof s === 'string')).toBe(true); // the browser reports it
    expect(facts.blocking).toEqual(['/assets/site.rtl.css']);
    for (const r of held) await r.continue();
    await page.evaluate(() => document.fonts.ready);
    await page.context().close();
  });

  it('weighs (gzipped) what README.md says', () => {
    const gz = (f: string) => gzipSync(readFileSync(path.join(env.site.out, f))).length;
    const html = gz(`${SEED}index.html`);
    const css = gz('assets/site.rtl.css');
    console.log(`seed article: HTML ${html} B, CSS ${css} B gzipped`);
    expect(html + css).toBeLessThanOrEqual(20 * 1024);
  });
});
