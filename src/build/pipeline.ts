/**
 * The build pipeline, stage by stage:
 *   load (content/**\/*.md) → validate → normalize → render Markdown   [content/, text/, markdown/]
 *   → site data (listings)                                             [site/data.ts]
 *   → Eleventy runs templates/ and writes the pages                    [site/eleventy.ts]
 * Every article is checked before anything is written; all problems are reported together.
 */
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { ContentError, type ContentProblem } from '../content/errors.ts';
import { listArticleFiles, readSource } from '../content/load.ts';
import { prepareArticle } from '../content/prepare.ts';
import { parseArticle } from '../content/parse.ts';
import { existsSync } from 'node:fs';
import type { WarraqConfig } from '../config.ts';
import { lazyLexicon } from '../text/lexicon.ts';
import { WordCounts } from '../text/evidence.ts';
import { buildSiteData, type SiteData } from '../site/data.ts';

export interface PrepareSiteResult {
  site: SiteData;
  warnings: ContentProblem[];
  drafts: number;
  repairs: number;
}

export interface Progress {
  (done: number, total: number): void;
}

/** Stages 1–5. Throws ContentError listing every problem when any article is invalid. */
export function prepareSite(root: string, config: WarraqConfig, progress?: Progress): PrepareSiteResult {
  const files = listArticleFiles(root, config.paths.content);
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const sources: Array<{ path: string; text: string }> = [];
  for (const file of files) {
    const r = readSource(root, file);
    if (r.ok) sources.push(r.file);
    else problems.push(r.problem);
  }
  // Evidence for split-word repair: every word form written anywhere on the site.
  const evidence = new WordCounts();
  for (const s of sources) evidence.add(s.text);
  const normalizeOptions = { ...config.normalize, lexicon: lazyLexicon, evidence };

  const articles: Article[] = [];
  let drafts = 0;
  sources.forEach((s, i) => {
    const r = prepareArticle(s.path, s.text, normalizeOptions);
    progress?.(i + 1, sources.length);
    if (!r.ok) {
      problems.push(...r.problems);
      return;
    }
    warnings.push(...r.warnings);
    if (isDraft(s.path, s.text)) {
      drafts++;
      return;
    }
    const a = r.article;
    if (a.image && !existsSync(path.join(root, config.paths.content, a.image.src))) {
      problems.push({ file: s.path, line: 2, field: 'image.src', message: `no file at ${config.paths.content}/${a.image.src}`, hint: 'put the picture there or fix the path', severity: 'error' });
      return;
    }
    articles.push(a);
  });
  problems.push(...duplicateUrls(articles));
  if (problems.length) throw new ContentError(sortProblems(problems));
  const site = buildSiteData(articles, config);
  return { site, warnings, drafts, repairs: articles.reduce((n, a) => n + a.repairs, 0) };
}

function isDraft(file: string, text: string): boolean {
  const r = parseArticle(file, text);
  return r.ok && r.article.frontMatter.draft;
}

/** Two articles with one permalink would overwrite each other's page: an error naming both. */
function duplicateUrls(articles: Article[]): ContentProblem[] {
  const seen = new Map<string, Article>();
  const out: ContentProblem[] = [];
  for (const a of articles) {
    const key = a.url.normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other) out.push({ file: a.source, line: 2, field: 'slug', message: `same URL ${a.url} as ${other.source}`, hint: 'give one of them a different slug: in its front matter', severity: 'error' });
    else seen.set(key, a);
  }
  return out;
}

function sortProblems(p: ContentProblem[]): ContentProblem[] {
  return [...p].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
