/**
 * `warraq build`: prepare every article (stages 1–5), then let Eleventy write the site (or one shard of it) into a temporary folder
 * that replaces the output folder only when everything succeeded; or, when the last output is as its stamp says, write only the
 * pages that changed and commit them into it in place (in-place.ts).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type WarraqConfig } from '../config.ts';
import { prepareSiteParallel, type PrepareSiteResult, type Progress } from '../prepare/prepare-site.ts';
import {
  inputFingerprint,
  inputFingerprints,
  outputIntact,
  outputManifest,
  readStamp,
  STAMP_FILES,
  stampIdentity,
  treeDigest,
  writeStamp,
  type KnownFiles,
  type ManifestEntry,
  type Stamp,
  type StampSummary,
} from '../store/stamp.ts';
import { unchangedSources, type SourcesSeen } from '../prepare/site-scan.ts';
import { RelatedCache } from '../store/related-cache.ts';
import { PageDigestCache } from '../store/page-digests.ts';
import { removeTree, writeAtomically } from './swap.ts';
import { finishInterruptedCommit, updateInPlace, type CommitPlan, type InPlaceOptions } from './in-place.ts';
import { checkOutputBeside } from './output-check.ts';
import { collectGarbage } from './collect-garbage.ts';
import { mayUseTemplateCache } from './template-cache.ts';
import {
  globalRenderKey,
  keepReused,
  linkReused,
  pageKeys,
  planReuse,
  type PageIndex,
  type ReusePlan,
  type WrittenPage,
} from '../site/page-reuse.ts';
import { buildSiteData, everyPage, pageCount, sliceSelection, type RenderSelection, type SiteData } from '../site/data.ts';
import type { ImageSet } from '../site/images.ts';
import { indexArticles, keptIndexFiles, locatePagefind, placeIndex, type SearchIndexes } from '../site/search.ts';
import { searchChunks } from '../site/search-chunks.ts';
import { planShard, type ShardPlan } from '../site/shards.ts';
import { finishShard } from './shard.ts';
import { availableCores } from '../cores.ts';
import type { ContentProblem } from '../content/errors.ts';

export interface BuildOptions {
  root: string;
  /** Output folder; default from config (`_site`). */
  outDir?: string | undefined;
  config?: WarraqConfig | undefined;
  progress?: Progress | undefined;
  /** Use the `.cache/` of prepared articles (default true; WARRAQ_NO_CACHE=1 turns it off). */
  cache?: boolean | undefined;
  /** Worker threads for uncached articles (default: one per core when many need preparing; 0: none). */
  workers?: number | undefined;
  /** Paginated pages Eleventy writes per run (default WARRAQ_PAGES_PER_RUN, else 4,000; see build()). */
  pagesPerRun?: number | undefined;
  /** Return once the new site is in place, leaving the old one's removal to a detached process (swap.ts; the command line). */
  removeOldInBackground?: boolean | undefined;
  /**
   * Build shard k of n into the output folder (shard.ts): its article, home and listing pages, its
   * search chunks, and, shard 1 only, the files of the whole site; `assemble` puts the shards together.
   */
  shard?: { k: number; n: number } | undefined;
  /** Tests: called after each step of an in-place commit; a throw there stops the commit as a kill would (in-place.ts). */
  onCommitStep?: InPlaceOptions['onCommitStep'];
}

