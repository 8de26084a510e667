/**
 * Stage 6: hand the prepared site to Eleventy, which runs the templates in templates/ and writes
 * the output. Articles arrive as global data (not as Markdown files Eleventy would read and
 * render again), so Eleventy does only what it is best at: templates, permalinks, output, serving.
 */
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { SiteData } from './data.ts';
import { dateFilters } from './dates.ts';

export interface EleventySetup {
  root: string;
  /** Returns the current site data; called on every (re)build. */
  site: () => SiteData | Promise<SiteData>;
  stylesheets: () => { ltr: string; rtl: string };
}

export function configureEleventy(setup: EleventySetup) {
  return (cfg: UserConfig) => {
    const { root } = setup;
    cfg.setQuietMode(true);
    cfg.setLayoutsDirectory('_layouts');
    cfg.setIncludesDirectory('_includes');
    cfg.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    cfg.setTemplateFormats(['njk']);
    cfg.setDataDeepMerge(false);
    cfg.addGlobalData('warraq', async () => setup.site());
    cfg.addGlobalData('stylesheets', () => setup.stylesheets());
    cfg.addPassthroughCopy({ [path.join(root, 'public')]: '/' });
    cfg.addPlugin(HtmlBasePlugin);
    for (const [name, fn] of Object.entries(dateFilters)) cfg.addFilter(name, fn);
    cfg.addFilter('json', (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
    cfg.addFilter('absoluteUrl', (url: string, base: string) => new URL(url.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href);
    cfg.addWatchTarget(path.join(root, 'content'));
    cfg.addWatchTarget(path.join(root, 'templates'));
  };
}
