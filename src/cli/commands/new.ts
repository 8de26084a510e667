/**
 * `warraq new "<title>"`: scaffolds a new article at content/YYYY/MM/<slug>.md with valid front matter and the current date and time
 * in the editor's time zone, and prints its path. Never overwrites a file.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { knownAuthors, knownSections, loadConfig } from '../../config.ts';
import { judgeName } from '../../content/known-names.ts';
import { normalize } from '../../text/normalize.ts';
import { isSafeSlug, slugify } from '../../text/slug.ts';
import { articlePath, articleText, dateProblem, listOption, localIsoDateTime, writeNew, ARTICLE_FIELD_OPTIONS } from '../article-file.ts';

const usage = `Usage: warraq new "<title>" --section NAME [--author NAME]... [--tags A,B] [--lang ar|en]
                  [--summary TEXT] [--date ISO] [--slug SLUG] [--draft] [--root DIR]

Creates content/YYYY/MM/<slug>.md with valid front matter and the current date and time in
your time zone (e.g. 2026-11-29T04:10:00+03:00), and prints its path. Never overwrites a file.

Options:
  --section NAME   the section (required), e.g. سياسة
  --author NAME    a byline; repeat it or separate names with commas (default: WARRAQ_AUTHOR,
                   else git's user.name, else your login name)
  --tags A,B       tags, separated by commas
  --lang ar|en     language of the article (default: ar)
  --summary TEXT   one-sentence summary (default: the title, to be rewritten)
  --date ISO       publication time instead of now, e.g. 2026-11-29T10:00:00+03:00
  --slug SLUG      file name and URL instead of the one made from the title
  --draft          mark the article draft: true (kept out of the build)
  --root DIR       project folder (default: the current folder)`;

const command: Command = {
  summary: 'scaffold a new article: content/YYYY/MM/<slug>.md with valid front matter',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ARTICLE_FIELD_OPTIONS });
    const rawTitle = positionals.join(' ').trim();
    if (!rawTitle) return fail('give the title, e.g. warraq new "عنوان الخبر" --section سياسة');
    const section = values.section?.trim();
    if (!section) return fail('--section is required, e.g. --section سياسة');
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(values.lang)) return fail('--lang must be a language tag such as ar or en');
    const date = values.date ?? localIsoDateTime();
    const bad = dateProblem(date);
    if (bad) return fail(`--date: ${bad}; write it like 2026-11-29T10:00:00+03:00`);
    const authors = listOption([...(values.author ?? []), ...(values.authors ?? [])]);
    if (authors.length === 0) authors.push(defaultAuthor());

    const root = path.resolve(values.root ?? process.cwd());
    const config = loadConfig(root);
    const unknown = unknownNames(section, authors, knownSections(config), knownAuthors(config));
    if (unknown) return fail(unknown);
    const title = normalize(rawTitle, { ...config.normalize, lang: values.lang.split('-')[0]! }).text;
    const slug = values.slug !== undefined ? slugify(values.slug) : slugify(title);
    if (!slug || !isSafeSlug(slug))
      return fail('no file name can be made from the title; pass --slug with a few words in letters and digits');
    const file = articlePath(config.paths.content, date, slug);
    const text = articleText({
      title,
      date,
      section,
      tags: listOption(values.tags),
      authors,
      summary: values.summary?.trim() || title,
      lang: values.lang,
      draft: values.draft,
      body: values.lang.startsWith('ar') ? '<!-- اكتب نص الخبر هنا -->' : '<!-- Write the article here. -->',
    });
    try {
      writeNew(root, file, text);
    } catch (error) {
      return fail((error as Error).message);
    }
    process.stdout.write(`${file}\n`);
    return 0;
  },
};

/** The first of section and authors missing from the configured lists, as a message; undefined when all are listed (or there are no lists). */
export function unknownNames(
  section: string,
  authors: readonly string[],
  sections: readonly string[] | undefined,
  known: readonly string[] | undefined,
): string | undefined {
  const wrongSection = sections && judgeName('section', section, sections);
  if (wrongSection) return `--section: ${wrongSection.message}; ${wrongSection.hint}`;
  for (const author of known ? authors : []) {
    const wrong = judgeName('author', author, known!);
    if (wrong) return `--author: ${wrong.message}; ${wrong.hint}`;
  }
  return undefined;
}

function fail(message: string): number {
  process.stderr.write(`warraq new: ${message}\nRun warraq new --help for the options.\n`);
  return 2;
}

function defaultAuthor(): string {
  if (process.env.WARRAQ_AUTHOR?.trim()) return process.env.WARRAQ_AUTHOR.trim();
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // no git, or no user.name
  }
  return os.userInfo().username;
}

export default command;
