/**
 * The sections and authors /admin/ offers: the site's lists from warraq.config.json where it has them (knownSections, knownAuthors),
 * else every section and author the articles already name, in the order of their counts.
 */
import { knownAuthors, knownSections } from '../../config.ts';
import type { SiteData } from '../data.ts';

export interface AdminLists {
  sections: string[];
  authors: string[];
}

export function adminLists(site: SiteData): AdminLists {
  const byCount = (listings: SiteData['sections']) =>
    [...listings].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar')).map((l) => l.name);
  return {
    sections: knownSections(site.config) ?? byCount(site.sections),
    authors: knownAuthors(site.config) ?? byCount(site.authors),
  };
}
