/**
 * Stages 2–4 for one article: validate (parse.ts) → normalize title, summary and body → render
 * Markdown. Pure apart from the lazy lexicon: the same source and options give the same article.
 */
import type { Article } from '../content/article.ts';
import type { ContentProblem } from '../content/errors.ts';
import { parseArticle } from '../content/parse.ts';
import { normalize, showsDamage, type NormalizeOptions } from '../text/normalize.ts';
import { dropFurniture } from '../text/furniture.ts';
import { slugify, isSafeSlug } from '../text/slug.ts';
import { renderMarkdown, MarkdownLimitError } from '../markdown/render.ts';
import { safeContentPath } from '../content/paths.ts';
import { keyTerms } from '../terms/fold.ts';

/** `draft`: the front matter says draft: true (the build leaves such articles out). */
export type PrepareResult =
  { ok: true; article: Article; warnings: ContentProblem[]; draft: boolean } | { ok: false; problems: ContentProblem[] };

const RTL_LANGS = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'sd', 'ug', 'yi', 'dv']);

/**
 * `renderBody: false` gives the article's head: everything but its HTML (empty) and the repair counts
 * its body would add, for a shard that needs other articles only for links and listings.
 */
export function prepareArticle(
  file: string,
  source: string,
  normalizeOptions: Partial<NormalizeOptions>,
  renderBody = true,
): PrepareResult {
  const parsed = parseArticle(file, source);
  if (!parsed.ok) return parsed;
  const { frontMatter: fm, body, bodyLine } = parsed.article;
  const problems: ContentProblem[] = [];
  // Whether the article shows damage is judged on the whole of it, title to last paragraph.
  const damaged = normalizeOptions.damaged ?? showsDamage(`${fm.title}\n${fm.summary}\n${body}`);
  const options: Partial<NormalizeOptions> = { ...normalizeOptions, lang: fm.lang.split('-')[0]!, damaged };
  const titleResult = normalize(fm.title, options);
  const summaryResult = normalize(fm.summary, options);
  const title = titleResult.text;
  const summary = summaryResult.text;
  let possibleSplits = titleResult.doubts.length + summaryResult.doubts.length;

  // A slug made from the headline keeps its first words only: short, readable URLs.
  const slug = fm.slug !== undefined ? slugify(fm.slug) : capWords(slugify(title), MAX_SLUG_WORDS);
  if (!slug || !isSafeSlug(slug)) {
    problems.push({
      file,
      line: 2,
      field: fm.slug !== undefined ? 'slug' : 'title',
      message: 'no URL slug can be made from it',
      hint: 'set slug: to a few words in letters and digits',
      severity: 'error',
    });
  }
  let image: Article['image'];
  if (fm.image) {
    const src = safeContentPath(fm.image.src);
    if (!src)
      problems.push({
        file,
        line: 2,
        field: 'image.src',
        message: `"${fm.image.src}" is not a path inside content/`,
        hint: 'give a relative path such as media/photo.jpg, without .. or a leading /',
        severity: 'error',
      });
    else
      image = {
        src,
        alt: normalize(fm.image.alt, options).text,
        credit: fm.image.credit && normalize(fm.image.credit, options).text,
        caption: fm.image.caption && normalize(fm.image.caption, options).text,
      };
  }
  if (problems.length) return { ok: false, problems };

  const lang = fm.lang;
  const dir = RTL_LANGS.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
  const cleanBody = dropFurniture(body).text;
  let repairs = 0;
  let html: string;
  try {
    html = !renderBody
      ? ''
      : renderMarkdown(cleanBody, { ...options, dir, onChange: () => repairs++, onDoubt: () => possibleSplits++ }).html;
  } catch (error) {
    // Hostile or broken Markdown (too deep, too much markup): an error at its line, not a crash.
    if (!(error instanceof MarkdownLimitError)) throw error;
    return {
      ok: false,
      problems: [{ file, line: bodyLine + error.line - 1, message: error.message, hint: error.hint, severity: 'error' }],
    };
  }
  const [year, month] = fm.date.split('-') as [string, string];
  const section = fm.section.trim();
  const named = (name: string) => ({ name: normalize(name, options).text, slug: slugify(name) || 'x' });
  const wordCount = countWords(cleanBody);
  const article: Article = {
    source: file,
    title,
    summary,
    date: fm.date,
    updated: fm.updated,
    timestamp: Date.parse(fm.date),
    section: named(section),
    tags: [...new Set(fm.tags)].map(named),
    authors: [...new Set(fm.authors)].map(named),
    lang,
    dir,
    slug,
    url: `/${year}/${month}/${slug}/`,
    image,
    html,
    wordCount,
    repairs,
    possibleSplits,
    readingMinutes: readingMinutes(wordCount, dir),
    terms: keyTerms(`${title} ${title} ${summary} ${cleanBody}`),
  };
  void bodyLine;
  return { ok: true, article, warnings: parsed.warnings, draft: fm.draft };
}

const MAX_SLUG_WORDS = 8;

function capWords(slug: string, max: number): string {
  return slug.split('-').slice(0, max).join('-');
}

/** Arabic is read at roughly 180–200 words a minute; Latin-script copy a little faster. */
export function readingMinutes(words: number, dir: 'rtl' | 'ltr'): number {
  return Math.max(1, Math.round(words / (dir === 'rtl' ? 190 : 230)));
}

/**
 * Words: runs of letters, digits and the marks on them (a word written with harakat, مدرّعات,
 * is one word). A loop over character codes, with the Unicode classes asked only outside ASCII
 * and the Arabic block.
 */
export function countWords(markdown: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    let wordChar: boolean;
    if (c < 0x80) wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else if (c >= 0x0600 && c <= 0x06ff) wordChar = !ARABIC_NON_WORD.has(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      wordChar = WORD_CHAR.test(String.fromCodePoint(markdown.codePointAt(i)!));
      i++;
    } else wordChar = WORD_CHAR.test(String.fromCharCode(c));
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return words;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Characters of the Arabic block that are no part of a word: punctuation, signs, the number sign. */
const ARABIC_NON_WORD = new Set([...Array(0x100).keys()].map((k) => 0x0600 + k).filter((c) => !WORD_CHAR.test(String.fromCharCode(c))));
