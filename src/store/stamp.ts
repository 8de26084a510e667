/**
 * "Nothing changed" detection: a build whose inputs (articles' keys and evidence, other content, templates/, public/, configuration, its
 * environment, output path) and output folder (stat per file) match the last successful build writes nothing; any doubt, a full build.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { writeFileAtomically } from './atomic-write.ts';
import path from 'node:path';
import { z } from 'zod';
import type { WarraqConfig } from '../config.ts';
import { codeVersion } from './code-version.ts';
import { decodePageIndex, encodePageIndex, type PageIndex } from './page-index.ts';

export { PageIndex, type PageEntry } from './page-index.ts';

/** Feeds every file under `dir` (path and bytes, in name order) to each of the hashes: the folder is walked and read once. */
function hashTree(hashes: ReadonlyArray<ReturnType<typeof createHash>>, dir: string, skip: (file: string) => boolean): void {
  const files: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (!skip(full)) files.push(full);
    }
  };
  walk(dir);
  files.sort();
  const update = (data: string | Buffer) => {
    for (const h of hashes) h.update(data);
  };
  update(`tree ${dir}\0`);
  for (const f of files) {
    update(`${path.relative(dir, f)}\0`);
    try {
      update(readFileSync(f));
    } catch {
      update('unreadable');
    }
    update('\0');
  }
}

/** Digest of every file under a folder (paths and bytes). */
export function treeDigest(dir: string): string {
  const h = createHash('sha256');
  hashTree([h], dir, () => false);
  return h.digest('hex');
}

/**
 * `articles`: the articles hash (every entry key and the hash of what preparing it produced) for the stamp's fingerprint, or the sources hash (every
 * article file's path and entry key) for its `inputs`; `templates`: treeDigest of the templates folder, which the page render keys use too.
 */
export function inputFingerprint(root: string, config: WarraqConfig, outDir: string, articles: string, templates: string): string {
  return inputFingerprints(root, config, outDir, [articles], templates)[0]!;
}

/** inputFingerprint for each of several `articles` hashes, with the folders walked and read once. */
export function inputFingerprints(
  root: string,
  config: WarraqConfig,
  outDir: string,
  articles: readonly string[],
  templates: string,
): string[] {
  const hashes = articles.map((a) => createHash('sha256').update(`${codeVersion()}\0${a}\0${outDir}\0${JSON.stringify(config)}\0`));
  const environment = environmentKey();
  for (const h of hashes) h.update(environment);
  // Articles are covered by articlesHash; everything else under content/ is hashed here.
  hashTree(hashes, path.join(root, config.paths.content), (f) => f.endsWith('.md'));
  for (const h of hashes) h.update(`templates ${templates}\0`);
  hashTree(hashes, path.join(root, 'public'), () => false);
  if (config.paths.public !== 'public') hashTree(hashes, path.join(root, config.paths.public), () => false);
  return hashes.map((h) => h.digest('hex'));
}

/**
 * Variables that change how a build runs or reports, never a byte it writes: setting one
 * (WARRAQ_TIMINGS=1 for a single build) must not make the next build render every page again.
 * ELEVENTY_SKIP_ESM_RESOLVER: the build sets it itself (build.ts); ELEVENTY_VERSION, _ROOT, _SOURCE and _RUN_MODE: Eleventy sets
 * them itself when it runs (overwriting any given value), so a second build in one process must not see them as a change.
 */
const NOT_IN_OUTPUT = new Set([
  'WARRAQ_TIMINGS',
  'WARRAQ_PAGES_PER_RUN',
  'WARRAQ_NO_CACHE',
  'WARRAQ_DEBUG',
  'WARRAQ_AUTHOR',
  'WARRAQ_FROM_SOURCE',
  'ELEVENTY_SKIP_ESM_RESOLVER',
  'ELEVENTY_VERSION',
  'ELEVENTY_ROOT',
  'ELEVENTY_SOURCE',
  'ELEVENTY_RUN_MODE',
]);

/** The environment variables Warraq and Eleventy read, but those that never change the output. */
export function environmentKey(): string {
  const env = Object.entries(process.env)
    .filter(([k]) => (k.startsWith('WARRAQ_') || k.startsWith('ELEVENTY_') || k === 'NODE_ENV') && !NOT_IN_OUTPUT.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(env);
}

/** A file's stat, or undefined when it cannot be had (gone, unreadable). */
export function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** [path relative to the output folder, size, mtimeMs, inode] */
export type ManifestEntry = [string, number, number, number];
type Manifest = ManifestEntry[];

/**
 * Files of the output whose manifest entry is known without a stat: pages hard-linked from the
 * last output (a link shares the inode, size and mtime of the file the last manifest recorded),
 * and the folders the linking made, which hold nothing but such pages and are not read again.
 */
export interface KnownFiles {
  entries: Map<string, ManifestEntry>;
  folders: Set<string>;
}

export function outputManifest(outDir: string, known?: KnownFiles): Manifest {
  const out: Manifest = [];
  const inFolder = new Map<string, ManifestEntry[]>();
  if (known) {
    for (const [file, entry] of known.entries) {
      // A made folder can hold folders made after it (a tag's first page linked, then its
      // page/2/): the entry belongs to the outermost one, the folder the walk reaches first.
      let dir: string | undefined;
      for (let d = path.dirname(file); d !== '.' && d !== path.dirname(d); d = path.dirname(d)) if (known.folders.has(d)) dir = d;
      if (dir === undefined) continue;
      let list = inFolder.get(dir);
      if (!list) inFolder.set(dir, (list = []));
      list.push(entry);
    }
  }
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(outDir, full);
      if (e.isDirectory()) {
        const sealed = inFolder.get(rel);
        if (sealed) out.push(...sealed);
        else walk(full);
        continue;
      }
      const entry = known?.entries.get(rel);
      if (entry) out.push(entry);
      else {
        const st = statSync(full);
        out.push([rel, st.size, st.mtimeMs, st.ino]);
      }
    }
  };
  walk(outDir);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** What a build reports of its articles (output/build.ts BuildSummary), kept so that a build finding nothing changed can say it again. */
