/**
 * Stage 5: from the list of articles to everything the templates need — listings by section, tag,
 * author and month, each sorted newest first. Linear in the number of articles.
 */
import type { Article, Named } from '../content/article.ts';
import type { WarraqConfig } from '../config.ts';

export interface Listing extends Named {
  url: string;
  articles: Article[];
}

export interface SiteData {
  config: WarraqConfig;
  articles: Article[];
  sections: Listing[];
  tags: Listing[];
  authors: Listing[];
  months: Listing[];
}

export function buildSiteData(all: Article[], config: WarraqConfig): SiteData {
  const articles = [...all].sort((a, b) => b.timestamp - a.timestamp || a.url.localeCompare(b.url));
  const group = (prefix: string, keys: (a: Article) => Named[]): Listing[] => {
    const map = new Map<string, Listing>();
    for (const a of articles) {
      for (const k of keys(a)) {
        let l = map.get(k.slug);
        if (!l) map.set(k.slug, (l = { ...k, url: `/${prefix}/${k.slug}/`, articles: [] }));
        l.articles.push(a);
      }
    }
    return [...map.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar'));
  };
  const months = group('archive', (a) => {
    const [y, m] = a.date.split('-') as [string, string];
    return [{ name: `${y}-${m}`, slug: `${y}/${m}` }];
  }).sort((a, b) => b.slug.localeCompare(a.slug));
  return {
    config,
    articles,
    sections: group('section', (a) => [a.section]),
    tags: group('tag', (a) => a.tags),
    authors: group('author', (a) => a.authors),
    months,
  };
}
