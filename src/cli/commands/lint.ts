/**
 * `warraq lint [paths...]`: checks articles' front matter and text damage (all, the given paths, or those changed since a commit) and
 * prints findings as text, GitHub annotations or JSON; `--fix` writes the repairs into the files.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config.ts';
import { createProgress } from '../progress.ts';
import { articleFilesAt, lintFiles } from '../lint-files.ts';
import { changedArticles } from '../changed-files.ts';
import { formatFindings, LINT_FORMATS, type LintFormat } from '../lint-format.ts';

const usage = `Usage: warraq lint [paths...] [--fix] [--quiet] [--format text|github|json]
                   [--changed-since COMMIT] [--root DIR]

Checks articles (default: every article under content/) without building: front matter against
the schema and the configured sections and authors, and text damage the normalizer repairs, one
line each:

  content/2022/12/putin-minsk-visit.md:14:92  split-word  error: word split where a diacritic was lost  (fix: "تكب دت" → "تكبّدت")

Errors: invalid front matter, a section or author not in warraq.config.json's lists, words split
by lost diacritics, invisible characters, presentation forms, Persian letters in Arabic.
Warnings: quotation style, spacing, punctuation, tatweel, page furniture. Exits 1 when there is
an error, 0 otherwise.

Options:
  --fix                   write the repairs into the files; nothing else in them changes (front
                          matter, Markdown syntax, line endings)
  --quiet                 report errors only
  --format FORMAT         text (default); github: GitHub workflow commands, shown on the pull
                          request's lines (::error file=…,line=…,col=…,title=…::…); json: an array
                          of {file, line, column, severity, rule, message, fix} and nothing else
  --changed-since COMMIT  only the articles changed since COMMIT (from its merge base with HEAD)
  --root DIR              project folder (default: the current folder)`;

const command: Command = {
  summary: 'check articles: front matter and text damage (--fix repairs the files)',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        fix: { type: 'boolean' },
        quiet: { type: 'boolean' },
        format: { type: 'string', default: 'text' },
        'changed-since': { type: 'string' },
        root: { type: 'string' },
      },
    });
    const format = values.format as LintFormat;
    if (!LINT_FORMATS.includes(format)) {
      process.stderr.write(`warraq lint: --format must be one of ${LINT_FORMATS.join(', ')}\n`);
      return 2;
    }
    const started = performance.now();
    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);

    let files: string[];
    try {
      files = articleFilesAt(root, positionals.length ? positionals : [config.paths.content]);
      const since = values['changed-since'];
      if (since !== undefined) {
        const changed = new Set(
          changedArticles(root, since, config.paths.content)
            .filter((c) => c.status !== 'deleted')
            .map((c) => c.file),
        );
        files = files.filter((f) => changed.has(f));
      }
    } catch (error) {
      process.stderr.write(`warraq lint: ${(error as Error).message}\n`);
      return 2;
    }

    const progress = createProgress('files');
    const { results, fixedRepairs, fixedFiles } = lintFiles(root, config, files, {
      fix: values.fix,
      onFile: (done, total) => progress.update(done, total),
    });
    progress.done();

    let errors = 0;
    let warnings = 0;
    let repairs = 0;
    for (const r of results) {
      repairs += r.repairs;
      for (const issue of r.issues) {
        if (issue.severity === 'error') errors++;
        else warnings++;
      }
    }
    const printed = formatFindings(results, format, values.quiet);
    if (format === 'json') {
      process.stdout.write(printed);
      return errors ? 1 : 0;
    }
    if (printed) process.stdout.write(format === 'text' ? `${printed}\n` : printed);
    const articles = results.filter((r) => r.valid).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const fixed = values.fix ? `, ${fixedRepairs} repairs written to ${fixedFiles} files` : '';
    process.stdout.write(
      `Linted ${results.length} files (${articles} valid articles): ${errors} errors, ${warnings} warnings, ${repairs} repairs to make${fixed} in ${seconds} s\n`,
    );
    if (errors && !values.fix && results.some((r) => r.issues.some((x) => x.fixable)))
      process.stdout.write('Run warraq lint --fix to write the repairs into the files.\n');
    return errors ? 1 : 0;
  },
};

export default command;
