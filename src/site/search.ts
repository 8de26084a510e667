/**
 * Full-text search with Pagefind: one index per chunk (`pagefind/<chunk>/`, site/search-chunks.ts) from the search documents, placed in the
 * output inside the atomic build and merged in the browser; unchanged chunks come back from `.cache/search/`. Only Pagefind's documented
 * CLI and output are used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Article } from '../content/article.ts';
import { packageBin, packageVersion } from '../package-version.ts';
import { linkTree } from '../link-files.ts';
import { availableCores } from '../cores.ts';
import { searchDocument } from './search-document.ts';
import type { NameKeyMemo } from './names.ts';
import { CHUNK_NAME, searchChunks } from './search-chunks.ts';
import { sourceDigestOfRoot } from '../source-root.ts';
import { outputManifest, type ManifestEntry } from '../store/stamp.ts';
import { writeFileAtomically } from '../store/atomic-write.ts';

const FORMAT = 'search-chunk-v3'; // v3: one index per chunk (search-chunks.ts)

export interface IndexOptions {
  lang?: string;
  /** Scratch folder of this run (documents, fresh indexes); the caller removes it after placeIndexes. */
  workDir: string;
  /** Where indexes are kept between builds (`.cache/search`); none: index every chunk. */
  cacheDir?: string | undefined;
  /**
   * Identifies an article's search document without making it, with the code's version that this
   * module adds (the build and the dev server: the hash of what preparing produced). A chunk whose
   * articles all have one is keyed by them; otherwise by its documents' bytes, which means reading
   * every article's HTML.
   */
  articleKey?: ((article: Article) => string | undefined) | undefined;
  /** Pagefind processes at once (default: one per core)… */
  concurrency?: number | undefined;
  /** …and one per core once this settles (the build: when Eleventy is done with its core). */
  widenWhen?: Promise<unknown> | undefined;
  /** Index only these chunks (a shard's, output/shard.ts); the others are neither indexed nor pruned from the cache. */
  chunks?: ReadonlySet<string> | undefined;
  /** Stops indexing: no further Pagefind process starts, and running ones are killed. */
  signal?: AbortSignal | undefined;
  /**
   * Called with each chunk's finished index as soon as it is there (a reused chunk's once the
   * changed chunks' Pagefind processes have started): the build places them while the rest runs.
   */
  onIndex?: ((chunk: string, folder: string) => void) | undefined;
}

export interface SearchIndexes {
  /** Chunks indexed afresh, and chunks whose index came from the cache. */
  indexed: string[];
  reused: string[];
  /** The finished index of each chunk, to be placed into the output (placeIndexes). */
  folders: Map<string, string>;
}

export async function indexArticles(articles: readonly Article[], options: IndexOptions): Promise<SearchIndexes> {
  const lang = (options.lang ?? 'ar').split('-')[0]!;
  const result: SearchIndexes = { indexed: [], reused: [], folders: new Map() };
  const version = packageVersion(import.meta.resolve('pagefind'));
  const chunks = searchChunks(articles);
  const docsRoot = path.join(options.workDir, 'documents');
  const names: NameKeyMemo = new Map();
  const jobs: Array<{ chunk: string; articles: Article[]; key: string; cached: string | undefined }> = [];
  for (const [chunk, list] of chunks) {
    if (options.chunks && !options.chunks.has(chunk)) continue;
    const cached = options.cacheDir && path.join(options.cacheDir, chunk);
    let key = '';
    if (cached) {
      const h = createHash('sha256').update(`${FORMAT}\0${version}\0${lang}\0${chunk}`);
      const keys = options.articleKey && list.map(options.articleKey);
      if (keys?.every((k) => k !== undefined)) {
        h.update(`\0article keys\0${sourceDigestOfRoot()}`);
        list.forEach((a, i) => h.update(`\0${a.url}\0${keys[i]}`));
      } else list.forEach((a) => h.update(`\0${a.url}\0`).update(searchDocument(a, names)));
      key = h.digest('hex');
    }
    if (cached && existsSync(path.join(cached, key))) {
      result.reused.push(chunk);
      result.folders.set(chunk, path.join(cached, key));
    } else jobs.push({ chunk, articles: list, key, cached });
  }
  // One Pagefind process per chunk, as many at once as asked.
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job && !options.signal?.aborted; job = jobs[next++]) {
      // Written only now, a chunk at a time (each a site of its own, URLs as on the real site): a
      // cold build does not hold every document at once.
      const site = path.join(docsRoot, job.chunk);
      for (const a of job.articles) {
        const file = path.join(site, a.url, 'index.html');
        // (URLs are made from validated slugs; a document outside its folder would still be a bug)
        if (!file.startsWith(site + path.sep)) throw new Error(`search document of ${a.source} would be written outside ${site}: ${a.url}`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, searchDocument(a, names));
      }
      const target = path.join(options.workDir, 'index', job.chunk);
      await runPagefind(site, '**/index.html', target, lang, options.signal);
      const folder = (job.cached && store(job.cached, target, job.key)) || target;
      result.folders.set(job.chunk, folder);
      options.onIndex?.(job.chunk, folder);
    }
  };
  const cores = availableCores();
  const concurrency = Math.max(1, Math.min(options.concurrency ?? cores, jobs.length));
  const workers = Array.from({ length: concurrency }, worker);
  // (after the workers' first Pagefind processes have started: they need not wait for this)
  for (const chunk of result.reused) options.onIndex?.(chunk, result.folders.get(chunk)!);
  const widened = options.widenWhen?.then(
    () => Promise.all(Array.from({ length: Math.max(0, Math.min(cores, jobs.length) - concurrency) }, worker)),
    () => undefined,
  );
  await Promise.all([...workers, widened]);
  options.signal?.throwIfAborted();
  result.indexed = jobs.map((j) => j.chunk);
  if (options.cacheDir) prune(options.cacheDir, new Set(chunks.keys()));
  return result;
}

