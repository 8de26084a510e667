/**
 * The sections and authors /admin/ offers: the site's lists from warraq.config.json where it has
 * them, else every section and author the articles already name (in the order of their counts).
 * The configured lists are read through the two functions below, which stand in for
 * config.ts knownSections/knownAuthors until that change is merged.
 */
import type { WarraqConfig } from '../../config.ts';
import type { SiteData } from '../data.ts';

/** Stand-in for config.ts knownSections (warraq.config.json `sections`): undefined when the site lists none. */
function knownSections(config: WarraqConfig): string[] | undefined {
  const listed = (config as { sections?: unknown }).sections;
  return Array.isArray(listed) ? listed.map(String) : undefined;
}

/** Stand-in for config.ts knownAuthors (warraq.config.json `authors`): undefined when the site lists none. */
function knownAuthors(config: WarraqConfig): string[] | undefined {
  const listed = (config as { authors?: unknown }).authors;
  return Array.isArray(listed) ? listed.map(String) : undefined;
}

export interface AdminLists {
  sections: string[];
  authors: string[];
}

export function adminLists(site: SiteData): AdminLists {
  const byCount = (listings: SiteData['sections']) => [...listings].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'ar')).map((l) => l.name);
  return {
    sections: knownSections(site.config) ?? byCount(site.sections),
    authors: knownAuthors(site.config) ?? byCount(site.authors),
  };
}
