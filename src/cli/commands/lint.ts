import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config.ts';
import { listArticleFiles, readSource } from '../../content/load.ts';
import { lazyLexicon } from '../../text/lexicon.ts';
import { WordCounts } from '../../text/evidence.ts';
import { urlKey } from '../../text/slug.ts';
import { createProgress } from '../progress.ts';
import { formatIssue, lintSource, type LintResult } from '../lint-core.ts';

const usage = `Usage: warraq lint [paths...] [--fix] [--quiet] [--root DIR]

Checks articles (default: every article under content/) without building: front matter against
the schema, and text damage the normalizer repairs, one line each:

  content/2022/12/putin-minsk-visit.md:14:92  split-word  error: word split where a diacritic was lost  (fix: "تكب دت" → "تكبّدت")

Errors: invalid front matter, words split by lost diacritics, invisible characters, presentation
forms, Persian letters in Arabic. Warnings: quotation style, spacing, punctuation, tatweel, page
furniture. Exits 1 when there is an error, 0 otherwise.

Options:
  --fix        write the repairs into the files; nothing else in them changes (front matter,
               Markdown syntax, line endings)
  --quiet      report errors only
  --root DIR   project folder (default: the current folder)`;

const command: Command = {
  summary: 'check articles: front matter and text damage (--fix repairs the files)',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { fix: { type: 'boolean' }, quiet: { type: 'boolean' }, root: { type: 'string' } } });
    const started = performance.now();
    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);

    // The files to check: articles under each folder given, and each file given.
    const files: string[] = [];
    for (const p of positionals.length ? positionals : [config.paths.content]) {
      const full = path.resolve(root, p);
      if (!existsSync(full)) {
        process.stderr.write(`warraq lint: no such file or folder: ${p}\n`);
        return 2;
      }
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (statSync(full).isDirectory()) files.push(...listArticleFiles(root, relative));
      else if (isArticleName(full)) files.push(relative);
    }
    const unique = [...new Set(files)];

    // Split-word evidence, as in the build: every article of the site, not only those linted.
    const evidence = new WordCounts();
    const sources = new Map<string, string>();
    for (const file of new Set([...listArticleFiles(root, config.paths.content), ...unique])) {
      const r = readSource(root, file);
      if (r.ok) {
        evidence.add(r.file.text);
        sources.set(file, r.file.text);
      }
    }
    const options = {
      normalize: { ...config.normalize, lexicon: lazyLexicon, evidence },
      imageExists: (src: string) => existsSync(path.join(root, config.paths.content, src)),
    };

    const progress = createProgress('files');
    const results: LintResult[] = [];
    let fixedRepairs = 0;
    let fixedFiles = 0;
    unique.forEach((file, i) => {
      progress.update(i + 1, unique.length);
      const text = sources.get(file);
      if (text === undefined) {
        const r = readSource(root, file);
        const p = r.ok ? undefined : r.problem;
        results.push({ file, issues: [{ line: p?.line ?? 1, column: 1, rule: 'encoding', severity: 'error', message: p?.message ?? 'cannot read the file', fix: p?.hint ?? '', fixable: false }], fixed: '', repairs: 0, valid: false });
        return;
      }
      let result = lintSource(file, text, options);
      if (values.fix && result.fixed !== text) {
        writeFileSync(path.join(root, file), result.fixed);
        fixedRepairs += result.issues.filter((x) => x.fixable).length;
        fixedFiles++;
        result = lintSource(file, result.fixed, options);
      }
      results.push(result);
    });
    progress.done();

    // Two articles with one URL would overwrite each other's page.
    const byUrl = new Map<string, string>();
    for (const r of results) {
      if (!r.url) continue;
      const key = urlKey(r.url);
      const other = byUrl.get(key);
      if (other) r.issues.push({ line: 2, column: 1, rule: 'front-matter', severity: 'error', message: `slug: same URL ${r.url} as ${other}`, fix: 'give one of them a different slug: in its front matter', fixable: false });
      else byUrl.set(key, r.file);
    }

    let errors = 0;
    let warnings = 0;
    let repairs = 0;
    const out: string[] = [];
    for (const r of results) {
      repairs += r.repairs;
      for (const issue of r.issues) {
        if (issue.severity === 'error') errors++;
        else warnings++;
        if (issue.severity === 'error' || !values.quiet) out.push(formatIssue(r.file, issue));
      }
    }
    if (out.length) process.stdout.write(`${out.join('\n')}\n\n`);
    const articles = results.filter((r) => r.valid).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const fixed = values.fix ? `, ${fixedRepairs} repairs written to ${fixedFiles} files` : '';
    process.stdout.write(`Linted ${results.length} files (${articles} valid articles): ${errors} errors, ${warnings} warnings, ${repairs} repairs to make${fixed} in ${seconds} s\n`);
    if (errors && !values.fix && results.some((r) => r.issues.some((x) => x.fixable))) process.stdout.write('Run warraq lint --fix to write the repairs into the files.\n');
    return errors ? 1 : 0;
  },
};

function isArticleName(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md';
}

export default command;
