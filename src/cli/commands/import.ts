/**
 * `warraq import <file | ->`: turns raw wire copy into a repaired article (first line the title, page furniture dropped) written as
 * content/YYYY/MM/<slug>.md, never overwriting; asks for a missing date, section or author only on an interactive terminal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { knownAuthors, knownSections, loadConfig, type WarraqConfig } from '../../config.ts';
import { judgeName, type KnownNames } from '../../content/known-names.ts';
import { listArticleFiles, readSource } from '../../content/load.ts';
import { dropFurniture } from '../../text/furniture.ts';
import { normalize } from '../../text/normalize.ts';
import { lazyLexicon } from '../../store/lexicon.ts';
import { lazyQuran } from '../../store/quran.ts';
import { WordCounts } from '../../text/evidence.ts';
import { isSafeSlug, slugify } from '../../text/slug.ts';
import { articlePath, articleText, dateProblem, listOption, localIsoDateTime, writeNew, ARTICLE_FIELD_OPTIONS } from '../article-file.ts';

const usage = `Usage: warraq import <file | -> [--date ISO] [--section NAME] [--author NAME]...
                     [--tags A,B] [--lang ar|en] [--summary TEXT] [--slug SLUG] [--draft] [--root DIR]

Turns raw wire copy into an article: the first line is the title, the rest are paragraphs (one a
line, or separated by blank lines); page furniture scraped at the end ("Related posts", "Top",
"اقرأ أيضا" …) is dropped; title and body are repaired by the normalizer. Writes
content/YYYY/MM/<slug>.md (never overwriting) and prints its path. Reads stdin with "-".

--date, --section and --author are asked for when missing and the terminal is interactive;
otherwise they are required.

Options:
  --date ISO       publication time, e.g. 2022-12-19T18:30:00+03:00 ("now" for the current time)
  --section NAME   the section, e.g. سياسة
  --author NAME    a byline; repeat it or separate names with commas
  --tags A,B       tags, separated by commas
  --lang ar|en     language of the article (default: ar)
  --summary TEXT   one-sentence summary (default: the first sentence of the body)
  --slug SLUG      file name and URL instead of the one made from the title
  --draft          mark the article draft: true
  --root DIR       project folder (default: the current folder)`;

export interface WireCopy {
  title: string;
  paragraphs: string[];
  /** Furniture lines dropped from the end. */
  dropped: string[];
}

/** Splits raw wire copy: first non-blank line = title, each further non-blank line = a paragraph. */
export function splitWireCopy(raw: string): WireCopy {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { title: '', paragraphs: [], dropped: [] };
  const rest = dropFurniture(lines.slice(first + 1).join('\n'));
  const paragraphs = rest.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { title: lines[first]!.trim(), paragraphs, dropped: rest.removed.map((r) => r.text.trim()) };
}

