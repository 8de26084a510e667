/**
 * A made-up Article for tests of the site stage: the i-th article, dated `start` plus i steps of `stepMs`, in one section, with the
 * fields a test cares about given in `fields`. Everything else is fixed (one author, Arabic, ten words).
 */
import type { Article } from '../../src/content/article.ts';

export function testArticle(i: number, start: number, stepMs: number, fields: Partial<Article> = {}): Article {
  const date = new Date(start + i * stepMs).toISOString().replace('.000Z', '+00:00');
  return {
    source: `content/x/${i}.md`,
    title: `خبر ${i}`,
    summary: 'ملخص',
    date,
    timestamp: Date.parse(date),
    section: { name: 'سياسة', slug: 'politics' },
    tags: [],
    authors: [{ name: 'أ', slug: 'a' }],
    lang: 'ar',
    dir: 'rtl',
    slug: `s${i}`,
    url: `/${date.slice(0, 4)}/${date.slice(5, 7)}/s${i}/`,
    html: `<p>نص ${i}</p>`,
    wordCount: 10,
    repairs: 0,
    possibleSplits: 0,
    readingMinutes: 1,
    terms: [],
    ...fields,
  };
}
