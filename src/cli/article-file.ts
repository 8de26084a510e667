/**
 * Writing a new article file, for `warraq new` and `warraq import`: the date in the editor's time zone, front matter in the house style,
 * the path content/YYYY/MM/<slug>.md, and a write that never overwrites.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isSeq, isScalar, Scalar } from 'yaml';
import { isoDateTime } from '../content/schema.ts';

/** `date` as ISO 8601 in the local time zone with its offset: 2026-11-29T04:10:00+03:00. */
export function localIsoDateTime(date = new Date()): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset(); // minutes east of UTC
  const sign = offset < 0 ? '-' : '+';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** Undefined when `value` is a valid front matter date, else the reason. */
export function dateProblem(value: string): string | undefined {
  const r = isoDateTime.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
}

export interface NewArticle {
  title: string;
  date: string;
  section: string;
  tags: string[];
  authors: string[];
  summary: string;
  lang: string;
  draft?: boolean | undefined;
  body: string;
}

/** The file's text: front matter (title and summary quoted, lists in flow style) and the body. */
export function articleText(a: NewArticle): string {
  const data: Record<string, unknown> = {
    title: a.title,
    date: a.date,
    section: a.section,
    tags: a.tags,
    authors: a.authors,
    summary: a.summary,
    lang: a.lang,
  };
  if (a.draft) data.draft = true;
  const doc = new Document(data);
  const map = doc.contents as unknown as { items: Array<{ key: unknown; value: unknown }> };
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (isSeq(pair.value)) pair.value.flow = true;
    if ((key === 'title' || key === 'summary') && isScalar(pair.value)) (pair.value as Scalar).type = Scalar.QUOTE_DOUBLE;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = a.body.replace(/\s+$/, '');
  return `---\n${yaml}---\n\n${body}\n`;
}

/** content/YYYY/MM/<slug>.md, with the year and month as written in the date. */
export function articlePath(contentDir: string, date: string, slug: string): string {
  const [year, month] = date.split('-') as [string, string];
  return path.posix.join(contentDir.split(path.sep).join('/'), year, month, `${slug}.md`);
}

/** Writes a new file; throws a readable error when it already exists. */
export function writeNew(root: string, relative: string, text: string): void {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  try {
    writeFileSync(full, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${relative} already exists; not overwritten (choose another title or pass --slug)`);
    throw error;
  }
}

/** "a, b,c" and repeated options → ["a", "b", "c"]. Arabic commas separate too. */
export function listOption(values: string | string[] | undefined): string[] {
  const all = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return [
    ...new Set(
      all
        .flatMap((v) => v.split(/[,،]/))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** The front matter fields `new` and `import` both take on the command line (node:util parseArgs). */
export const ARTICLE_FIELD_OPTIONS = {
  date: { type: 'string' },
  section: { type: 'string' },
  author: { type: 'string', multiple: true },
  authors: { type: 'string', multiple: true },
  tags: { type: 'string', multiple: true },
  lang: { type: 'string', default: 'ar' },
  summary: { type: 'string' },
  slug: { type: 'string' },
  draft: { type: 'boolean' },
  root: { type: 'string' },
} as const;
