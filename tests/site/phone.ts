/**
 * A phone on a slow network, as Lighthouse's mobile defaults simulate one: a 412×915 viewport at
 * DPR 2.625 with a mobile user agent and touch, and the DevTools protocol's network emulation at
 * 150 ms round trip, 1.6 Mbps down, 750 kbps up (slow 4G), with the browser cache disabled.
 */
import type { Browser, Page } from 'playwright-core';

export const PHONE = {
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
};

/** The seed article (content/2022/12/putin-minsk-visit.md), which names لوكاشنكو seven times. */
export const SEED_ARTICLE = '2022/12/بوتين-يدعو-إلى-تعزيز-العلاقات-العسكرية-مع-بيلاروس/';

/** Lighthouse's "slow 4G" (its simulated mobile throttling), in the protocol's bytes per second. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** A new page in its own phone context, with the network throttled before anything is requested. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  return page;
}

/**
 * The page's Cumulative Layout Shift as the web-vitals definition counts it: layout shifts grouped
 * in session windows (a gap of at most 1 s, at most 5 s long); the largest window's sum. Shifts
 * flagged hadRecentInput are counted too, as Lighthouse counts them before any real input: these
 * tests never type or tap, and Chromium flags the first shifts after the emulated viewport is set.
 * Read once the page has loaded and its fonts are settled (document.fonts.ready), after two more
 * frames so a swap's reflow has been reported.
 */
export async function cumulativeLayoutShift(
  page: Page,
): Promise<{ cls: number; shifts: Array<{ value: number; time: number; input: boolean; sources: string[] }> }> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    interface Shift extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: Array<{ node?: Node }>;
    }
    const entries = await new Promise<Shift[]>((resolve) => {
      const seen: Shift[] = [];
      const observer = new PerformanceObserver((list) => seen.push(...(list.getEntries() as Shift[])));
      observer.observe({ type: 'layout-shift', buffered: true });
      // the buffered entries are delivered in the observer's first callback, before this frame's end
      requestAnimationFrame(() => setTimeout(() => (observer.disconnect(), resolve(seen)), 0));
    });
    let best = 0;
    let window = 0;
    let first = 0;
    let last = 0;
    for (const e of entries) {
      if (window && e.startTime - last < 1000 && e.startTime - first < 5000) window += e.value;
      else {
        window = e.value;
        first = e.startTime;
      }
      last = e.startTime;
      best = Math.max(best, window);
    }
    const describe = (n?: Node) => {
      const el = n && (n.nodeType === 1 ? (n as Element) : n.parentElement);
      return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '?';
    };
    return {
      cls: best,
      shifts: entries.map((e) => ({
        value: e.value,
        time: Math.round(e.startTime),
        input: e.hadRecentInput,
        sources: e.sources.map((s) => describe(s.node)),
      })),
    };
  });
}
