/**
 * Writes hostile fixture projects: articles whose every front matter text field and body carry a
 * payload. Shared by the XSS browser test and the path tests.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';

/** A YAML double-quoted scalar for any string: control characters and line separators escaped. */
export function yamlQuote(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

export interface ArticleFields {
  title: string;
  summary: string;
  section: string;
  tags: string[];
  authors: string[];
  slug?: string | undefined;
  date: string;
  lang?: string;
  image?: { src: string; alt: string; credit?: string; caption?: string } | undefined;
  body: string;
}

export function articleSource(a: ArticleFields): string {
  const lines = [
    '---',
    `title: ${yamlQuote(a.title)}`,
    `date: ${a.date}`,
    `section: ${yamlQuote(a.section)}`,
    `tags: [${a.tags.map(yamlQuote).join(', ')}]`,
    `authors: [${a.authors.map(yamlQuote).join(', ')}]`,
    `summary: ${yamlQuote(a.summary)}`,
    `lang: ${a.lang ?? 'ar'}`,
  ];
  if (a.slug !== undefined) lines.push(`slug: ${yamlQuote(a.slug)}`);
  if (a.image) {
    lines.push('image:', `  src: ${yamlQuote(a.image.src)}`, `  alt: ${yamlQuote(a.image.alt)}`);
    if (a.image.credit !== undefined) lines.push(`  credit: ${yamlQuote(a.image.credit)}`);
    if (a.image.caption !== undefined) lines.push(`  caption: ${yamlQuote(a.image.caption)}`);
  }
  lines.push('---', '', a.body, '');
  return lines.join('\n');
}

/** The i-th of many distinct, valid dates (one a day from 2023-01-01). */
export function nthDate(i: number): string {
  const d = new Date(Date.UTC(2023, 0, 1 + i, 9, 30));
  return `${d.toISOString().slice(0, 19)}+03:00`;
}

/** An empty project (templates and public files of the repo) sharing the repo's image cache, with one picture in content/media. */
export function hostileProject(): FixtureProject {
  const project = fixtureProject({ config: { paths: { cache: path.join(REPO, '.cache') } } });
  mkdirSync(path.join(project.root, 'content', 'media'), { recursive: true });
  const media = path.join(REPO, 'content', 'media');
  const png = readdirSync(media).find((f) => f.endsWith('.png'))!;
  copyFileSync(path.join(media, png), path.join(project.root, 'content', 'media', 'photo.png'));
  return project;
}

/** Every file under dir, relative, with / separators. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const st = statSync(path.join(dir, rel));
    if (st.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}
