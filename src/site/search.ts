/**
 * Full-text search with Pagefind, run (its command line) on the freshly written output folder
 * (inside the atomic build, so the index always matches the pages it ships with). Only article
 * bodies are indexed (data-pagefind-body). Arabic stemming (forceLanguage) folds harakat, hamza
 * forms of alef, ى/ي and ة/ه; the English article still matches by its (unstemmed) words.
 *
 * One index per year of articles (`pagefind/<year>/`), merged in the reader's browser
 * (public/assets/search.js): Pagefind's indexing time grows faster than the number of pages, and
 * an edit then re-indexes one year instead of the whole archive. A year whose article pages are
 * byte for byte those of an earlier build gets its index back from `.cache/search/<year>/<key>/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { packageVersion } from '../package-version.ts';
import { linkTree } from '../link-files.ts';
import { availableCores } from '../cores.ts';

const FORMAT = 'search-shard-v1';

export interface IndexOptions {
  /** Years with articles (the shards), newest first. */
  years: readonly string[];
  lang?: string;
  /** Where shard indexes are kept between builds (`.cache/search`); none: index every year. */
  cacheDir?: string | undefined;
  /**
   * What a page's bytes are known to be made from (its render key, build/page-reuse.ts), by path
   * relative to the output folder: a year whose pages all have one is keyed by them instead of by
   * reading every page.
   */
  pageKey?: ((page: string) => string | undefined) | undefined;
}

export interface IndexReport {
  /** Years indexed afresh, and years whose index came from the cache. */
  indexed: string[];
  reused: string[];
}

export async function indexSite(outDir: string, options: IndexOptions): Promise<IndexReport> {
  const lang = (options.lang ?? 'ar').split('-')[0]!;
  const report: IndexReport = { indexed: [], reused: [] };
  const version = packageVersion(import.meta.resolve('pagefind'));
  const toIndex: Array<{ year: string; target: string; key: string; cached: string | undefined }> = [];
  for (const year of options.years) {
    const pages = articlePages(outDir, year);
    if (pages.length === 0) continue;
    const target = path.join(outDir, 'pagefind', year);
    const key = shardKey(outDir, pages, `${FORMAT}\0${version}\0${lang}\0${year}`, options.pageKey);
    const cached = options.cacheDir && path.join(options.cacheDir, year);
    if (cached && reuse(path.join(cached, key), target)) report.reused.push(year);
    else toIndex.push({ year, target, key, cached });
  }
  // One Pagefind process per year, as many at once as there are cores.
  let next = 0;
  const worker = async () => {
    for (let job = toIndex[next++]; job; job = toIndex[next++]) {
      // Never write through a link into the cache (kept indexes are linked into place).
      rmSync(job.target, { recursive: true, force: true });
      const seeded = job.cached !== undefined && seed(job.cached, job.target);
      await runPagefind(outDir, `${job.year}/*/*/index.html`, job.target, lang);
      if (seeded && !pruneSeeded(job.target)) {
        rmSync(job.target, { recursive: true, force: true });
        await runPagefind(outDir, `${job.year}/*/*/index.html`, job.target, lang);
      }
      if (job.cached) store(job.cached, job.target, job.key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableCores(), toIndex.length) }, worker));
  report.indexed = toIndex.map((j) => j.year);
  if (options.cacheDir) prune(options.cacheDir, new Set(options.years));
  return report;
}

/**
 * Pagefind's own command line, one process per index: a third faster than its Node API's service
 * on the same pages (measured: 910 article pages, 2.0–2.8 s against 3.0–4.2 s), and independent
 * indexes can run side by side. The binary is the one the pagefind package installed for this
 * platform (or PAGEFIND_BINARY_PATH, as the package itself allows).
 */
async function runPagefind(site: string, glob: string, outputPath: string, lang: string): Promise<void> {
  const args = ['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', lang, '--silent'];
  const binary = await pagefindBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Pagefind failed on ${glob} (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * The binary the pagefind package's own Node API would start, found by its own resolver (a file
 * beside its entry point, not in its exports): the extended build when installed, and the
 * PAGEFIND_EXTENDED_BINARY_PATH / PAGEFIND_BINARY_PATH overrides it honours.
 */
let binary: Promise<string> | undefined;
function pagefindBinary(): Promise<string> {
  return (binary ??= import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href).then(
    (m: { resolveBinaryPath: (names: string[]) => string }) => m.resolveBinaryPath(['pagefind_extended', 'pagefind']),
  ));
}

