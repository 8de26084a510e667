/**
 * The whole pipeline on the reference article: content/ → validate → normalize → render →
 * Eleventy → _site/, built into a temporary project and checked on the parsed HTML. And the
 * failing-article case: every problem reported with file:line, nothing written, the previous
 * site left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'node-html-parser';
import { fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { build } from '../../src/output/build.ts';

const SEED_MD = readFileSync(path.join(REPO, 'content/2022/12/putin-minsk-visit.md'), 'utf8');
const EXPECTED = readFileSync(path.join(REPO, 'tests/fixtures/seed/expected-body.txt'), 'utf8').trim().split('\n');

const ENGLISH = `---
title: "A short English report"
date: 2023-01-10T08:00:00Z
section: Technology
authors: [Staff]
summary: "An English article on the same site renders left to right."
lang: en
---
First paragraph.

Second paragraph.
`;

function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = path.join(rel, name);
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else h.update(r).update(readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return h.digest('hex');
}

describe('pipeline: the seed article from content/ to a right-to-left page', () => {
  let project: FixtureProject;
  let out: string;
  beforeAll(async () => {
    project = fixtureProject({ config: { paths: { cache: path.join(REPO, '.cache') } } });
    project.write('content/2022/12/putin-minsk-visit.md', SEED_MD);
    project.write('content/2023/01/english.md', ENGLISH);
    out = path.join(project.root, '_site');
    await build({ root: project.root, outDir: out });
  }, 180_000);
  afterAll(() => project?.remove());

  const page = (url: string) => parse(readFileSync(path.join(out, decodeURI(url), 'index.html'), 'utf8'));
  const seedUrl = () => {
    const home = parse(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const link = home
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href')!)
      .find((h) => h.includes('/2022/12/'));
    return link!;
  };

  it('writes a home page that lists both articles', () => {
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(home).toContain('بوتين يدعو إلى تعزيز العلاقات العسكرية مع بيلاروس');
    expect(home).toContain('A short English report');
  });

  it('renders the article right to left in Arabic, with title, description and canonical link', () => {
    const doc = page(seedUrl());
    const html = doc.querySelector('html')!;
    expect(html.getAttribute('lang')).toBe('ar');
    expect(html.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelector('title')!.text).toContain('بوتين يدعو');
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).toMatch(/مينسك/);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/^https?:\/\/.+\/2022\/12\//);
    expect(doc.querySelector('link[rel="stylesheet"][href*="rtl"]')).not.toBeNull();
  });

  it('shows every paragraph, repaired, and none of the scraped furniture', () => {
    const doc = page(seedUrl());
    const paragraphs = doc.querySelectorAll('[data-pagefind-body] p, .body p, article .article-body p').map((p) => p.text.trim());
    const body = [...new Set(paragraphs)].filter((t) => EXPECTED.includes(t));
    expect(body).toEqual(EXPECTED);
    const text = doc.querySelector('body')!.text;
    expect(text).not.toContain('Related posts');
    expect(text).not.toMatch(/(^|\s)Top(\s|$)/);
    expect(text).not.toContain('تكب دت');
  });

  it('shows the date in Arabic with a machine-readable time zone', () => {
    const time = page(seedUrl()).querySelector('time[datetime]')!;
    expect(time.getAttribute('datetime')).toBe('2022-12-19T18:30:00+03:00');
    expect(time.text).toMatch(/ديسمبر/);
  });

  it('renders the English article left to right with the derived stylesheet', () => {
    const home = parse(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const href = home
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href')!)
      .find((h) => h.includes('/2023/01/'))!;
    const doc = page(href);
    expect(doc.querySelector('html')!.getAttribute('dir')).toBe('ltr');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('link[rel="stylesheet"][href*="ltr"]')).not.toBeNull();
    const ltr = readFileSync(path.join(out, 'assets/site.ltr.css'), 'utf8');
    const rtl = readFileSync(path.join(out, 'assets/site.rtl.css'), 'utf8');
    expect(ltr).not.toBe(rtl);
    expect(ltr).toMatch(/(margin|padding|border)-left|left:/);
    expect(rtl).toMatch(/(margin|padding|border)-right|right:/);
  });
});

describe('pipeline: a failing article', () => {
  it('reports every problem with file:line, exits non-zero and leaves the previous site untouched', () => {
    const project = fixtureProject({ config: { paths: { cache: path.join(REPO, '.cache') } } });
    try {
      project.write('content/2022/12/putin-minsk-visit.md', SEED_MD);
      const out = path.join(project.root, '_site');
      const bin = path.join(REPO, 'bin/warraq.js');
      const first = spawnSync('node', [bin, 'build', '--root', project.root, '--out', out], { encoding: 'utf8' });
      expect(first.status).toBe(0);
      const before = treeHash(out);
      project.write(
        'content/2023/01/bad-a.md',
        '---\ntitel: "عنوان"\ndate: 2023-02-30T10:00:00+03:00\nsection: سياسة\nauthors: [أ]\nsummary: ملخص\n---\nنص\n',
      );
      project.write(
        'content/2023/01/bad-b.md',
        '---\ntitle: "عنوان آخر"\ndate: 2023-01-05\nsection: سياسة\nauthors: []\nsummary: ملخص\n---\nنص\n',
      );
      const second = spawnSync('node', [bin, 'build', '--root', project.root, '--out', out], { encoding: 'utf8' });
      expect(second.status).toBe(1);
      const err = second.stderr;
      expect(err).toMatch(/content\/2023\/01\/bad-a\.md:2: titel: unknown field "titel"; did you mean "title"\?/);
      expect(err).toMatch(/content\/2023\/01\/bad-a\.md:3: date: .*not a real date/);
      expect(err).toMatch(/content\/2023\/01\/bad-b\.md:3: date: .*ISO 8601.*write it like/);
      expect(err).toMatch(/content\/2023\/01\/bad-b\.md:5: authors: /);
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
      expect(treeHash(out)).toBe(before);
    } finally {
      project.remove();
    }
  }, 180_000);
});
