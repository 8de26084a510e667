/**
 * The document Pagefind indexes for an article, made from the prepared article alone: its page's `<article data-pagefind-body>` minus the
 * ignored parts and lead picture, plus its name keys as `name` filters. A change to that template element must be made here too.
 */
import type { Article } from '../content/article.ts';
import { loadLexicon } from '../store/lexicon.ts';
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
