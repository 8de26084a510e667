/**
 * Full-text search with Pagefind, run through its Node API on the freshly written output folder
 * (inside the atomic build, so the index always matches the pages it ships with). Only article
 * bodies are indexed (data-pagefind-body). The whole site goes into one Arabic index
 * (forceLanguage): Arabic stemming folds harakat, hamza forms of alef, ى/ي and ة/ه, and the English
 * article still matches by its (unstemmed) words from the same search page.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';

export async function indexSite(outDir: string, lang = 'ar'): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: lang.split('-')[0]! });
  try {
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    // Only article pages (/YYYY/MM/<slug>/) carry data-pagefind-body; skipping the listing pages
    // saves Pagefind a third of its parsing. (archive/YYYY/MM/ matches too and is simply not indexed.)
    const added = await index.addDirectory({ path: outDir, glob: '*/*/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
