/**
 * The build pipeline, stage by stage:
 *   load (content/**\/*.md) → validate → normalize → render Markdown   [content/, text/, markdown/]
 *   → site data (listings)                                             [site/data.ts]
 *   → Eleventy runs templates/ and writes the pages                    [site/eleventy.ts]
 * Every article is checked before anything is written; all problems are reported together.
 *
 * The per-article work (validate, normalize, render: the bulk of a build) is cached in
 * `.cache/prepared/` (cache.ts) and, when many articles need it, spread over a pool of worker
 * threads (prepare-worker.mjs). Cached and fresh articles are the same JSON, so a warm build
 * gives byte-for-byte the output of a cold one.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../content/article.ts';
import { ContentError, type ContentProblem } from '../content/errors.ts';
import { listArticleFiles, readSource } from '../content/load.ts';
import { urlKey } from '../text/slug.ts';
import { contentFileInside } from '../content/paths.ts';
import { knownAuthors, knownSections, type WarraqConfig } from '../config.ts';
import { knownNameProblems } from '../content/known-names.ts';
import { WordCounts } from '../text/evidence.ts';
import { countsOf, evidenceFrom, EvidenceBuilder } from './evidence-cache.ts';
import { SourceIndex } from './source-index.ts';
import { availableCores } from '../cores.ts';
import { SOURCE_ROOT } from '../source-root.ts';
import { buildSiteData, type SiteData } from '../site/data.ts';
import { codeVersion, entryKey, PreparedCache, validEntry, type EntryHead } from './cache.ts';
import { statOrUndefined } from './stamp.ts';
import type { NormalizeConfig, PreparedEntry } from './prepare-task.ts';

export interface PrepareSiteResult {
  /** The published articles, in the order of their files (site.articles has them newest first). */
  articles: readonly Article[];
  /** Built on first access. */
  readonly site: SiteData;
  articleCount: number;
  warnings: ContentProblem[];
  drafts: number;
  repairs: number;
  /** How many articles came from the cache / were prepared in this build. */
  cached: number;
  prepared: number;
  /** Hash of every article's cache key and the evidence counts its preparation read: equal hashes, equal site data. */
  articlesHash: string;
  /**
   * What preparing an article produced (a hash of its data and HTML, prepare-task.ts): equal keys,
   * equal article, before site data adds its links to other articles.
   */
  contentKey(article: Article): string | undefined;
  /**
   * Saves what the next build starts from (source index, word evidence, pack; unused entries
   * pruned): done by preparing itself unless asked to leave it (PrepareOptions.deferCacheSave).
   * Calls after the first do nothing.
   */
  saveCache(): void;
}

export interface Progress {
  (done: number, total: number): void;
}

export interface PrepareOptions {
  progress?: Progress | undefined;
  /** Use `.cache/` (default true; WARRAQ_NO_CACHE=1 turns it off). */
  cache?: boolean | undefined;
  /** Worker threads for uncached articles: default one per core when there are enough of them; 0 = in this thread. */
  workers?: number | undefined;
  /**
   * Leave saving the cache to the caller (saveCache): the build first starts the search indexing,
   * which waits for nothing else, and saves while it runs. Saved at once when preparing fails.
   */
  deferCacheSave?: boolean | undefined;
}

/** Below this many uncached articles, starting workers costs more than it saves. */
const POOL_THRESHOLD = 64;
const BATCH = 16;

export interface Slot {
  file: string;
  key: string;
  /** The entry's JSON and evidence look-ups (cache.ts), until the build has hashed and packed them. */
  head?: EntryHead | undefined;
  entry?: PreparedEntry | undefined;
  /** The article's HTML when it is not in the cache (cache off, or the entry could not be written). */
  html?: string | undefined;
  problem?: ContentProblem | undefined;
}

export interface Scan {
  slots: Slot[];
  counts: Map<string | number, number>;
  evidence: WordCounts;
  evidenceBuilder: EvidenceBuilder;
  sources: SourceIndex;
  tag: string;
  cache: PreparedCache | undefined;
  normalizeConfig: NormalizeConfig;
}

