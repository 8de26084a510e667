/**
 * Stage 6: hands the prepared site to Eleventy as global data (not Markdown files to read again) for templates, permalinks, output and
 * serving; before each build it processes lead images, copies fonts and the name-key script, and writes /admin/ (admin/write.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { HtmlBasePlugin } from '@11ty/eleventy';
import rssPlugin from '@11ty/eleventy-plugin-rss';
import { dateFilters } from './dates.ts';
import { fontFiles, FONT_URL } from './fonts.ts';
import { NAME_KEY_SCRIPT } from './names.ts';
import { IMAGE_URL, imageCacheDir, processImages, pruneImages, SIZES, type ImageSet } from './images.ts';
import nunjucks from 'nunjucks';
import {
  absoluteHtml,
  articleJsonLd,
  isolateLatin,
  jsonFeed,
  kindName,
  listingTitle,
  readingTime,
  rfc3339,
  scriptJson,
  siteUrl,
} from './filters.ts';
import { everyPage, type Feed, type RenderSelection, type SiteData } from './data.ts';
import type { Article } from '../content/article.ts';
import { indexArticles, placeIndexes } from './search.ts';
import { writeAdmin, type AdminOptions } from './admin/write.ts';

export interface EleventySetup {
  root: string;
  /** Returns the current site data; called on every (re)build. */
  site: () => SiteData | Promise<SiteData>;
  stylesheets: () => { ltr: string; rtl: string };
  /**
   * Which article, home and listing pages to render in this build, once the images are known
   * (the others are already in the output folder: site/page-reuse.ts). Default: all of them.
   */
  select?: ((site: SiteData, images: Record<string, ImageSet>) => RenderSelection) | undefined;
  /**
   * The dev server's search indexes: what preparing an article produced (prepare/site-scan.ts contentKey),
   * so that a rebuild keys each year by it instead of by every article's search document.
   */
  articleKey?: ((article: Article) => string | undefined) | undefined;
  /** The browser editor at /admin/ (admin/write.ts): which local backend `warraq admin` started. */
  admin?: AdminOptions | undefined;
  /** Eleventy's template cache (default on); off when it may hold what an earlier build read (output/template-cache.ts). */
  templateCache?: boolean | undefined;
  /**
   * Keep lead pictures in `.cache/img/` between builds (site/images.ts; default: unless WARRAQ_NO_CACHE is set). Off, they are made in
   * the output folder, and `.cache/img/` is neither read nor written.
   */
  imageCache?: boolean | undefined;
}

export function configureEleventy(setup: EleventySetup) {
  return (cfg: UserConfig) => {
    const { root } = setup;
    let site: SiteData | undefined;
    let images: Record<string, ImageSet> = {};
    const keepImages = setup.imageCache ?? !process.env.WARRAQ_NO_CACHE;
    let imageDir: string | undefined;
    let render: RenderSelection | undefined;
    const current = async (): Promise<SiteData> => (site ??= await setup.site());

    cfg.setQuietMode(true);
    cfg.setLayoutsDirectory('_layouts');
    cfg.setIncludesDirectory('_includes');
    cfg.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    cfg.setTemplateFormats(['njk']);
    cfg.setDataDeepMerge(false);
    if (setup.templateCache === false) cfg.setUseTemplateCache(false);

    cfg.on('eleventy.before', async ({ directories }: { directories: { output: string } }) => {
      site = await setup.site();
      const out = path.resolve(directories.output);
      imageDir = keepImages ? imageCacheDir(path.resolve(root, site.config.paths.cache)) : path.join(out, IMAGE_URL);
      images = await processImages(site.articles, path.resolve(root, site.config.paths.content), imageDir, keepImages ? out : undefined);
      const fonts = path.join(out, FONT_URL);
      mkdirSync(fonts, { recursive: true });
      for (const f of fontFiles()) copyFileSync(f.from, path.join(fonts, f.name));
      writeAdmin(out, site, setup.admin);
      copyFileSync(NAME_KEY_SCRIPT.from, path.join(out, NAME_KEY_SCRIPT.to));
      render = setup.select ? setup.select(site, images) : everyPage(site);
    });
    // `warraq build` indexes the temporary output before its atomic swap (output/build.ts); the dev
    // server (serve/watch) writes straight into _site, so index there after each rebuild.
    cfg.on('eleventy.after', async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
      // (Eleventy emits this only when its write succeeded.)
      if (keepImages && imageDir) pruneImages(images, imageDir);
      if (runMode !== 'build' && site) {
        const cacheDir = path.resolve(root, site.config.paths.cache, 'search');
        const workDir = mkdtempSync(path.join(os.tmpdir(), 'warraq-search-'));
        try {
          placeIndexes(
            await indexArticles(site.articles, { lang: site.config.site.lang, workDir, cacheDir, articleKey: setup.articleKey }),
            path.resolve(directories.output),
          );
        } finally {
          rmSync(workDir, { recursive: true, force: true });
        }
      }
    });
    cfg.addGlobalData('warraq', current);
    cfg.addGlobalData('render', () => render);
    cfg.addGlobalData('images', () => images);
    cfg.addGlobalData('imageSizes', SIZES);
    cfg.addGlobalData('stylesheets', () => setup.stylesheets());
    cfg.addPassthroughCopy({ [path.join(root, 'public')]: '/' });
    cfg.addPlugin(HtmlBasePlugin);
    cfg.addPlugin(rssPlugin);
    for (const [name, fn] of Object.entries(dateFilters)) cfg.addFilter(name, fn);
    cfg.addFilter('json', (value: unknown) => nunjucks.runtime.markSafe(scriptJson(value)));
    cfg.addFilter('feedHtml', (a: Article) => absoluteHtml(a.html, a.url, site!.config.site));
    cfg.addFilter('jsonFeed', (f: Feed) => jsonFeed(f, site!));
    cfg.addFilter('siteUrl', (url: string) => siteUrl(url, site!.config.site));
    cfg.addFilter('isolate', isolateLatin);
    cfg.addFilter('readingTime', readingTime);
    cfg.addFilter('kindName', kindName);
    cfg.addFilter('listingTitle', listingTitle);
    cfg.addFilter('rfc3339', rfc3339);
    cfg.addFilter('articleJsonLd', (a: Article) => articleJsonLd(a, site!, images));
    cfg.addFilter('encodeUri', (url: string) => encodeURI(url));
    cfg.addWatchTarget(path.join(root, 'content'));
    cfg.addWatchTarget(path.join(root, 'templates'));
  };
}
