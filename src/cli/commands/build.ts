/**
 * `warraq build`: validates, repairs and renders every article and writes the site into a temporary folder that replaces _site/ only
 * when the whole build succeeds; content problems are printed with file and line.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import type { Command } from '../command.ts';
import { buildInThread } from '../../output/build-thread.ts';
import { assemble } from '../../output/shard.ts';
import { parseShard } from '../../site/shards.ts';
import { ContentError, formatProblem } from '../../content/errors.ts';
import { createProgress } from '../progress.ts';

const command: Command = {
  summary: 'build the site into _site/ (replaced only when the build succeeds)',
  usage: `Usage: warraq build [--out DIR] [--root DIR]
       warraq build --shard K/N [--out DIR] [--root DIR]
       warraq build --assemble DIR... [--out DIR] [--root DIR]

Validates every article, repairs the Arabic text, renders the pages and writes them to a
temporary folder that replaces _site/ only when everything succeeded.

A large archive can be built by N machines: each builds one shard (--shard 1/N … N/N: a
share of the pages and search index, into _shards/K unless --out says), then --assemble
puts the shard folders together into _site/, byte for byte what one build writes.

Options:
  --out DIR        output folder (default: _site, or paths.output in warraq.config.json)
  --root DIR       project folder (default: the current folder)
  --shard K/N      build shard K of N (1 ≤ K ≤ N ≤ 64)
  --assemble       the arguments are shard folders: check and merge them into the output folder`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, root: { type: 'string' }, shard: { type: 'string' }, assemble: { type: 'boolean' } },
    });
    const root = path.resolve(values.root ?? process.cwd());
    if (values.assemble) {
      try {
        const a = await assemble(
          positionals.map((p) => path.resolve(p)),
          path.resolve(root, values.out ?? loadConfig(root).paths.output),
        );
        process.stdout.write(`Assembled ${a.shards} shards, ${a.files} files in ${(a.ms / 1000).toFixed(2)} s → ${a.outDir}\n`);
        return 0;
      } catch (error) {
        process.stderr.write(`Assemble failed: ${(error as Error).message}\nThe previous site was left as it was.\n`);
        return 1;
      }
    }
    if (positionals.length) {
      process.stderr.write(`warraq build takes no arguments but with --assemble (got ${positionals.join(' ')})\n`);
      return 2;
    }
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (values.shard !== undefined && !shard) {
      process.stderr.write(`--shard ${values.shard}: write it as K/N, e.g. --shard 2/4 (1 ≤ K ≤ N ≤ 64)\n`);
      return 2;
    }
    const progress = createProgress('articles');
    try {
      const s = await buildInThread({
        root,
        outDir: values.out ?? (shard ? path.join('_shards', String(shard.k)) : undefined),
        progress: progress.update,
        removeOldInBackground: true,
        shard,
      });
      progress.done();
      for (const w of s.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
      if (shard) process.stdout.write(`Shard ${shard.k}/${shard.n}: `);
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
