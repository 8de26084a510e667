/**
 * Builds the demo content in a throwaway fixture project (never the real _site/), sharing the
 * repo's image cache so test builds do not re-encode AVIF every time.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build, type BuildSummary } from '../../src/output/build.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic } from '../helpers/static-server.ts';

export interface BuiltSite {
  project: FixtureProject;
  out: string;
  summary: BuildSummary;
  remove(): void;
}

export async function buildDemoSite(
  options: { basePath?: string; extra?: Record<string, string>; config?: object } = {},
): Promise<BuiltSite> {
  const config = { site: { basePath: options.basePath ?? '/' }, paths: { cache: path.join(REPO, '.cache') }, ...options.config };
  const project = fixtureProject({ copyContent: true, config });
  for (const [file, text] of Object.entries(options.extra ?? {})) project.write(file, text);
  const out = path.join(project.root, '_site');
  const saved = process.env.WARRAQ_BASE_PATH;
  delete process.env.WARRAQ_BASE_PATH;
  try {
    const summary = await build({ root: project.root, outDir: out });
    return { project, out, summary, remove: () => project.remove() };
  } finally {
    if (saved !== undefined) process.env.WARRAQ_BASE_PATH = saved;
  }
}

/** Every file under dir (relative paths, forward slashes). */
export function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...walk(dir, rel));
    else out.push(rel);
  }
  return out;
}

export const htmlFiles = (dir: string) => walk(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));

/** The demo site built, served and opened in Chromium for a browser test file (hooks registered by the call). */
export interface SiteInChromium {
  site: BuiltSite;
  server: Awaited<ReturnType<typeof serveStatic>>;
  browser: Browser;
}

/**
 * Registers beforeAll/afterAll that build the demo site, serve it and launch Chromium, when `enabled` (requireChromium());
 * the returned object's fields are set once beforeAll has run.
 */
export function demoSiteInChromium(enabled: boolean, options: Parameters<typeof buildDemoSite>[0] = {}): SiteInChromium {
  const it = {} as SiteInChromium;
  beforeAll(async () => {
    if (!enabled) return;
    it.site = await buildDemoSite(options);
    it.server = await serveStatic(it.site.out);
    it.browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await it.browser?.close();
    await it.server?.close();
    it.site?.remove();
  });
  return it;
}

/** The demo site built with `options`, served, and its search page open in Chromium (page errors and requested paths recorded). */
export interface SearchPageInChromium extends SiteInChromium {
  page: Page;
  errors: string[];
  requested: string[];
}

/** Registers beforeAll/afterAll for a search-page test file, when `enabled` (requireChromium()); fields are set once beforeAll has run. */
export function searchPageInChromium(enabled: boolean, options: Parameters<typeof buildDemoSite>[0] = {}): SearchPageInChromium {
  const it = Object.assign(demoSiteInChromium(enabled, options), {
    errors: [] as string[],
    requested: [] as string[],
  }) as SearchPageInChromium;
  beforeAll(async () => {
    if (!enabled) return;
    it.page = await it.browser.newPage();
    it.page.on('pageerror', (e) => it.errors.push(String(e)));
    it.page.on('console', (m) => void (m.type() === 'error' && it.errors.push(m.text())));
    it.page.on('request', (r) => it.requested.push(new URL(r.url()).pathname));
    await it.page.goto(`${it.server.url}search/`);
  });
  return it;
}

/** Types `q` into the search form, presses Enter and waits until the status tells a count of results (or none). */
export async function submitSearch(page: Page, q: string): Promise<void> {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => /نتيج|نتائج/.test(document.getElementById('search-status')!.textContent ?? ''), undefined, {
    timeout: 15_000,
  });
}