export interface BuildSummary {
  articles: number;
  drafts: number;
  pages: number;
  repairs: number;
  /** Gaps left that could be a lost mark, for the editor (`warraq lint` lists them). */
  possibleSplits: number;
  warnings: ContentProblem[];
  ms: number;
  outDir: string;
  /** Article and listing pages linked from the last output instead of rendered (site/page-reuse.ts). */
  pagesReused: number;
  /** Articles prepared in this build, and articles taken from `.cache/` as they were. */
  prepared: number;
  cached: number;
  /** Search chunks whose index was made in this build, and chunks whose index was kept. */
  searchChunks: { indexed: number; reused: number };
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const config = options.config ?? loadConfig(root);
  const outDir = path.resolve(root, options.outDir ?? config.paths.output);
  const useCache = options.cache ?? !process.env.WARRAQ_NO_CACHE;
  const cacheRoot = path.join(root, config.paths.cache);
  const templatesDir = path.join(root, config.paths.templates);
  const templates = treeDigest(templatesDir);
  // A commit a killed build left half done is finished before anything looks at the output or its stamp.
  await finishInterruptedCommit(outDir, cacheRoot);
  // Every article file as the source index has it, the other inputs and the output as the stamp has them: nothing to
  // prepare or write (docs/cache.md, note 6). Any doubt falls through to the build, which makes the same check after preparing.
  let stamp: Stamp | undefined;
  let seen: SourcesSeen | undefined;
  if (useCache && !options.shard) {
    const { hash: sources, seen: found } = unchangedSources(root, config);
    seen = found;
    if (sources !== undefined) {
      stamp = readStamp(cacheRoot, { pageIndex: false });
      const last = stamp?.summary;
      if (
        last &&
        stamp!.inputs === inputFingerprint(root, config, outDir, sources, templates) &&
        stamp!.outDir === outDir &&
        outputIntact(stamp!)
      ) {
        const ms = Math.round(performance.now() - started);
        report({ prepareMs: ms, siteMs: 0, cached: last.articles + last.drafts, prepared: 0, unchanged: 1, sourcesOnly: 1 });
        return {
          ...last,
          warnings: last.warnings as ContentProblem[],
          pages: stamp!.pages,
          ms,
          outDir,
          pagesReused: stamp!.pages,
          prepared: 0,
          cached: last.articles + last.drafts,
          searchChunks: { indexed: 0, reused: 0 },
        };
      }
    }
  }
  locatePagefind().catch(() => {}); // (its failure is reported when the search runs)
  // Whether the last output is as its stamp says (to update it in place, or to write nothing) is made out beside the prepare stage.
  const outputCheck = useCache && !options.shard ? checkOutputBeside(cacheRoot, outDir) : undefined;
  // (throws ContentError before anything is written)
  const prepared = await prepareSiteParallel(root, config, {
    progress: options.progress,
    cache: options.cache,
    workers: options.workers,
    deferCacheSave: true,
    heads: options.shard !== undefined,
    seen,
  });
  seen = undefined;
  // A shard works out the whole site from every article's head, then prepares the bodies it needs.
  let site: SiteData | undefined;
  let shard: ShardPlan | undefined;
  if (options.shard) {
    site = buildSiteData(prepared.articles, config);
    shard = planShard(site, searchChunks(site.articles), options.shard.k, options.shard.n);
    // (the heads' preparation leaves V8's heap sized by its peak, and the bodies' would pile garbage up to it: collect-garbage.ts)
    collectGarbage();
    await prepared.addBodies!(shard.bodies);
  }
  const preparedAt = performance.now();
  const [fingerprint = '', inputs = ''] =
    useCache && !shard ? inputFingerprints(root, config, outDir, [prepared.articlesHash, prepared.sourcesHash], templates) : [];
  const stampSummary: StampSummary = {
    articles: prepared.articleCount,
    drafts: prepared.drafts,
    repairs: prepared.repairs,
    possibleSplits: prepared.possibleSplits,
    warnings: prepared.warnings,
  };
  // (read again with its page index when the check above read it without)
  let stampRead: string | undefined;
  if (useCache && !shard) {
    stampRead = stampIdentity(cacheRoot);
    stamp = readStamp(cacheRoot);
  }
  // The last output as its stamp says, every file: the same output when nothing changed, else one to update in place. (The check
  // made beside the prepare stage counts when it was made against the stamp read here.)
  const checked = await outputCheck;
  const intact =
    stamp !== undefined &&
    stamp.outDir === outDir &&
    (checked !== undefined && checked.stamp === stampRead ? checked.intact : outputIntact(stamp));
  if (stamp && stamp.fingerprint === fingerprint && intact) {
    // Same inputs as the last build, and its output untouched: nothing to write. (A stamp written before it kept
    // its inputs and summary gets them, so that the next build can tell before preparing.)
    prepared.saveCache();
    if (stamp.inputs !== inputs || JSON.stringify(stamp.summary) !== JSON.stringify(stampSummary))
      writeStamp(cacheRoot, { ...stamp, inputs, summary: stampSummary });
    report({
      prepareMs: Math.round(preparedAt - started),
      siteMs: Math.round(performance.now() - preparedAt),
      cached: prepared.cached,
      prepared: prepared.prepared,
      unchanged: 1,
    });
    return summary(prepared, stamp.pages, started, outDir, stamp.pages, { indexed: 0, reused: 0 });
  }
  // Loaded only now: a build that finds nothing changed never needs Eleventy (half a second to
  // load). Started here, awaited when Eleventy runs.
  // Without this, Eleventy registers a module resolver hook (to reload changed JavaScript data
  // and configuration files in watch mode), which on Node 20 runs on a thread of its own that
  // every later import waits for: a fifth of Eleventy's loading, and nothing a build needs.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
  const eleventyLoaded = Promise.all([import('@11ty/eleventy'), import('../site/eleventy.ts')]);
  eleventyLoaded.catch(() => {}); // awaited in renderSite
  const stage = { eleventyMs: 0, searchMs: 0, searchWaitMs: 0, searchYearsIndexed: 0, searchYearsReused: 0, pagesReused: 0 };
  let pageIndex: PageIndex | undefined;
  let knownFiles: KnownFiles | undefined;
  let pages = 0;
  let shardPages: WrittenPage[] = [];
  // In place: only what Eleventy renders and the search chunks that changed are written (into a staging folder, `tmp` below);
  // the pages reused and the chunks kept are the last output's files, where they are.
  const inPlace = intact && stamp!.pageIndex !== undefined;
  const keptFiles: ManifestEntry[] = [];
  const lastChunks = inPlace ? chunkFiles(stamp!.manifest) : new Map<string, ManifestEntry[]>();
  const write = async (tmp: string) => {
    // The search indexes are built from the prepared articles (site/search.ts), by Pagefind
    // processes that run while Eleventy renders on this thread; they join the output at the end.
    // Their scratch folder is named like the output's own temporary folder, so a killed build's
    // is removed with it by the next build (swap.ts).
    const searchWork = `${tmp}-search`;
    const searchStarted = performance.now();
    const stopSearch = new AbortController();
    let rendered!: () => void;
    const renderDone = new Promise<void>((resolve) => (rendered = resolve));
    // Each year's index is linked into the output as soon as it is there (the reused ones at once),
    // with its files' manifest entries when they are known without a stat.
    const searchFiles: KnownFiles = { entries: new Map(), folders: new Set() };
    const place = (year: string, folder: string) => {
      if (inPlace) {
        const kept = keptIndexFiles(year, folder);
        if (kept && sameEntries(kept, lastChunks.get(year))) {
          for (const m of kept) keptFiles.push(m);
          return;
        }
      }
      const files = placeIndex(year, folder, tmp);
      if (!files) return;
      for (const f of files) searchFiles.entries.set(f[0], f);
      searchFiles.folders.add(path.join('pagefind', year));
    };
    // (its import started with the build; once it is done, Pagefind starts within the call below)
    await locatePagefind().catch(() => undefined);
    const search = indexArticles(prepared.articles, {
      lang: config.site.lang,
      workDir: searchWork,
      cacheDir: useCache ? path.join(cacheRoot, 'search') : undefined,
      articleKey: prepared.contentKey,
      // One core is Eleventy's until it is done.
      concurrency: Math.max(1, availableCores() - 1),
      widenWhen: renderDone,
      signal: stopSearch.signal,
      onIndex: place,
      chunks: shard?.chunks,
    }).then((indexes) => {
      stage.searchMs = Math.round(performance.now() - searchStarted);
      return indexes;
    });
    // Awaited below, after Eleventy; a failed render must not leave it rejected and unheard.
    search.catch(() => {});
    // Pagefind has been started on the changed years: the cache is saved while it runs.
    prepared.saveCache();
    try {
      await renderSite(tmp);
      rendered();
      const waitStarted = performance.now();
      const indexes: SearchIndexes = await search;
      stage.searchWaitMs = Math.round(performance.now() - waitStarted);
      stage.searchYearsIndexed = indexes.indexed.length;
      stage.searchYearsReused = indexes.reused.length;
      if (!knownFiles) knownFiles = searchFiles;
      else {
        for (const [file, entry] of searchFiles.entries) knownFiles.entries.set(file, entry);
        for (const folder of searchFiles.folders) knownFiles.folders.add(folder);
      }
    } catch (error) {
      stopSearch.abort(); // the build has failed: its indexes are not wanted
      throw error;
    } finally {
      rendered(); // (after the abort when the build failed: the widened workers then start nothing)
      await search.catch(() => undefined);
      await removeTree(searchWork);
    }
    if (shard) {
      const inputs = inputFingerprint(root, { ...config, shards: 1 }, '', prepared.sourcesHash, templates);
      pages = finishShard(tmp, shard, inputs, shardPages);
    }
  };
  // The new output's manifest: the files kept as the last one recorded them, and those staged; the new stamp is written beside the
  // cache's and moved over it by the commit, after the output.
  const commitPlan = (staged: ManifestEntry[]): CommitPlan => {
    const next = new Map<string, ManifestEntry>();
    for (const m of keptFiles) next.set(m[0], m);
    for (const m of staged) next.set(m[0], m);
    const manifest = [...next.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const staging = path.join(cacheRoot, 'last-build.staged');
    rmSync(staging, { recursive: true, force: true });
    writeStamp(staging, { fingerprint, inputs, summary: stampSummary, outDir, pages, manifest, pageIndex });
    return {
      deletions: stamp!.manifest.filter((m) => !next.has(m[0])).map((m) => m[0]),
      cacheFiles: { from: staging, to: cacheRoot, names: [...STAMP_FILES] },
    };
  };
  if (inPlace)
    await updateInPlace(outDir, write, commitPlan, {
      onCommitStep: options.onCommitStep,
      removeOldInBackground: options.removeOldInBackground,
    });
  else
    await writeAtomically(outDir, write, {
      afterSwap: () => {
        if (useCache && !shard)
          writeStamp(cacheRoot, {
            fingerprint,
            inputs,
            summary: stampSummary,
            outDir,
            pages,
            manifest: outputManifest(outDir, knownFiles),
            pageIndex,
          });
      },
      removeInBackground: options.removeOldInBackground,
    });
  report({
    prepareMs: Math.round(preparedAt - started),
    siteMs: Math.round(performance.now() - preparedAt),
    ...stage,
    cached: prepared.cached,
    prepared: prepared.prepared,
    unchanged: 0,
  });
  return summary(prepared, pages, started, outDir, stage.pagesReused, {
    indexed: stage.searchYearsIndexed,
    reused: stage.searchYearsReused,
  });

  async function renderSite(tmp: string): Promise<void> {
    // Listings and related articles are worked out only now (but for a shard): a build that finds nothing changed never needs them.
    // (rtlcss and PostCSS are loaded only by a build that renders)
    const { deriveStylesheets } = await import('../site/css.ts');
    const stylesheets = deriveStylesheets(path.join(root, config.paths.templates, '_styles', 'site.css'));
    const [{ default: Eleventy }, { configureEleventy }] = await eleventyLoaded;
    const templateCache = mayUseTemplateCache(templatesDir, `${templates}\0${JSON.stringify(config)}`);
    const eleventyStarted = performance.now();
    // Article and listing pages whose inputs are unchanged come from the last output (site/page-reuse.ts).
    let plan: ReusePlan | undefined;
    let selection: RenderSelection | undefined;
    let run = 0;
    const perRun = Math.max(1, options.pagesPerRun ?? (Number(process.env.WARRAQ_PAGES_PER_RUN) || PAGES_PER_RUN));
    const select = (site: SiteData, images: Record<string, ImageSet>): RenderSelection => {
      if (!selection) {
        if (shard) selection = shard.pages;
        else if (useCache) {
          const keys = pageKeys(
            site,
            images,
            globalRenderKey(config, site, templates),
            prepared.contentKey,
            new PageDigestCache(cacheRoot),
          );
          plan = planReuse(site, keys, stamp?.outDir === outDir ? stamp : undefined, { outputVerified: inPlace });
          selection = plan.selection;
        } else selection = everyPage(site);
      }
      return sliceSelection(selection, run * perRun, perRun);
    };
    // Eleventy keeps every page it writes in memory until its run ends: a large site is written in
    // several runs of at most PAGES_PER_RUN paginated pages each, of all kinds together (the other
    // templates, a handful, are written by every run, with the same bytes).
    const writtenPages = new Map<string, WrittenPage>();
    const eleventyRun = async (): Promise<WrittenPage[]> => {
      // In a function of its own: Eleventy's results hold every page it wrote, and a variable of
      // build() itself would keep them alive (a suspended async function keeps its registers) until
      // the build ends. Only the URLs and paths leave this function.
      const elev = new Eleventy(path.join(root, config.paths.templates), tmp, {
        quietMode: true,
        pathPrefix: config.site.basePath,
        config: configureEleventy({
          root,
          site: () => (site ??= buildSiteData(prepared.articles, config, { related: useCache ? new RelatedCache(cacheRoot) : undefined })),
          stylesheets: () => stylesheets,
          select,
          templateCache,
          imageCache: useCache,
        }),
      });
      return written(await elev.write()).map((r) => ({ url: r.url, outputPath: r.outputPath }));
    };
    do {
      // See collect-garbage.ts: the garbage of the last run, or of preparing many articles. After a
      // small prepare (an edit: the cached articles read, one prepared) it is not worth the half
      // second a full collection of that heap takes.
      if (run > 0 || prepared.prepared >= COLLECT_AFTER_PREPARING) collectGarbage();
      for (const r of await eleventyRun()) writtenPages.set(String(r.outputPath), r);
      run++;
    } while (selection && run < runsFor(selection, perRun));
    if (plan && inPlace) {
      const reuse = keepReused(plan, [...writtenPages.values()], tmp);
      pageIndex = reuse.index;
      for (const m of reuse.kept) keptFiles.push(m);
      stage.pagesReused = reuse.kept.length;
    } else if (plan) {
      const reuse = linkReused(plan, [...writtenPages.values()], tmp);
      pageIndex = reuse.index;
      knownFiles = reuse.known;
      stage.pagesReused = reuse.linked;
    }
    stage.eleventyMs = Math.round(performance.now() - eleventyStarted);
    pages = writtenPages.size + stage.pagesReused;
    if (shard) shardPages = [...writtenPages.values()];
  }
}

/** WARRAQ_TIMINGS=1: one line of stage timings on stderr (read by scripts/bench.ts). */
function report(timings: Record<string, number>): void {
  if (process.env.WARRAQ_TIMINGS) process.stderr.write(`warraq-timings ${JSON.stringify(timings)}\n`);
}

function summary(
  prepared: PrepareSiteResult,
  pages: number,
  started: number,
  outDir: string,
  pagesReused: number,
  searchChunks: BuildSummary['searchChunks'],
): BuildSummary {
  return {
    articles: prepared.articleCount,
    drafts: prepared.drafts,
    pages,
    repairs: prepared.repairs,
    possibleSplits: prepared.possibleSplits,
    warnings: prepared.warnings,
    ms: Math.round(performance.now() - started),
    outDir,
    pagesReused,
    prepared: prepared.prepared,
    cached: prepared.cached,
    searchChunks,
  };
}

/** Eleventy 3 resolves write() to [passthroughCopies, templates]: the templates written. */
function written(results: unknown): WrittenPage[] {
  const flat = (Array.isArray(results) ? results.flat(3) : []) as WrittenPage[];
  return flat.filter((r) => r && typeof r === 'object' && typeof r.outputPath === 'string');
}

/** The last manifest's entries of each search chunk's index (`pagefind/<chunk>/…`), by chunk. */
function chunkFiles(manifest: readonly ManifestEntry[]): Map<string, ManifestEntry[]> {
  const byChunk = new Map<string, ManifestEntry[]>();
  for (const m of manifest) {
    const parts = m[0].split(path.sep);
    if (parts.length < 3 || parts[0] !== 'pagefind') continue;
    let list = byChunk.get(parts[1]!);
    if (!list) byChunk.set(parts[1]!, (list = []));
    list.push(m);
  }
  return byChunk;
}

/** The same files with the same size, mtime and inode (a kept index placed before is those very files). */
function sameEntries(a: readonly ManifestEntry[], b: readonly ManifestEntry[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  const byPath = new Map(b.map((m) => [m[0], m]));
  return a.every((m) => {
    const o = byPath.get(m[0]);
    return o !== undefined && o[1] === m[1] && o[2] === m[2] && o[3] === m[3];
  });
}

/** Paginated pages per Eleventy run (see the loop in build()). */
const PAGES_PER_RUN = 4000;
/** Articles prepared in this build from which the garbage they leave is collected before Eleventy runs. */
const COLLECT_AFTER_PREPARING = 1000;

function runsFor(s: RenderSelection, perRun: number): number {
  return Math.max(1, Math.ceil(pageCount(s) / perRun));
}
