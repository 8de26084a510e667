/**
 * Known sections and authors: when the configuration lists them, an article may name only those. Any other name is a problem at its front
 * matter line, with the nearest listed name by edit distance on Arabic-folded names (ة/ه, ى/ي, hamza forms: سياسه → سياسة).
 */
import { distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './errors.ts';

export interface KnownNames {
  sections?: readonly string[] | undefined;
  authors?: readonly string[] | undefined;
}

/** The form two names are compared in: NFC, no tatweel, single spaces (no letter folded). */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\u0640/g, '').replace(/\s+/gu, ' ').trim();
}

// text/arabic.ts MARK_SPANS written out (content/ imports no other folder); tests/unit/mark-classes.test.ts keeps them equal.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/** The form names are matched in for a suggestion: marks dropped, hamza carriers, ة and ى folded. */
export function foldName(name: string): string {
  return nameKey(name)
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/[ئى]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ء/g, '')
    .toLowerCase();
}

const withoutArticle = (folded: string) => folded.replace(/(^|\s)ال(?=\S{2})/g, '$1');

/** Is `name` one of `known` (compared as nameKey)? */
export function isKnownName(name: string, known: readonly string[]): boolean {
  if (known.includes(name)) return true; // as listed: the common case, without normalizing
  const key = nameKey(name);
  return known.some((k) => nameKey(k) === key);
}

/**
 * The listed name closest to `name`, when it is close enough to be the one meant: after folding,
 * at most one edit in three letters (with or without the article ال), else undefined.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const folded = foldName(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const other = foldName(k);
    const d = Math.min(distance(folded, other), distance(withoutArticle(folded), withoutArticle(other)));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const allowed = Math.max(1, Math.floor([...folded].length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export type NamedField = 'section' | 'author';

/** What is wrong with `name` for a field with a list, and what to do; undefined when it is listed. */
export function judgeName(field: NamedField, name: string, known: readonly string[]): { message: string; hint: string } | undefined {
  if (isKnownName(name, known)) return undefined;
  const near = nearestName(name, known);
  const list = `${field === 'section' ? 'sections' : 'authors'} in warraq.config.json`;
  return {
    message: `"${nameKey(name)}" is not a known ${field}`,
    hint: near ? `did you mean ${near}? (the ${list})` : `use one of ${known.join('، ')}, or add it to the ${list}`,
  };
}

/**
 * Problems with an article's section and authors against the lists (none when there is no list).
 * `source` gives the file's text, read only when a name is unknown, to find the field's line.
 */
export function knownNameProblems(file: string, names: { section: string; authors: readonly string[] }, known: KnownNames, source: () => string): ContentProblem[] {
  const found: Array<{ path: [string, string?]; field: string; message: string; hint: string }> = [];
  if (known.sections) {
    const wrong = judgeName('section', names.section, known.sections);
    if (wrong) found.push({ path: ['section'], field: 'section', ...wrong });
  }
  if (known.authors) {
    for (const author of names.authors) {
      const wrong = judgeName('author', author, known.authors);
      if (wrong) found.push({ path: ['authors', author], field: 'authors', ...wrong });
    }
  }
  if (found.length === 0) return [];
  const lineOf = frontMatterLines(source());
  return found.map((f) => ({ file, line: lineOf(f.path[0], f.path[1]), field: f.field, message: f.message, hint: f.hint, severity: 'error' as const }));
}

/**
 * The file line of a front matter key (or of the item of its list that holds `item`), 2 when it
 * cannot be found. The front matter starts on line 2, after the opening ---.
 */
function frontMatterLines(source: string): (key: string, item?: string) => number {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const open = /^---[ \t]*\n/.exec(text);
  const close = open ? /\n---[ \t]*(?:\n|$)/.exec(text.slice(open[0].length - 1)) : null;
  if (!open || !close) return () => 2;
  const yaml = text.slice(open[0].length, open[0].length - 1 + close.index + 1);
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, schema: 'core' });
  return (key, item) => {
    if (!isMap(doc.contents)) return 2;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return 2;
    let range = (pair.key as { range?: [number, number, number] }).range;
    if (item !== undefined && isSeq(pair.value)) {
      const node = pair.value.items.find((n) => isScalar(n) && nameKey(String(n.value)) === nameKey(item));
      range = (node as { range?: [number, number, number] } | undefined)?.range ?? range;
    }
    return range ? counter.linePos(range[0]).line + 1 : 2;
  };
}
