/**
 * `warraq summary`: a Markdown report for a pull request's job summary: the articles changed since a commit with their title, section,
 * the repairs the build will make and lint's findings. Always exits 0 once the report is printed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { loadConfig } from '../../config.ts';
import { readSource } from '../../content/load.ts';
import { parseArticle } from '../../content/parse.ts';
import { articleFilesAt, lintFiles } from '../lint-files.ts';
import { changedArticles, type ChangedFile } from '../changed-files.ts';
import type { LintResult } from '../lint-core.ts';

const usage = `Usage: warraq summary [--changed-since COMMIT] [--preview-url URL] [--root DIR]

Prints a short Markdown report for a pull request's job summary ($GITHUB_STEP_SUMMARY): the
articles changed since COMMIT (added, modified, renamed, deleted) with their title and section,
the repairs the build will make in each, and lint's errors and warnings. Without
--changed-since, every article. Always exits 0 once the report is printed.

Options:
  --changed-since COMMIT  the articles changed since COMMIT (from its merge base with HEAD)
  --preview-url URL       where the built site can be downloaded (a link in the report; empty:
                          no link)
  --root DIR              project folder (default: the current folder)`;

/** Text from an article shown in a Markdown table cell: nothing in it can become markup. */
export function markdownCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

export interface SummaryRow {
  change: ChangedFile;
  title?: string | undefined;
  section?: string | undefined;
  result?: LintResult | undefined;
}

/** The report: a heading, one table row per changed article, the totals and the preview link. */
export function summaryMarkdown(rows: readonly SummaryRow[], previewUrl?: string): string {
  const count = (r: SummaryRow, severity: 'error' | 'warning') => r.result?.issues.filter((i) => i.severity === severity).length ?? 0;
  const total = (f: (r: SummaryRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const repairs = total((r) => r.result?.repairs ?? 0);
  const errors = total((r) => count(r, 'error'));
  const warnings = total((r) => count(r, 'warning'));
  const out = [`### Warraq: ${rows.length} article${rows.length === 1 ? '' : 's'} changed`, ''];
  if (rows.length) {
    out.push('| article | change | section | repairs | errors | warnings |', '| --- | --- | --- | ---: | ---: | ---: |');
    for (const r of rows) {
      const name = r.title ? `${markdownCell(r.title)}<br>${code(r.change.file)}` : code(r.change.file);
      const counted = r.result ? [String(r.result.repairs), String(count(r, 'error')), String(count(r, 'warning'))] : ['', '', ''];
      out.push(`| ${name} | ${r.change.status} | ${r.section ? markdownCell(r.section) : ''} | ${counted.join(' | ')} |`);
    }
    out.push('');
  }
  out.push(
    `**${repairs}** repair${repairs === 1 ? '' : 's'} the build will make, **${errors}** error${errors === 1 ? '' : 's'}, **${warnings}** warning${warnings === 1 ? '' : 's'}.`,
  );
  if (errors)
    out.push('', 'The errors are shown on the lines of the pull request (Files changed); `npx warraq lint --fix` writes the repairs.');
  if (previewUrl)
    out.push(
      '',
      `Preview: ${/^https:\/\/[^\s()<>]+$/.test(previewUrl) ? `[download the built site](${previewUrl})` : code(previewUrl)}, unzip it into a folder and serve it, e.g. \`unzip site-preview-*.zip -d site-preview && python3 -m http.server -d site-preview 8080\`.`,
    );
  return `${out.join('\n')}\n`;
}

/** A path in backticks, with any backtick in it dropped. */
const code = (s: string) => `\`${s.replace(/`/g, '')}\``;

const command: Command = {
  summary: 'a Markdown report of the articles a branch changed (for the pull request job summary)',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { 'changed-since': { type: 'string' }, 'preview-url': { type: 'string' }, root: { type: 'string' } },
    });
    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);
    let changes: ChangedFile[];
    try {
      const since = values['changed-since'];
      changes =
        since !== undefined
          ? changedArticles(root, since, config.paths.content)
          : articleFilesAt(root, [config.paths.content]).map((file) => ({ file, status: 'modified' as const }));
    } catch (error) {
      process.stderr.write(`warraq summary: ${(error as Error).message}\n`);
      return 2;
    }
    const present = changes.filter((c) => c.status !== 'deleted').map((c) => c.file);
    const { results } = lintFiles(root, config, present);
    const byFile = new Map(results.map((r) => [r.file, r]));
    const rows: SummaryRow[] = changes.map((change) => {
      const row: SummaryRow = { change, result: byFile.get(change.file) };
      const source = change.status === 'deleted' ? undefined : readSource(root, change.file);
      if (source?.ok) {
        const parsed = parseArticle(change.file, source.file.text);
        if (parsed.ok) [row.title, row.section] = [parsed.article.frontMatter.title, parsed.article.frontMatter.section];
      }
      return row;
    });
    process.stdout.write(summaryMarkdown(rows, values['preview-url'] || undefined));
    return 0;
  },
};

export default command;