export interface StampSummary {
  articles: number;
  drafts: number;
  repairs: number;
  possibleSplits: number;
  warnings: unknown[];
}

export interface Stamp {
  fingerprint: string;
  /**
   * inputFingerprint over the sources hash instead of the articles hash: a build whose article files all match the source index
   * (prepare/site-scan.ts unchangedSources) and whose other inputs are the same has this value before preparing anything.
   */
  inputs?: string | undefined;
  summary?: StampSummary | undefined;
  outDir: string;
  pages: number;
  manifest: Manifest;
  /** Article and listing pages by URL, with the render key each was written with (site/page-reuse.ts). */
  pageIndex?: PageIndex | undefined;
}

const isManifestEntry = (m: unknown): m is ManifestEntry =>
  Array.isArray(m) &&
  m.length === 4 &&
  typeof m[0] === 'string' &&
  typeof m[1] === 'number' &&
  typeof m[2] === 'number' &&
  typeof m[3] === 'number';
/**
 * The shape a stamp must have to be used: anything else (a damaged or hand-edited file, an older format) is no stamp. The two long
 * lists are checked entry by entry with a plain predicate rather than z.tuple (docs/performance.md).
 */
const StampSchema = z.object({
  fingerprint: z.string(),
  inputs: z.string().optional(),
  summary: z
    .object({
      articles: z.number().int().nonnegative(),
      drafts: z.number().int().nonnegative(),
      repairs: z.number().int().nonnegative(),
      possibleSplits: z.number().int().nonnegative(),
      warnings: z.array(z.unknown()),
    })
    .optional(),
  outDir: z.string(),
  pages: z.number().int().nonnegative(),
  manifest: z.custom<Manifest>((v) => Array.isArray(v) && v.every(isManifestEntry)),
  pagesDigest: z.string().optional(),
});

const stampFile = (cacheRoot: string) => path.join(cacheRoot, 'last-build.json');
const pagesFile = (cacheRoot: string) => path.join(cacheRoot, 'last-build-pages.json');
/** The files writeStamp writes into its folder, in the order it writes them (the page index, then the stamp that names it). */
export const STAMP_FILES = ['last-build-pages.json', 'last-build.json'] as const;

/**
 * The last build's stamp; undefined when it is missing, not JSON or not of a stamp's shape (the build then renders every page).
 * Its page index is kept in a file of its own, read unless `pageIndex: false` (a no-change check needs none) and used only when
 * its bytes have the SHA-256 the stamp recorded: anything else (missing, damaged, another build's) is no page index.
 */
export function readStamp(cacheRoot: string, options: { pageIndex?: boolean } = {}): Stamp | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(stampFile(cacheRoot), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = StampSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { pagesDigest, ...stamp } = parsed.data;
  return pagesDigest !== undefined && options.pageIndex !== false ? { ...stamp, pageIndex: readPageIndex(cacheRoot, pagesDigest) } : stamp;
}

function readPageIndex(cacheRoot: string, digest: string): PageIndex | undefined {
  try {
    const bytes = readFileSync(pagesFile(cacheRoot));
    if (createHash('sha256').update(bytes).digest('hex') !== digest) return undefined;
    return decodePageIndex(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Writes the page index, then the stamp naming it by its digest (a stamp whose page index could not be written names none). */
export function writeStamp(cacheRoot: string, stamp: Stamp): void {
  const { pageIndex, ...rest } = stamp;
  let pagesDigest: string | undefined;
  const text = pageIndex && encodePageIndex(pageIndex);
  if (text !== undefined) {
    const bytes = Buffer.from(text);
    if (writeFileAtomically(pagesFile(cacheRoot), bytes)) pagesDigest = createHash('sha256').update(bytes).digest('hex');
  }
  writeFileAtomically(stampFile(cacheRoot), JSON.stringify(pagesDigest === undefined ? rest : { ...rest, pagesDigest }));
}

/** The stamp file's size, mtime and inode (a stamp written again is a new file: writeFileAtomically); undefined when there is none. */
export function stampIdentity(cacheRoot: string): string | undefined {
  const st = statOrUndefined(stampFile(cacheRoot));
  return st && `${st.size}:${st.mtimeMs}:${st.ino}`;
}

/**
 * Is the output folder exactly as the stamp's build left it: the same files, each with the manifest's size, mtime and inode?
 * Stops at the first difference.
 */
export function outputIntact(stamp: Stamp): boolean {
  const manifest = new Map<string, ManifestEntry>();
  for (const m of stamp.manifest) manifest.set(m[0], m);
  let seen = 0;
  const walk = (dir: string, rel: string): boolean => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const name = rel === '' ? e.name : `${rel}${path.sep}${e.name}`;
      if (e.isDirectory()) {
        if (!walk(`${dir}${path.sep}${e.name}`, name)) return false;
        continue;
      }
      const m = manifest.get(name);
      if (!m) return false;
      const st = statSync(`${dir}${path.sep}${e.name}`);
      if (st.size !== m[1] || st.mtimeMs !== m[2] || st.ino !== m[3]) return false;
      seen++;
    }
    return true;
  };
  try {
    return walk(stamp.outDir, '') && seen === manifest.size;
  } catch {
    return false;
  }
}
