/**
 * `warraq serve`: builds the site into _site/ and serves it with Eleventy's dev server; an edited article, template or stylesheet
 * rebuilds and reloads the browser, and an invalid article is reported while the last good version stays on screen.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config.ts';
import { prepareSite } from '../../prepare/prepare-in-thread.ts';
import type { PrepareSiteResult } from '../../prepare/site-scan.ts';
import { configureEleventy } from '../../site/eleventy.ts';
import { deriveStylesheets } from '../../site/css.ts';
import { ContentError, formatProblem } from '../../content/errors.ts';
import { buildSiteData, type SiteData } from '../../site/data.ts';
import { loadLexicon } from '../../store/lexicon.ts';

const command: Command = {
  summary: 'preview the site with live reload (Eleventy dev server)',
  usage: `Usage: warraq serve [--port 8080] [--root DIR] [--local-backend URL]

Builds the site into _site/ and serves it with Eleventy's dev server. Editing an article,
a template or the stylesheet rebuilds and reloads the browser. Invalid articles are reported
in the terminal and the last good version stays on screen. --local-backend names the Decap CMS
local backend /admin/ writes through (warraq admin starts one and passes it).`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '8080' }, root: { type: 'string' }, 'local-backend': { type: 'string' } },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      process.stderr.write(`warraq serve: --port must be a number from 1 to 65535\n`);
      return 2;
    }
    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);
    // Prepared afresh for every (re)build: Eleventy calls site() before each one. A bad edit is
    // reported and the last good site stays on screen until the article is fixed.
    let last: SiteData | undefined;
    let prepared: PrepareSiteResult | undefined;
    let fresh = false; // the first build uses the site prepared at start-up
    const site = (): SiteData => {
      if (fresh) {
        fresh = false;
        return last!;
      }
      try {
        prepared = prepareSite(root, config);
        last = buildSiteData(prepared.articles, config);
      } catch (error) {
        if (!(error instanceof ContentError) || !last) throw error;
        for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write('The preview keeps the last good version until this is fixed.\n');
      }
      return last;
    };
    try {
      site();
      fresh = true;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
      process.stderr.write(
        `\nCannot start the preview: ${error.problems.length} problem(s) in content. Fix them (warraq lint shows them all) and run warraq serve again.\n`,
      );
      return 1;
    }
    // Load the lexicon now, not on the first edit: the first rebuild after a change is then as quick as the rest.
    loadLexicon();
    const stylesheetFile = path.join(root, config.paths.templates, '_styles', 'site.css');
    const elev = new Eleventy(path.join(root, config.paths.templates), path.join(root, config.paths.output), {
      runMode: 'serve',
      quietMode: true,
      pathPrefix: config.site.basePath,
      config: configureEleventy({
        root,
        site,
        stylesheets: () => deriveStylesheets(stylesheetFile),
        articleKey: (a) => prepared?.contentKey(a),
        admin: { localBackend: values['local-backend'] },
      }),
    });
    await elev.init();
    await elev.watch();
    await elev.serve(port);
    process.stderr.write(
      `Previewing ${last!.articles.length} articles at http://localhost:${port}${config.site.basePath} (Ctrl+C to stop)\n`,
    );
    const stop = async () => {
      await elev.stopWatch();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {});
  },
};
export default command;
