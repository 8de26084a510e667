import { parseArgs } from 'node:util';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Command } from '../main.ts';
import { loadConfig } from '../../config.ts';
import { prepareSite } from '../../build/pipeline.ts';
import { configureEleventy } from '../../site/eleventy.ts';
import { deriveStylesheets } from '../../site/css.ts';
import { ContentError, formatProblem } from '../../content/errors.ts';
import type { SiteData } from '../../site/data.ts';

const command: Command = {
  summary: 'preview the site with live reload (Eleventy dev server)',
  usage: `Usage: warraq serve [--port 8080] [--root DIR]

Builds the site into _site/ and serves it with Eleventy's dev server. Editing an article,
a template or the stylesheet rebuilds and reloads the browser. Invalid articles are reported
in the terminal and the last good version stays on screen.`,
  async run(args) {
    const { values } = parseArgs({ args, options: { port: { type: 'string', default: '8080' }, root: { type: 'string' } } });
    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);
    let last: SiteData | undefined;
    const site = (): SiteData => {
      try {
        last = prepareSite(root, config).site;
      } catch (error) {
        if (!(error instanceof ContentError) || !last) throw error;
        for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
      }
      return last;
    };
    const stylesheetFile = path.join(root, config.paths.templates, '_styles', 'site.css');
    const elev = new Eleventy(path.join(root, config.paths.templates), path.join(root, config.paths.output), {
      runMode: 'serve',
      quietMode: true,
      pathPrefix: config.site.basePath,
      config: configureEleventy({ root, site, stylesheets: () => deriveStylesheets(stylesheetFile) }),
    });
    await elev.init();
    await elev.watch();
    await elev.serve(Number(values.port));
    process.on('SIGINT', async () => {
      await elev.stopWatch();
      process.exit(0);
    });
    return new Promise<number>(() => {});
  },
};
export default command;