/** The article pages of one year, as paths relative to the output folder, sorted. */
function articlePages(outDir: string, year: string): string[] {
  const pages: string[] = [];
  const yearDir = path.join(outDir, year);
  if (!existsSync(yearDir)) return pages;
  for (const month of readdirSync(yearDir).sort()) {
    const monthDir = path.join(yearDir, month);
    let slugs: string[];
    try {
      slugs = readdirSync(monthDir).sort();
    } catch {
      continue;
    }
    for (const slug of slugs) {
      const page = path.join(year, month, slug, 'index.html');
      if (existsSync(path.join(outDir, page))) pages.push(page);
    }
  }
  return pages;
}

function shardKey(outDir: string, pages: string[], salt: string, pageKey: IndexOptions['pageKey']): string {
  const keys = pageKey && pages.map(pageKey);
  if (keys?.every((k) => k !== undefined)) {
    const h = createHash('sha256').update(`${salt}\0render keys`);
    pages.forEach((page, i) => h.update(`\0${page}\0${keys[i]}`));
    return h.digest('hex');
  }
  const h = createHash('sha256').update(salt);
  for (const page of pages) h.update(`\0${page}\0`).update(readFileSync(path.join(outDir, page)));
  return h.digest('hex');
}

/** The folders of an index whose files Pagefind names by a hash of their bytes. */
const HASHED_DIRS = ['fragment', 'index', 'filter'];

/**
 * Links the hashed files of the year's last kept index into the empty target before Pagefind
 * runs: Pagefind names each fragment and chunk by a hash of its bytes and does not write one that
 * exists (were it to, it would write the same bytes through the link), so re-indexing a year in
 * which one page changed writes a handful of files instead of two thousand (910 pages: 2.6 s
 * against 3.8 s). False when there is no kept index to seed from.
 */
function seed(yearCache: string, target: string): boolean {
  try {
    const kept = readdirSync(yearCache, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.tmp-'));
    if (kept.length !== 1) return false;
    for (const dir of HASHED_DIRS) {
      const from = path.join(yearCache, kept[0]!.name, dir);
      if (existsSync(from)) linkTree(from, path.join(target, dir));
    }
    return true;
  } catch {
    // the kept index removed under us by another build sharing the cache
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * After Pagefind ran on a seeded target: removes the hashed files its new metadata does not name
 * (the changed pages' old fragments, replaced chunks) and older metadata, which leaves what a
 * fresh run writes. False when the result does not look whole (a fragment per page): index afresh.
 */
function pruneSeeded(target: string): boolean {
  try {
    const entry = JSON.parse(readFileSync(path.join(target, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
    const metas = new Set(Object.values(entry.languages).map((l) => `pagefind.${l.hash}.pf_meta`));
    // The metadata names every fragment and chunk (as CBOR text, ASCII, so latin1 keeps it searchable).
    let named = '';
    for (const meta of metas) named += gunzipSync(readFileSync(path.join(target, meta))).toString('latin1');
    for (const f of readdirSync(target)) if (f.endsWith('.pf_meta') && !metas.has(f)) rmSync(path.join(target, f));
    let fragments = 0;
    for (const dir of HASHED_DIRS) {
      const full = path.join(target, dir);
      if (!existsSync(full)) continue;
      for (const f of readdirSync(full)) {
        const stem = f.slice(0, f.indexOf('.'));
        if (stem && named.includes(stem)) fragments += dir === 'fragment' ? 1 : 0;
        else rmSync(path.join(full, f));
      }
    }
    return fragments === Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  } catch {
    return false;
  }
}

/** Copies a kept index into place; false (and nothing left behind) when there is none to copy. */
function reuse(kept: string, target: string): boolean {
  if (!existsSync(kept)) return false;
  try {
    rmSync(target, { recursive: true, force: true });
    linkTree(kept, target);
    return true;
  } catch {
    // removed under us by another build sharing the cache: index afresh
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps a copy of a shard's index under its key. Written to a temporary folder and renamed, so a
 * reader sees a whole copy or none; older keys of the year are removed.
 */
function store(yearDir: string, from: string, key: string): void {
  try {
    mkdirSync(yearDir, { recursive: true });
    const tmp = path.join(yearDir, `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
    linkTree(from, tmp);
    try {
      renameSync(tmp, path.join(yearDir, key));
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // the same key stored by someone else
    }
    for (const e of readdirSync(yearDir)) if (e !== key && !e.startsWith('.tmp-')) rmSync(path.join(yearDir, e), { recursive: true, force: true });
  } catch {
    // the cache is an optimization
  }
}

function prune(cacheDir: string, keep: Set<string>): void {
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const e of entries) if (!keep.has(e)) rmSync(path.join(cacheDir, e), { recursive: true, force: true });
}
