/**
 * The document Pagefind indexes for an article: the indexable part of its page — the
 * `<article data-pagefind-body>` of templates/_includes/pages/article.njk without what that marks
 * data-pagefind-ignore — made from the prepared article alone.
 *
 * Indexing these instead of the rendered pages lets the search index be built while Eleventy is
 * still rendering (output/build.ts), on the core Eleventy leaves idle, and keys a year's index by
 * what is searchable in it rather than by everything on its pages (a new related link re-renders a
 * page but changes nothing a reader can search for). tests/site/search-document.test.ts runs
 * Pagefind on both and checks that it reads the same text, title and anchors from each: a change
 * to the article element of the template must be made here too.
 *
 * Left out on purpose: the lead picture, whose only trace in the index would be the result
 * thumbnail Pagefind takes from a page's first image. The search page shows titles and excerpts.
 *
 * Added here only: the spelling-tolerant keys of the article's foreign names (names.ts) as values
 * of Pagefind's `name` filter, on empty elements (no text, so excerpts and word counts are the
 * page's). The search page searches a query's names by their keys through this filter.
 */
import type { Article } from '../content/article.ts';
import { loadLexicon } from '../text/lexicon.ts';
import { escapeHtml, isolateLatin } from './filters.ts';
import { nameKeysOf, type NameKeyMemo } from './names.ts';

/** The Pagefind filter that holds the name keys (public/assets/search.js searches it). */
export const NAME_FILTER = 'name';

function nameFilters(a: Article, memo: NameKeyMemo | undefined): string {
  const text = `${a.title} ${a.summary} ${a.html.replace(/<[^>]*>/g, ' ')}`;
  return nameKeysOf(text, loadLexicon(), memo)
    .map((k) => `<span data-pagefind-filter="${NAME_FILTER}:${escapeHtml(k)}"></span>`)
    .join('');
}

/** `memo`: the words' keys, shared by the documents of one indexing run (names.ts). */
export function searchDocument(a: Article, memo?: NameKeyMemo): string {
  const ar = a.dir === 'rtl';
  const isolate = (text: string | undefined) => String(isolateLatin(text, a.dir));
  const authors = a.authors.map((x) => `<a>${escapeHtml(x.name)}</a>`).join(ar ? '، ' : ', ');
  const image = a.image;
  const caption =
    image && (image.caption || image.credit)
      ? `<figure><figcaption>${image.caption ? `${isolate(image.caption)} ` : ''}${image.credit ? `<span>${isolate(image.credit)}</span>` : ''}</figcaption></figure>\n`
      : '';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(a.lang)}" dir="${a.dir}">\n<head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title></head>\n<body>\n` +
    `<article data-pagefind-body>\n<header>\n` +
    `<p><a>${escapeHtml(a.section.name)}</a></p>\n` +
    `<h1>${isolate(a.title)}</h1>\n` +
    `<p>${isolate(a.summary)}</p>\n` +
    `<p>${ar ? 'بقلم' : 'By'} ${authors}</p>\n` +
    `</header>\n${caption}<div>\n${a.html}\n</div>\n${nameFilters(a, memo)}\n</article>\n</body>\n</html>\n`
  );
}
