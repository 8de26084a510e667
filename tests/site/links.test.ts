/**
 * Base path: built under /warraq/ (GitHub project pages), every internal link, image, stylesheet,
 * script, feed and sitemap entry must point inside /warraq/ and resolve to a file in the output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { buildDemoSite, htmlFiles, walk, type BuiltSite } from './build-site.ts';

const BASE = '/warraq/';
const ORIGIN = 'https://warraq.example.org';
let site: BuiltSite;

beforeAll(async () => {
  site = await buildDemoSite({ basePath: BASE, config: { paginate: 5 } }); // pagers link under the base path too
}, 180_000);
afterAll(() => site?.remove());

/** The output file a site path (/warraq/…) is served from, or undefined. */
function resolveToFile(urlPath: string): string | undefined {
  if (!urlPath.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(BASE.length).split('#')[0]!.split('?')[0]!);
  const file = path.join(site.out, rel);
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

function internalUrls(html: string): string[] {
  const root = parse(html);
  const urls: string[] = [];
  for (const el of root.querySelectorAll('[href], [src], [srcset]')) {
    for (const attr of ['href', 'src']) {
      const v = el.getAttribute(attr);
      if (v !== undefined) urls.push(v);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) urls.push(...srcset.split(',').map((c) => c.trim().split(/\s+/)[0]!));
  }
  // the canonical URL and og:url/og:image name this site by absolute URL
  for (const meta of root.querySelectorAll('meta[property^="og:"], meta[name^="twitter:image"]')) {
    const v = meta.getAttribute('content') ?? '';
    if (v.startsWith(ORIGIN)) urls.push(v);
  }
  return urls;
}

function toPath(url: string): string | undefined {
  if (url.startsWith('#') || /^(mailto|tel):/.test(url)) return undefined;
  if (url.startsWith(ORIGIN)) return new URL(url).pathname;
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined; // external
  return url;
}

describe('base path /warraq/', () => {
  it('every internal href/src/srcset in every HTML page resolves to a file (zero broken links)', () => {
    const pages = htmlFiles(site.out);
    expect(pages.length).toBeGreaterThan(40);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const url of internalUrls(readFileSync(path.join(site.out, page), 'utf8'))) {
        const p = toPath(url);
        if (p === undefined) continue;
        checked++;
        if (!p.startsWith(BASE)) broken.push(`${page}: ${url} (outside ${BASE})`);
        else if (!resolveToFile(p)) broken.push(`${page}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('the stylesheet fonts resolve', () => {
    const css = readFileSync(path.join(site.out, 'assets/site.rtl.css'), 'utf8');
    const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(existsSync(path.join(site.out, 'assets', f)), f).toBe(true);
  });

  it('feeds, sitemaps, robots.txt and JSON-LD use absolute URLs under the base path that exist', () => {
    const files = [
      'feed.xml',
      'feed.json',
      'sitemap.xml',
      'news-sitemap.xml',
      'robots.txt',
      ...walk(site.out).filter((f) => /^section\/[^/]+\/feed\.(xml|json)$/.test(f)),
    ];
    expect(files.length).toBeGreaterThan(6);
    const problems: string[] = [];
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(path.join(site.out, f), 'utf8');
      for (const m of text.matchAll(/https?:\/\/[^\s"<>\\]+/g)) {
        const url = m[0];
        if (!url.startsWith(ORIGIN)) continue; // namespaces, jsonfeed.org, links out of the site
        checked++;
        const p = new URL(url).pathname;
        if (!p.startsWith(BASE)) problems.push(`${f}: ${url}`);
        else if (!p.endsWith('/pagefind/') && !resolveToFile(p)) problems.push(`${f}: ${url} (no file)`);
      }
    }
    for (const page of htmlFiles(site.out)) {
      const html = readFileSync(path.join(site.out, page), 'utf8');
      for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        for (const u of JSON.stringify(JSON.parse(m[1]!)).matchAll(/https:\/\/warraq\.example\.org[^"]*/g)) {
          checked++;
          const p = new URL(u[0]).pathname;
          if (!p.startsWith(BASE) || !resolveToFile(p)) problems.push(`${page} JSON-LD: ${u[0]}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('the search page tells Pagefind the base path', () => {
    const html = readFileSync(path.join(site.out, 'search/index.html'), 'utf8');
    expect(html).toContain(`data-base="${BASE}"`);
    expect(html).toContain(`src="${BASE}assets/search.js"`);
    // one index per chunk of articles (here a year), each named on the search page with its article count and present in the output
    const chunks = /data-chunks="([\d: -]+)"/
      .exec(html)![1]!
      .split(' ')
      .map((c) => c.split(':'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [name, count] of chunks) {
      expect(name, 'a year').toMatch(/^\d{4}$/);
      expect(Number(count)).toBeGreaterThan(0);
      expect(existsSync(path.join(site.out, `pagefind/${name}/pagefind.js`)), name).toBe(true);
    }
  });
});
