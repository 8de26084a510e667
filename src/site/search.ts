/**
 * Full-text search with Pagefind, run (its command line) on a search document per article
 * (search-document.ts: the part of the article page Pagefind would index), written to a staging
 * folder under the article's URL. The index is thus made from the prepared articles, not from the
 * written pages, and runs while Eleventy writes them; it is swapped in with them (atomic build).
 * Only article text is indexed. Arabic stemming (forceLanguage) folds harakat, hamza forms of
 * alef, ى/ي and ة/ه; the English article still matches by its (unstemmed) words.
 *
 * One index per year of articles (`pagefind/<year>/`), merged in the reader's browser
 * (public/assets/search.js): Pagefind's indexing time grows faster than the number of pages, and
 * an edit then re-indexes one year instead of the whole archive. A year whose articles are those
 * of an earlier build gets its index back from `.cache/search/<year>/<key>/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Article } from '../content/article.ts';
import { packageVersion } from '../package-version.ts';
import { linkTree } from '../link-files.ts';
import { availableCores } from '../cores.ts';
import { searchDocument } from './search-document.ts';

const FORMAT = 'search-shard-v2';

export interface IndexOptions {
  lang?: string;
  /** Where shard indexes are kept between builds (`.cache/search`); none: index every year. */
  cacheDir?: string | undefined;
  /**
   * What an article was prepared from (build/pipeline.ts contentKey): a year whose articles all
   * have one is keyed by them instead of by their search documents.
   */
  contentKey?: ((a: Article) => string | undefined) | undefined;
  /** Pagefind processes at once; default one per core. */
  concurrency?: number | undefined;
}

export interface IndexReport {
  /** Years indexed afresh, and years whose index came from the cache, newest first. */
  indexed: string[];
  reused: string[];
}

/** Writes `pagefind/<year>/` under outDir for each year of the articles. */
export async function indexArticles(outDir: string, articles: readonly Article[], options: IndexOptions = {}): Promise<IndexReport> {
  const lang = (options.lang ?? 'ar').split('-')[0]!;
  const report: IndexReport = { indexed: [], reused: [] };
  const version = packageVersion(import.meta.resolve('pagefind'));
  const toIndex: Array<{ year: string; articles: Article[]; target: string; key: string; cached: string | undefined }> = [];
  for (const [year, ofYear] of byYear(articles)) {
    const target = path.join(outDir, 'pagefind', year);
    const key = shardKey(ofYear, `${FORMAT}\0${version}\0${lang}\0${year}`, options.contentKey);
    const cached = options.cacheDir && path.join(options.cacheDir, year);
    if (cached && reuse(path.join(cached, key), target)) report.reused.push(year);
    else toIndex.push({ year, articles: ofYear, target, key, cached });
  }
  if (toIndex.length) {
    // Beside the kept indexes when there are some (the project's disk, often faster than /tmp's).
    if (options.cacheDir) mkdirSync(options.cacheDir, { recursive: true });
    const staging = mkdtempSync(options.cacheDir ? path.join(options.cacheDir, '.tmp-documents-') : path.join(os.tmpdir(), 'warraq-search-'));
    try {
      // One Pagefind process per year, as many at once as there are cores.
      let next = 0;
      const worker = async () => {
        for (let job = toIndex[next++]; job; job = toIndex[next++]) {
          writeDocuments(staging, job.articles);
          // Never write through a link into the cache (kept indexes are linked into place).
          rmSync(job.target, { recursive: true, force: true });
          await runPagefind(staging, `${job.year}/*/*/index.html`, job.target, lang);
          if (job.cached) store(job.cached, job.target, job.key);
        }
      };
      const concurrency = Math.max(1, Math.min(options.concurrency ?? availableCores(), toIndex.length));
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  report.indexed = toIndex.map((j) => j.year);
  if (options.cacheDir) prune(options.cacheDir, new Set([...report.indexed, ...report.reused]));
  return report;
}

/** Articles by the year of their URL (/yyyy/mm/slug/), newest year first, each year in URL order. */
function byYear(articles: readonly Article[]): Array<[string, Article[]]> {
  const years = new Map<string, Article[]>();
  for (const a of articles) {
    const year = a.url.split('/')[1];
    if (!year || !/^\d{4}$/.test(year)) continue;
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(a);
  }
  for (const list of years.values()) list.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return [...years].sort((a, b) => (a[0] < b[0] ? 1 : -1));
}

/** Each article's search document at <staging><url>index.html, where Pagefind finds its URL. */
function writeDocuments(staging: string, articles: readonly Article[]): void {
  for (const a of articles) {
    const dir = path.join(staging, a.url);
    if (path.relative(staging, dir).startsWith('..')) throw new Error(`article URL ${a.url} leaves the search staging folder`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), searchDocument(a));
  }
}

/**
 * Pagefind's own command line, one process per index: a third faster than its Node API's service
 * on the same pages (measured: 910 article pages, 2.0–2.8 s against 3.0–4.2 s), and independent
 * indexes can run side by side. The binary is the one the pagefind package installed for this
 * platform (or PAGEFIND_BINARY_PATH, as the package itself allows).
 */
export async function runPagefind(site: string, glob: string, outputPath: string, lang: string): Promise<void> {
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

function shardKey(articles: readonly Article[], salt: string, contentKey: IndexOptions['contentKey']): string {
  const h = createHash('sha256').update(salt);
  for (const a of articles) {
    const key = contentKey?.(a);
    // (without a content key, the document itself: it holds all the year's index is made from)
    h.update(`\0${a.url}\0`).update(key === undefined ? `document\0${searchDocument(a)}` : `prepared\0${key}`);
  }
  return h.digest('hex');
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
  for (const e of entries) {
    // A staging folder may be another build's, at work now; one a day old was left by a killed build.
    if (keep.has(e) || (e.startsWith('.tmp-') && !olderThan(path.join(cacheDir, e), 86_400_000))) continue;
    rmSync(path.join(cacheDir, e), { recursive: true, force: true });
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}
