/**
 * What Pagefind indexes of an article, as a page of its own: the text of the article page's
 * `data-pagefind-body` element (templates/article.njk: kicker, headline, standfirst, byline, lead
 * picture's caption and credit, body), in the same blocks, without what that element marks
 * `data-pagefind-ignore` (date line, tags) and without the rest of the page (masthead, related
 * articles, footer). Not the picture itself: Pagefind would take its URL and alt text as the
 * result's image, which the search page does not show.
 *
 * The search index is made from these documents rather than from the written pages so that it
 * depends on the prepared articles alone: it is built while Eleventy renders the pages, and an
 * edit re-indexes its year without waiting for them. A test indexes the demo site both ways and
 * compares what Pagefind stored for each page.
 */
import type { Article } from '../content/article.ts';
import { escapeHtml } from './filters.ts';

export function searchDocument(a: Article): string {
  const ar = a.dir === 'rtl';
  const text = escapeHtml;
  const byline = a.authors.map((author) => text(author.name)).join(ar ? '، ' : ', ');
  const caption = a.image && [a.image.caption, a.image.credit].filter(Boolean).map((t) => text(t!)).join(' ');
  const figure = caption ? `<figure><figcaption>${caption}</figcaption></figure>` : '';
  return (
    `<!doctype html><html lang="${text(a.lang)}" dir="${a.dir}"><head><meta charset="utf-8"><title>${text(a.title)}</title></head>` +
    `<body><article data-pagefind-body><header><p>${text(a.section.name)}</p><h1>${text(a.title)}</h1><p>${text(a.summary)}</p>` +
    `<p>${ar ? 'بقلم' : 'By'} ${byline}</p></header>${figure}<div>${a.html}</div></article></body></html>\n`
  );
}