/** Stage 1 and the cache look-up: read every file once, count its words, find its entry. */
export function scan(root: string, config: WarraqConfig, useCache: boolean): Scan {
  const files = listArticleFiles(root, config.paths.content);
  const cacheRoot = useCache ? path.join(root, config.paths.cache) : undefined;
  const cache = cacheRoot ? new PreparedCache(cacheRoot) : undefined;
  const normalizeConfig: NormalizeConfig = { ...config.normalize };
  const optionsKey = JSON.stringify(normalizeConfig);
  const version = codeVersion();
  const tag = `${version}:${optionsKey}`;
  // Evidence for split-word repair: every word form written anywhere on the site.
  const evidenceBuilder = new EvidenceBuilder(cacheRoot, tag);
  // Files unchanged since the last build are not read again: their key comes from the source index.
  const sources = new SourceIndex(cacheRoot, tag);
  const slots: Slot[] = [];
  for (const file of files) {
    // stat before reading: a file changed in between is recorded with its old times, so it is read again next time
    const st = statOrUndefined(path.join(root, file));
    const known = st && sources.known(file, st);
    if (known) {
      sources.record(file, st, known);
      evidenceBuilder.add(known, () => sourceText(root, file));
      slots.push({ file, key: known, head: cache?.readHead(known) });
      continue;
    }
    const r = readSource(root, file, st);
    if (!r.ok) {
      slots.push({ file, key: '', problem: r.problem });
      continue;
    }
    const key = entryKey(version, optionsKey, file, Buffer.from(r.file.text));
    if (st) sources.record(file, st, key);
    evidenceBuilder.add(key, r.file.text);
    slots.push({ file, key, head: cache?.readHead(key) });
  }
  let counts = evidenceBuilder.finish();
  if (!counts) {
    // A piece of the stored evidence is missing: count every file afresh.
    const all = new WordCounts();
    for (const slot of slots) if (!slot.problem) all.add(sourceText(root, slot.file));
    counts = countsOf(all);
  }
  return { slots, counts, evidence: evidenceFrom(counts), evidenceBuilder, sources, tag, cache, normalizeConfig };
}

/** Entries whose evidence look-ups still hold are used; the others need preparing. */
export function checkCached(s: Scan): Slot[] {
  const misses: Slot[] = [];
  for (const slot of s.slots) {
    if (slot.problem) continue;
    if (slot.head !== undefined) slot.entry = validEntry(slot.head, s.evidence);
    if (!slot.entry) {
      slot.head = undefined;
      misses.push(slot);
    }
  }
  return misses;
}

export function sourceText(root: string, file: string): string {
  const r = readSource(root, file);
  if (!r.ok) throw new Error(`${file} changed while the site was being built`);
  return r.file.text;
}

export function finish(root: string, config: WarraqConfig, s: Scan, prepared: number, deferCacheSave = false): PrepareSiteResult {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const articles: Article[] = [];
  const contentKeys = new Map<Article, string>();
  let attachHtml: ((article: Article, key: string) => void) | undefined;
  let drafts = 0;
  const used = new Set<string>();
  const known = { sections: knownSections(config), authors: knownAuthors(config) };
  // Every article's cache key and the evidence counts its preparation read: equal hashes, equal site data.
  const h = createHash('sha256');
  for (const slot of s.slots) {
    h.update(`${slot.key}\0`).update(slot.head?.lookups ?? 'none').update('\0');
    if (slot.problem) {
      problems.push(slot.problem);
      continue;
    }
    used.add(slot.key);
    const { result } = slot.entry!;
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    warnings.push(...result.warnings);
    const unknownNames = knownNameProblems(slot.file, { section: result.article.section.name, authors: result.article.authors.map((x) => x.name) }, known, () => sourceText(root, slot.file));
    if (unknownNames.length) {
      problems.push(...unknownNames);
      continue;
    }
    if (result.draft) {
      drafts++;
      continue;
    }
    const a = result.article;
    if (slot.html !== undefined) a.html = slot.html;
    else if (s.cache) (attachHtml ??= htmlFromCache(s.cache))(a, slot.key);
    if (a.image && !contentFileInside(path.join(root, config.paths.content), a.image.src)) {
      problems.push({ file: slot.file, line: 2, field: 'image.src', message: `no file at ${config.paths.content}/${a.image.src}`, hint: 'put the picture there or fix the path', severity: 'error' });
      continue;
    }
    articles.push(a);
    contentKeys.set(a, slot.entry!.output);
  }
  let saved = false;
  const saveCache = () => {
    if (saved) return;
    saved = true;
    if (s.cache) {
      s.evidenceBuilder.save(s.counts);
      s.sources.save();
      s.cache.savePack(s.slots.flatMap((slot) => (slot.head ? [[slot.key, slot.head] as const] : [])));
      if (prepared > 0) s.cache.prune(used);
    }
    for (const slot of s.slots) slot.head = undefined;
  };
  problems.push(...duplicateUrls(articles));
  if (problems.length) {
    saveCache();
    throw new ContentError(sortProblems(problems));
  }
  if (!deferCacheSave) saveCache();
  const total = s.slots.length;
  // Listings and related articles are worked out only when asked for: a build that finds
  // nothing changed never needs them.
  let site: SiteData | undefined;
  return {
    articles,
    get site() {
      return (site ??= buildSiteData(articles, config));
    },
    articleCount: articles.length,
    warnings,
    drafts,
    repairs: articles.reduce((n, a) => n + a.repairs, 0),
    cached: total - prepared,
    prepared,
    articlesHash: h.digest('hex'),
    contentKey: (a) => contentKeys.get(a),
    saveCache,
  };
}

