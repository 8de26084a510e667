/**
 * The search index is one Pagefind index per year of articles. A year whose article pages are
 * byte for byte those of an earlier build gets its index back from the cache instead of being
 * indexed again, and what comes back is exactly what indexing would have written. A year that
 * changed is indexed over a seed of its kept index, and ends up exactly as a fresh index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { buildDemoSite, walk, type BuiltSite } from './build-site.ts';
import { indexSite } from '../../src/site/search.ts';
import { searchYears } from '../../src/site/data.ts';

let site: BuiltSite;
let work: string;
let years: string[];

beforeAll(async () => {
  site = await buildDemoSite();
  work = mkdtempSync(path.join(os.tmpdir(), 'warraq-search-'));
  years = searchYears(walk(site.out).filter((f) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f)).map((f) => `/${path.dirname(f)}/`));
}, 240_000);

afterAll(() => {
  site?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A copy of the built site without its search index. */
function copySite(name: string): string {
  const dir = path.join(work, name);
  cpSync(site.out, dir, { recursive: true });
  rmSync(path.join(dir, 'pagefind'), { recursive: true, force: true });
  return dir;
}

function indexTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of walk(path.join(dir, 'pagefind'))) out[f] = createHash('sha256').update(readFileSync(path.join(dir, 'pagefind', f))).digest('hex');
  return out;
}

describe('search index per year, reused from the cache', () => {
  it('indexes every year once, then reuses each unchanged year and re-indexes only the one that changed', async () => {
    expect(years.length).toBeGreaterThan(1);
    const cacheDir = path.join(work, 'cache');
    const first = copySite('first');
    const r1 = await indexSite(first, { years, cacheDir });
    expect(r1.indexed).toEqual(years);
    expect(r1.reused).toEqual([]);

    const second = copySite('second');
    const r2 = await indexSite(second, { years, cacheDir });
    expect(r2.reused).toEqual(years);
    expect(indexTree(second)).toEqual(indexTree(first));

    // an article of the oldest year changes: only that year is indexed again
    const third = copySite('third');
    const oldest = years[years.length - 1]!;
    const page = walk(third).find((f) => f.startsWith(`${oldest}/`) && f.endsWith('/index.html'))!;
    const html = readFileSync(path.join(third, page), 'utf8');
    writeFileSync(path.join(third, page), html.replace('</article>', '<p>فقرة أضيفت بعد النشر</p></article>'));
    const r3 = await indexSite(third, { years, cacheDir });
    expect(r3.indexed).toEqual([oldest]);
    expect(r3.reused).toEqual(years.filter((y) => y !== oldest));
    // re-indexed from a seed of the kept index: the unchanged pages' fragments are the kept files
    const inode = (dir: string, f: string) => statSync(path.join(dir, 'pagefind', oldest, 'fragment', f)).ino;
    const kept = readdirSync(path.join(third, 'pagefind', oldest, 'fragment')).filter((f) => existsSync(path.join(first, 'pagefind', oldest, 'fragment', f)));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((f) => inode(third, f) === inode(first, f))).toBe(true);

    // what the cache gave back equals a fresh index of the same pages
    const fresh = copySite('fresh');
    writeFileSync(path.join(fresh, page), readFileSync(path.join(third, page)));
    const r4 = await indexSite(fresh, { years });
    expect(r4.reused).toEqual([]);
    expect(indexTree(fresh)).toEqual(indexTree(third));
  }, 120_000);

  it('keys a year by its pages\' render keys when every page has one; re-indexing in place leaves the kept indexes intact', async () => {
    const cacheDir = path.join(work, 'cache-keyed');
    const oldest = years[years.length - 1]!;
    const keys = (changed?: string) => (page: string) => (page.startsWith(`${changed}/`) ? `edited:${page}` : `key:${page}`);
    const reference = copySite('keyed-reference');
    await indexSite(reference, { years });

    const a = copySite('keyed-a');
    expect((await indexSite(a, { years, cacheDir, pageKey: keys() })).indexed).toEqual(years);
    const b = copySite('keyed-b');
    expect((await indexSite(b, { years, cacheDir, pageKey: keys() })).reused).toEqual(years);
    expect(indexTree(b)).toEqual(indexTree(reference));

    // A page without a key: the year is keyed by the bytes of its pages again.
    const c = copySite('keyed-c');
    const r = await indexSite(c, { years, cacheDir, pageKey: (page) => (page.startsWith(`${oldest}/`) ? undefined : `key:${page}`) });
    expect(r.indexed).toEqual([oldest]);

    // b's indexes are links to the kept ones: a new key for the oldest year re-indexes it in
    // place (as the dev server does), and the kept indexes must stay as they were.
    expect((await indexSite(b, { years, cacheDir, pageKey: keys(oldest) })).indexed).toEqual([oldest]);
    const d = copySite('keyed-d');
    expect((await indexSite(d, { years, cacheDir, pageKey: keys() })).reused.length).toBeGreaterThan(0);
    expect(indexTree(d)).toEqual(indexTree(reference));
  }, 120_000);
});