/**
 * Links each chunk's finished index to `pagefind/<chunk>/` of the output folder, and removes the
 * indexes of chunks that are no more (the dev server's output is not fresh).
 */
export function placeIndexes(indexes: SearchIndexes, outDir: string): void {
  for (const [chunk, from] of indexes.folders) placeIndex(chunk, from, outDir);
  const root = path.join(outDir, 'pagefind');
  if (existsSync(root))
    for (const e of readdirSync(root))
      if (CHUNK_NAME.test(e) && !indexes.folders.has(e)) rmSync(path.join(root, e), { recursive: true, force: true });
}

/**
 * Links one chunk's finished index to `pagefind/<chunk>/` of the output folder. Returns the output
 * manifest's entries of the files placed (store/stamp.ts: [path in the output, size, mtime, inode]) when
 * they are links to a kept index, whose files are listed beside it the first time it is placed: a
 * link shares its file's size, mtime and inode, so the build's manifest need not stat ten thousand
 * index files. Undefined otherwise (an index not kept, or files copied instead of linked).
 */
export function placeIndex(chunk: string, from: string, outDir: string): ManifestEntry[] | undefined {
  const target = path.join(outDir, 'pagefind', chunk);
  rmSync(target, { recursive: true, force: true });
  return linkTree(from, target) ? keptIndexFiles(chunk, from) : undefined;
}

/**
 * The output manifest's entries of a chunk's kept index once placed by linking (placeIndex), known without placing it: an output
 * whose manifest has exactly these under `pagefind/<chunk>/` holds that index already. Undefined for an index not kept.
 */
export function keptIndexFiles(chunk: string, from: string): ManifestEntry[] | undefined {
  const prefix = path.join('pagefind', chunk);
  return keptFiles(from)?.map(([file, ...stat]): ManifestEntry => [path.join(prefix, file), ...stat]);
}

/** The list of a kept index's files (store/stamp.ts outputManifest of its folder), beside it; written when missing. */
const listOf = (kept: string) => `${kept}.files.json`;

/**
 * The file list of a kept index (`.cache/search/<chunk>/<key>`), read from beside it, or made and
 * written there; undefined for a folder that is not a kept index, or when the list no longer
 * describes it (its entry file, the one Pagefind writes last, checked).
 */
function keptFiles(folder: string): ManifestEntry[] | undefined {
  // (a kept index's folder is named by its key, a SHA-256 in hex (store); a fresh one by its chunk)
  if (!/^[0-9a-f]{64}$/.test(path.basename(folder))) return undefined;
  try {
    const list = JSON.parse(readFileSync(listOf(folder), 'utf8')) as ManifestEntry[];
    const entry = list.find((f) => f[0] === 'pagefind-entry.json');
    const st = entry && statSync(path.join(folder, entry[0]));
    if (st && st.size === entry[1] && st.mtimeMs === entry[2] && st.ino === entry[3]) return list;
  } catch {
    // no list yet, or unreadable: make one
  }
  try {
    const list = outputManifest(folder);
    return writeFileAtomically(listOf(folder), JSON.stringify(list)) ? list : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pagefind's own command line, one process per index: a third faster than its Node API's service
 * on the same pages (measured: 910 article pages, 2.0–2.8 s against 3.0–4.2 s), and independent
 * indexes can run side by side. It is the pagefind package's documented command (`npx pagefind`:
 * its package.json `bin`), run with this Node; it starts the binary installed for this platform
 * (the extended one when present, or PAGEFIND_BINARY_PATH, as the package allows).
 */
export async function runPagefind(site: string, glob: string, outputPath: string, lang: string, signal?: AbortSignal): Promise<void> {
  const args = ['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', lang, '--silent'];
  const cli = await locatePagefind();
  return new Promise((resolve, reject) => {
    // (an abort ends the command; the binary it started finishes its one chunk in a folder the build then removes)
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true, signal });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`Pagefind failed on ${glob} (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** The pagefind package's command line script (its package.json `bin`); rejects when the package has none. */
export async function locatePagefind(): Promise<string> {
  const cli = packageBin(import.meta.resolve('pagefind'), 'pagefind');
  if (!cli) throw new Error('the pagefind package names no command line (package.json "bin"); reinstall it with npm ci');
  return cli;
}

/**
 * Keeps a chunk's fresh index under its key, moved (or, across filesystems, copied) into the cache
 * folder whole: a reader sees a whole index or none. Older keys of the chunk are removed. Returns
 * where the index now is; undefined when it could not be kept (it is then still at `from`).
 */
function store(chunkDir: string, from: string, key: string): string | undefined {
  const kept = path.join(chunkDir, key);
  try {
    mkdirSync(chunkDir, { recursive: true });
    const tmp = path.join(chunkDir, `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
    try {
      renameSync(from, tmp);
    } catch {
      linkTree(from, tmp);
    }
    try {
      renameSync(tmp, kept);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // the same key stored by someone else
    }
    for (const e of readdirSync(chunkDir))
      if (e !== key && e !== path.basename(listOf(kept)) && !e.startsWith('.tmp-'))
        rmSync(path.join(chunkDir, e), { recursive: true, force: true });
  } catch {
    // the cache is an optimization
  }
  return existsSync(kept) ? kept : undefined;
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
