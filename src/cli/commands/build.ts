/**
 * `warraq build`: validates, repairs and renders every article and writes the site into a temporary folder that replaces _site/ only
 * when the whole build succeeds; content problems are printed with file and line.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { build } from '../../output/build.ts';
import { ContentError, formatProblem } from '../../content/errors.ts';
import { createProgress } from '../progress.ts';

const command: Command = {
  summary: 'build the site into _site/ (replaced only when the build succeeds)',
  usage: `Usage: warraq build [--out DIR] [--root DIR]

Validates every article, repairs the Arabic text, renders the pages and writes them to a
temporary folder that replaces _site/ only when everything succeeded.

Options:
  --out DIR    output folder (default: _site, or paths.output in warraq.config.json)
  --root DIR   project folder (default: the current folder)`,
  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, root: { type: 'string' } } });
    const progress = createProgress('articles');
    try {
      const s = await build({
        root: values.root ?? process.cwd(),
        outDir: values.out,
        progress: progress.update,
        removeOldInBackground: true,
      });
      progress.done();
      for (const w of s.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
      process.stdout.write(
        `Built ${s.articles} articles (${s.drafts} drafts skipped), ${s.pages} pages, ${s.repairs} repairs, ${s.possibleSplits} possible split words (see warraq lint), ${s.warnings.length} warnings in ${(s.ms / 1000).toFixed(2)} s → ${s.outDir}\n`,
      );
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof ContentError) {
        for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.stderr.write(`\nBuild failed: ${error.problems.length} problem(s); the previous site was left as it was.\n`);
        return 1;
      }
      process.stderr.write(`Build failed: ${(error as Error).message}\nThe previous site was left as it was.\n`);
      if (process.env.WARRAQ_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      return 1;
    }
  },
};
export default command;
