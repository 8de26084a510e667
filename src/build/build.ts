/**
 * `warraq build`: prepare every article (stages 1–5), then let Eleventy write the site into a
 * temporary folder that replaces the output folder only when everything succeeded.
 */
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadConfig, type WarraqConfig } from '../config.ts';
import { prepareSiteParallel, type Progress } from './pipeline.ts';
import { writeAtomically } from './atomic.ts';
import { installNunjucksCompileCache } from './nunjucks-compile-cache.ts';
import { configureEleventy } from '../site/eleventy.ts';
import { deriveStylesheets } from '../site/css.ts';
import { indexSite } from '../site/search.ts';
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
}

export interface BuildSummary {
  articles: number;
  drafts: number;
  pages: number;
  repairs: number;
  warnings: ContentProblem[];
  ms: number;
  outDir: string;
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const config = options.config ?? loadConfig(root);
  const outDir = path.resolve(root, options.outDir ?? config.paths.output);
  const prepared = await prepareSiteParallel(root, config, { progress: options.progress, cache: options.cache, workers: options.workers }); // throws ContentError before anything is written
  const preparedAt = performance.now();
  const stylesheets = deriveStylesheets(path.join(root, config.paths.templates, '_styles', 'site.css'));
  installNunjucksCompileCache();
  const pages = await writeAtomically(outDir, async (tmp) => {
    const elev = new Eleventy(path.join(root, config.paths.templates), tmp, {
      quietMode: true,
      pathPrefix: config.site.basePath,
      config: configureEleventy({ root, site: () => prepared.site, stylesheets: () => stylesheets }),
    });
    const results = (await elev.write()) as unknown as [unknown[], unknown[]] | unknown[];
    await indexSite(tmp, config.site.lang); // search index of the pages just written, swapped in with them
    return countPages(results);
  });
  const timings = { prepareMs: Math.round(preparedAt - started), siteMs: Math.round(performance.now() - preparedAt), cached: prepared.cached, prepared: prepared.prepared };
  if (process.env.WARRAQ_TIMINGS) process.stderr.write(`warraq-timings ${JSON.stringify(timings)}\n`);
  return {
    articles: prepared.site.articles.length,
    drafts: prepared.drafts,
    pages,
    repairs: prepared.repairs,
    warnings: prepared.warnings,
    ms: Math.round(performance.now() - started),
    outDir,
  };
}

function countPages(results: unknown): number {
  // Eleventy 3 resolves write() to [passthroughCopies, templates]; count written templates.
  const flat = (Array.isArray(results) ? results.flat(3) : []) as Array<{ outputPath?: string | false }>;
  return flat.filter((r) => r && typeof r === 'object' && typeof r.outputPath === 'string').length;
}
