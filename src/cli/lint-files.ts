/**
 * Lints a set of article files as `warraq lint` does: split-word evidence from every article of the site, lint-core's findings per file
 * (written back with `fix`), then whole-set checks: names missing from the configured sections and authors, and duplicate URLs.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { knownAuthors, knownSections, type WarraqConfig } from '../config.ts';
import { listArticleFiles, readSource } from '../content/load.ts';
import { parseArticle } from '../content/parse.ts';
import { knownNameProblems, type KnownNames } from '../content/known-names.ts';
import { lazyLexicon } from '../store/lexicon.ts';
import { lazyQuran } from '../store/quran.ts';
import { WordCounts } from '../text/evidence.ts';
import { urlKey } from '../text/slug.ts';
import { lintSource, type LintResult } from './lint-core.ts';

export interface LintRun {
  results: LintResult[];
  /** With `fix`: repairs written, and into how many files. */
  fixedRepairs: number;
  fixedFiles: number;
}

/** Article files (root-relative, / separated) under each folder given and each .md file given; throws for a path that does not exist. */
export function articleFilesAt(root: string, paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const full = path.resolve(root, p);
    if (!existsSync(full)) throw new Error(`no such file or folder: ${p}`);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (statSync(full).isDirectory()) files.push(...listArticleFiles(root, relative));
    else if (isArticleName(full)) files.push(relative);
  }
  return [...new Set(files)];
}

export function isArticleName(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md';
}

export function lintFiles(
  root: string,
  config: WarraqConfig,
  files: readonly string[],
  options: { fix?: boolean | undefined; onFile?: ((done: number, total: number) => void) | undefined } = {},
): LintRun {
  // Split-word evidence, as in the build: every article of the site, not only those linted.
  const evidence = new WordCounts();
  const sources = new Map<string, string>();
  for (const file of new Set([...listArticleFiles(root, config.paths.content), ...files])) {
    const r = readSource(root, file);
    if (r.ok) {
      evidence.add(r.file.text);
      sources.set(file, r.file.text);
    }
  }
  const lintOptions = {
    normalize: { ...config.normalize, lexicon: lazyLexicon, quran: lazyQuran, evidence },
    imageExists: (src: string) => existsSync(path.join(root, config.paths.content, src)),
  };
  const known: KnownNames = { sections: knownSections(config), authors: knownAuthors(config) };

  const results: LintResult[] = [];
  let fixedRepairs = 0;
  let fixedFiles = 0;
  files.forEach((file, i) => {
    options.onFile?.(i + 1, files.length);
    const text = sources.get(file);
    if (text === undefined) {
      const r = readSource(root, file);
      const p = r.ok ? undefined : r.problem;
      results.push({
        file,
        issues: [
          {
            line: p?.line ?? 1,
            column: 1,
            rule: 'encoding',
            severity: 'error',
            message: p?.message ?? 'cannot read the file',
            fix: p?.hint ?? '',
            fixable: false,
          },
        ],
        fixed: '',
        repairs: 0,
        valid: false,
      });
      return;
    }
    let current = text;
    let result = lintSource(file, current, lintOptions);
    if (options.fix && result.fixed !== current) {
      current = result.fixed;
      writeFileSync(path.join(root, file), current);
      fixedRepairs += result.issues.filter((x) => x.fixable).length;
      fixedFiles++;
      result = lintSource(file, current, lintOptions);
    }
    results.push(withKnownNames(result, current, known));
  });

  // Two articles with one URL would overwrite each other's page.
  const byUrl = new Map<string, string>();
  for (const r of results) {
    if (!r.url) continue;
    const key = urlKey(r.url);
    const other = byUrl.get(key);
    if (other)
      r.issues.push({
        line: 2,
        column: 1,
        rule: 'front-matter',
        severity: 'error',
        message: `slug: same URL ${r.url} as ${other}`,
        fix: 'give one of them a different slug: in its front matter',
        fixable: false,
      });
    else byUrl.set(key, r.file);
  }
  return { results, fixedRepairs, fixedFiles };
}

/** A valid article whose section or an author is not in the configuration's lists: an error at that field's line. */
function withKnownNames(result: LintResult, source: string, known: KnownNames): LintResult {
  if (!result.valid || (!known.sections && !known.authors)) return result;
  const parsed = parseArticle(result.file, source);
  if (!parsed.ok) return result;
  const { section, authors } = parsed.article.frontMatter;
  const problems = knownNameProblems(result.file, { section, authors }, known, () => source);
  if (problems.length === 0) return result;
  const issues = problems.map((p) => ({
    line: p.line,
    column: 1,
    rule: 'front-matter',
    severity: p.severity,
    message: `${p.field}: ${p.message}`,
    fix: p.hint,
    fixable: false,
  }));
  return { ...result, valid: false, issues: [...result.issues, ...issues].sort((a, b) => a.line - b.line || a.column - b.column) };
}
