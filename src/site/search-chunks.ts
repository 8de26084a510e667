/**
 * Search-index chunks: a year's articles in date order, cut into runs of whole days of at most CHUNK_ARTICLES articles, so no index
 * grows with the archive. A chunk is named by its year when the year fits in one (`2024`), else by its first day (`2024-03-18`).
 * A function of the articles alone: the same site gives the same chunks, however it is built.
 */
import type { Article } from '../content/article.ts';

/** The most articles one chunk's index holds (a day with more is a chunk of its own). */
export const CHUNK_ARTICLES = 500;

/** Chunk name → its articles in URL order, newest chunk first. */
export function searchChunks(articles: Iterable<Article>): Map<string, Article[]> {
  const days = new Map<string, Map<string, Article[]>>();
  for (const a of articles) {
    const year = yearOfUrl(a.url);
    if (!year) continue;
    const byDay = days.get(year) ?? days.set(year, new Map()).get(year)!;
    const day = `${year}${a.date.slice(4, 10)}`;
    (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(a);
  }
  const chunks: Array<[string, Article[]]> = [];
  for (const [year, byDay] of days) {
    const total = [...byDay.values()].reduce((n, list) => n + list.length, 0);
    if (total <= CHUNK_ARTICLES) {
      chunks.push([year, [...byDay.values()].flat()]);
      continue;
    }
    let current: [string, Article[]] | undefined;
    for (const day of [...byDay.keys()].sort()) {
      const list = byDay.get(day)!;
      if (!current || current[1].length + list.length > CHUNK_ARTICLES) chunks.push((current = [day, []]));
      current[1].push(...list);
    }
  }
  for (const [, list] of chunks) list.sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0));
  chunks.sort((x, y) => (x[0] < y[0] ? 1 : x[0] > y[0] ? -1 : 0));
  return new Map(chunks);
}

/** A chunk's name: a year, or a year's first day of the chunk. */
export const CHUNK_NAME = /^\d{4}(?:-\d{2}-\d{2})?$/;

/** The year of an article's URL (/2024/05/slug/). */
export function yearOfUrl(url: string): string | undefined {
  const year = url.split('/')[1];
  return year && /^\d{4}$/.test(year) ? year : undefined;
}