/** Characters that would turn plain text into Markdown syntax, escaped. */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/[\\`*_[\]<]/g, (c) => `\\${c}`)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** First sentence of the first paragraph, at most 300 characters, as a summary to edit. */
export function firstSentence(paragraph: string): string {
  const m = /^.+?[.!؟?](?=\s|$)/u.exec(paragraph);
  let s = (m ? m[0] : paragraph).trim();
  if (s.length > 300) s = `${s.slice(0, 300).replace(/\s+\S*$/u, '')}…`;
  return s;
}

export interface ImportFields {
  date?: string | undefined;
  section?: string | undefined;
  authors: string[];
}

type Ask = (question: string) => Promise<string>;

/**
 * Fills the missing date, section and authors by asking (when `ask` is given), else reports
 * what is missing. Returns the problems found (empty when the fields are complete and valid).
 */
export async function completeFields(fields: ImportFields, ask?: Ask, known: KnownNames = {}): Promise<string[]> {
  const sectionProblem = (section: string) => (known.sections ? judgeName('section', section, known.sections) : undefined);
  const authorProblem = (authors: string[]) =>
    known.authors ? authors.map((a) => judgeName('author', a, known.authors!)).find(Boolean) : undefined;
  if (ask) {
    while (!fields.date || dateProblem(fields.date)) {
      if (fields.date) process.stderr.write(`  ${dateProblem(fields.date)}\n`);
      const answer = (await ask(`Date and time (ISO 8601, Enter for now ${localIsoDateTime()}): `)).trim();
      fields.date = answer === '' || answer === 'now' ? localIsoDateTime() : answer;
    }
    const sections = known.sections ? ` (${known.sections.join('، ')})` : ' (e.g. سياسة)';
    while (!fields.section || sectionProblem(fields.section)) {
      if (fields.section) process.stderr.write(`  ${sectionProblem(fields.section)!.message}; ${sectionProblem(fields.section)!.hint}\n`);
      fields.section = (await ask(`Section${sections}: `)).trim() || undefined;
    }
    while (fields.authors.length === 0 || authorProblem(fields.authors)) {
      const wrong = authorProblem(fields.authors);
      if (wrong) process.stderr.write(`  ${wrong.message}; ${wrong.hint}\n`);
      fields.authors = listOption(await ask('Author(s), separated by commas: '));
    }
  }
  const problems: string[] = [];
  if (!fields.date) problems.push('--date is missing (e.g. --date 2022-12-19T18:30:00+03:00)');
  else if (dateProblem(fields.date)) problems.push(`--date: ${dateProblem(fields.date)}; write it like 2022-12-19T18:30:00+03:00`);
  if (!fields.section) problems.push('--section is missing (e.g. --section سياسة)');
  else if (sectionProblem(fields.section))
    problems.push(`--section: ${sectionProblem(fields.section)!.message}; ${sectionProblem(fields.section)!.hint}`);
  if (fields.authors.length === 0) problems.push('--author is missing (e.g. --author "سلمى الحسيني")');
  else if (authorProblem(fields.authors))
    problems.push(`--author: ${authorProblem(fields.authors)!.message}; ${authorProblem(fields.authors)!.hint}`);
  return problems;
}

export interface ImportOptions {
  raw: string;
  root: string;
  config: WarraqConfig;
  date: string;
  section: string;
  authors: string[];
  tags: string[];
  lang: string;
  summary?: string | undefined;
  slug?: string | undefined;
  draft?: boolean | undefined;
}

export interface ImportResult {
  file: string;
  text: string;
  repairs: number;
  dropped: string[];
}

/** Builds the article (title and body normalized like the build does) without writing it. */
export function importArticle(o: ImportOptions): ImportResult {
  const wire = splitWireCopy(o.raw);
  if (!wire.title) throw new Error('the input is empty: the first line must be the title');
  if (wire.paragraphs.length === 0) throw new Error('the input has a title but no paragraphs');
  const body = wire.paragraphs.join('\n');
  // Evidence for split-word repair, as in the build: the site's own articles and this copy.
  const evidence = new WordCounts().add(wire.title).add(body);
  for (const file of listArticleFiles(o.root, o.config.paths.content)) {
    const r = readSource(o.root, file);
    if (r.ok) evidence.add(r.file.text);
  }
  const options = { ...o.config.normalize, lang: o.lang.split('-')[0]!, lexicon: lazyLexicon, quran: lazyQuran, evidence };
  const title = normalize(wire.title, options);
  const normalizedBody = normalize(body, options);
  const paragraphs = normalizedBody.text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const slug = o.slug !== undefined ? slugify(o.slug) : slugify(title.text);
  if (!slug || !isSafeSlug(slug))
    throw new Error('no file name can be made from the title; pass --slug with a few words in letters and digits');
  const file = articlePath(o.config.paths.content, o.date, slug);
  const text = articleText({
    title: title.text,
    date: o.date,
    section: o.section,
    tags: o.tags,
    authors: o.authors,
    summary: o.summary?.trim() || firstSentence(paragraphs[0]!),
    lang: o.lang,
    draft: o.draft,
    body: paragraphs.map(escapeMarkdown).join('\n\n'),
  });
  return { file, text, repairs: title.changes.length + normalizedBody.changes.length, dropped: wire.dropped };
}

const command: Command = {
  summary: 'turn raw wire copy (a file, or - for stdin) into a repaired article',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: ARTICLE_FIELD_OPTIONS });
    if (positionals.length !== 1) return fail('give one file to import, or - to read stdin');
    const source = positionals[0]!;
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(values.lang)) return fail('--lang must be a language tag such as ar or en');

    let raw: string;
    try {
      raw = source === '-' ? await readStdin() : new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(source));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return fail(
        e.code === 'ENOENT'
          ? `no file ${source}`
          : e instanceof TypeError
            ? `${source} is not valid UTF-8; save it as UTF-8 first`
            : e.message,
      );
    }

    const fields: ImportFields = {
      date: values.date === 'now' ? localIsoDateTime() : values.date,
      section: values.section?.trim() || undefined,
      authors: listOption([...(values.author ?? []), ...(values.authors ?? [])]),
    };
    const root = path.resolve(values.root ?? process.cwd());
    let config: WarraqConfig;
    try {
      config = loadConfig(root);
    } catch (error) {
      process.stderr.write(`warraq import: ${(error as Error).message}\n`);
      return 1;
    }
    const known: KnownNames = { sections: knownSections(config), authors: knownAuthors(config) };
    // Ask only on a terminal, and never when the copy itself comes on stdin.
    const interactive = source !== '-' && Boolean(process.stdin.isTTY);
    let problems: string[];
    if (interactive) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        problems = await completeFields(fields, (q) => rl.question(q), known);
      } finally {
        rl.close();
      }
    } else problems = await completeFields(fields, undefined, known);
    if (problems.length) return fail(problems.join('\n'));

    try {
      const result = importArticle({
        raw,
        root,
        config,
        date: fields.date!,
        section: fields.section!,
        authors: fields.authors,
        tags: listOption(values.tags),
        lang: values.lang,
        summary: values.summary,
        slug: values.slug,
        draft: values.draft,
      });
      writeNew(root, result.file, result.text);
      if (result.dropped.length) process.stderr.write(`dropped page furniture: ${result.dropped.map((d) => `"${d}"`).join(', ')}\n`);
      process.stderr.write(`${result.repairs} repair(s) made; check the summary before publishing.\n`);
      process.stdout.write(`${result.file}\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`warraq import: ${(error as Error).message}\n`);
      return 1;
    }
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

function fail(message: string): number {
  process.stderr.write(`warraq import: ${message}\nRun warraq import --help for the options.\n`);
  return 2;
}

export default command;