/**
 * An article taken from the cache gets its HTML from the cache entry when a template asks for it
 * (its page, a feed or two; the last one read is kept): a rebuild that renders a few pages never decodes the others' HTML,
 * and a cold build does not hold every article's HTML at once. The `html` getter lives on a
 * prototype shared by every such article: a getter defined on each object would put all of them
 * in V8's slow dictionary mode (property reads measured 5–10× slower across the build).
 * Returns the function that gives an article its HTML from the entry under `key`.
 */
function htmlFromCache(cache: PreparedCache): (article: Article, key: string) => void {
  const keys = new WeakMap<Article, string>();
  // The last HTML read: Nunjucks reads a member twice (`typeof obj[key] === 'function'`, then
  // `obj[key]`), and a page reads its article's HTML once.
  let last: { key: string; html: string } | undefined;
  const proto = {
    get html(): string {
      const article = this as unknown as Article;
      const key = keys.get(article)!;
      if (last?.key === key) return last.html;
      const html = cache.readHtml(key);
      if (html === undefined) throw new Error(`${article.source}: its prepared copy ${cache.pathOf(key)} went missing during the build; build again`);
      last = { key, html };
      return html;
    },
  };
  return (article, key) => {
    keys.set(article, key);
    Object.setPrototypeOf(article, proto);
  };
}

export function cacheEnabled(options: PrepareOptions): boolean {
  return options.cache ?? !process.env.WARRAQ_NO_CACHE;
}

/** Stages 1–5, with uncached articles prepared by a pool of worker threads when there are many. */
export async function prepareSiteParallel(root: string, config: WarraqConfig, options: PrepareOptions = {}): Promise<PrepareSiteResult> {
  const cores = availableCores();
  const s = scan(root, config, cacheEnabled(options));
  const misses = checkCached(s);
  const workers = Math.min(options.workers ?? (misses.length >= POOL_THRESHOLD ? cores : 0), Math.ceil(misses.length / BATCH));
  if (workers <= 1) {
    // The Markdown and normalizer code is loaded only when something is to be prepared (half a
    // second of start-up from the bundle, a second through tsx, that a build finding every
    // article in the cache never pays).
    if (misses.length > 0) (await import('./prepare-in-thread.ts')).prepareInThread(root, s, misses, options.progress);
    return finish(root, config, s, misses.length, options.deferCacheSave);
  }
  const total = s.slots.length;
  let done = total - misses.length;
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    // (by its place in src/: this code may run from a bundle, bin/warraq.js)
    filename: pathToFileURL(path.join(SOURCE_ROOT, 'build', 'prepare-worker.mjs')).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    workerData: { evidence: s.counts, normalizeConfig: s.normalizeConfig, cacheRoot: s.cache?.root },
  });
  try {
    const batches: Promise<void>[] = [];
    for (let i = 0; i < misses.length; i += BATCH) {
      const batch = misses.slice(i, i + BATCH);
      const items = batch.map((slot) => ({ file: slot.file, source: sourceText(root, slot.file), key: slot.key, entryPath: s.cache?.pathOf(slot.key) }));
      batches.push(
        (pool.run({ items }) as Promise<{ entries: Array<{ json: string; lookups: Uint8Array; size: number; html: string | undefined }> }>).then(({ entries }) => {
          entries.forEach(({ json, lookups, size, html }, k) => {
            batch[k]!.entry = JSON.parse(json) as PreparedEntry;
            batch[k]!.head = { json: Buffer.from(json), lookups: Buffer.from(lookups.buffer, lookups.byteOffset, lookups.byteLength), size };
            batch[k]!.html = html;
          });
          done += batch.length;
          options.progress?.(done, total);
        }),
      );
    }
    await Promise.all(batches);
  } finally {
    await pool.destroy();
  }
  return finish(root, config, s, misses.length, options.deferCacheSave);
}

/** Two articles with one permalink would overwrite each other's page: an error naming both. */
function duplicateUrls(articles: Article[]): ContentProblem[] {
  const seen = new Map<string, Article>();
  const out: ContentProblem[] = [];
  for (const a of articles) {
    const key = urlKey(a.url);
    const other = seen.get(key);
    if (other) out.push({ file: a.source, line: 2, field: 'slug', message: `same URL ${a.url} as ${other.source}`, hint: 'give one of them a different slug: in its front matter', severity: 'error' });
    else seen.set(key, a);
  }
  return out;
}

function sortProblems(p: ContentProblem[]): ContentProblem[] {
  return [...p].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
