/**
 * Splits an article into front matter and body (gray-matter) and checks the front matter against
 * the schema. Pure: takes the file's name and text, returns data or problems pinned to lines.
 */
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodError } from 'zod';
import type { ContentProblem } from './errors.ts';
import { FRONT_MATTER_FIELDS, frontMatterSchema, type FrontMatter } from './schema.ts';

export interface ParsedArticle {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export type ParseResult = { ok: true; article: ParsedArticle; warnings: ContentProblem[] } | { ok: false; problems: ContentProblem[] };

const problem = (file: string, line: number, message: string, hint: string, field?: string): ContentProblem => ({ file, line, field, message, hint, severity: 'error' });

export function parseArticle(file: string, source: string): ParseResult {
  const warnings: ContentProblem[] = [];
  if (source.trim() === '') return { ok: false, problems: [problem(file, 1, 'the file is empty', 'start it with front matter between two --- lines (see content/README.md)')] };
  const nul = source.indexOf('\0');
  if (nul !== -1) return { ok: false, problems: [problem(file, lineAt(source, nul), 'the file contains a NUL byte', 'remove it; the file may be binary or corrupted')] };
  let text = source;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is harmless: drop it quietly
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n'); // CRLF and lone CR read as LF, lines keep their numbers
  if (!/^---[ \t]*\n/.test(text)) return { ok: false, problems: [problem(file, 1, 'no front matter', 'start the file with a --- line, the fields (title, date, section, authors, summary), and another --- line')] };
  if (!/\n---[ \t]*(?:\n|$)/.test(text.slice(3))) return { ok: false, problems: [problem(file, 1, 'the front matter is not closed', 'end the fields with a --- line and write the body below it')] };

  let doc: Document.Parsed | undefined;
  const lines = new LineCounter();
  // gray-matter hands the engine the text after the opening ---, starting with its newline, so
  // the YAML's line n is the file's line n (the --- line is line 1).
  let lead = 1;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      engines: {
        yaml: (raw: string) => {
          lead = raw.startsWith('\n') ? 0 : 1;
          doc = parseDocument(raw, { lineCounter: lines, schema: 'core', uniqueKeys: true, prettyErrors: false });
          if (doc.errors.length) throw doc.errors[0];
          return (doc.toJS({ maxAliasCount: 50 }) ?? {}) as object;
        },
      },
    });
  } catch (error) {
    const e = error as { pos?: [number, number]; message?: string };
    const line = e.pos ? lines.linePos(e.pos[0]).line + lead : 2;
    const message = (e.message ?? String(error)).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, problems: [problem(file, line, `invalid YAML in front matter: ${message}`, 'fix the YAML syntax (quote values that contain a colon, # or start with a quote or bracket)')] };
  }
  const fmLines = parsed.matter.split('\n').length;
  const bodyLine = fmLines + 2;
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [problem(file, 2, 'front matter is not a set of fields', 'write one "field: value" per line')] };
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: zodProblems(file, result.error, doc, (offset) => lines.linePos(offset).line + lead, fmLines) };
  if (parsed.content.trim() === '') warnings.push({ ...problem(file, bodyLine, 'the article has no body', 'write the text below the front matter'), severity: 'warning' });
  return { ok: true, article: { frontMatter: result.data, body: parsed.content, bodyLine }, warnings };
}

function zodProblems(file: string, error: ZodError, doc: Document.Parsed | undefined, lines: LineOf, fmLines: number): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path.map(String), key];
        const near = suggest(key, issue.path.length ? ['src', 'alt', 'credit', 'caption'] : FRONT_MATTER_FIELDS);
        out.push(problem(file, lineOfPath(doc, lines, path, fmLines), `unknown field "${key}"`, near ? `did you mean "${near}"?` : `remove it; the fields are ${FRONT_MATTER_FIELDS.join(', ')}`, path.join('.')));
      }
      continue;
    }
    const path = issue.path.map(String);
    const field = path.join('.') || undefined;
    const hint = (issue as { params?: { hint?: string } }).params?.hint ?? hintFor(path[0] ?? '', issue.message);
    const missing = issue.code === 'invalid_type' && /missing|required|received undefined/.test(issue.message);
    const message = missing ? `${field ?? 'a field'} is missing` : issue.message;
    out.push(problem(file, lineOfPath(doc, lines, path, fmLines), message, hint, field));
  }
  return out;
}

function hintFor(field: string, message: string): string {
  switch (field) {
    case 'title':
      return 'give the headline as text, e.g. title: "بوتين يدعو إلى تعزيز العلاقات"';
    case 'date':
    case 'updated':
      return 'write it like 2022-12-19T10:00:00+03:00';
    case 'authors':
      return 'list at least one author, e.g. authors: [سلمى الحسيني]';
    case 'tags':
      return 'list tags as text, e.g. tags: [روسيا, بيلاروس]';
    case 'section':
      return 'name the section, e.g. section: سياسة';
    case 'summary':
      return 'write one sentence that sums the article up';
    case 'image':
      return 'give image.src (a path under content/) and image.alt (what the picture shows)';
    case 'draft':
      return 'write draft: true or draft: false';
    default:
      return message.includes('lang') ? 'write lang: ar or lang: en' : 'see content/README.md for the fields';
  }
}

/** The file line of a front matter field (the line of its key), or of the front matter's end when it is absent. */
type LineOf = (offset: number) => number;

function lineOfPath(doc: Document.Parsed | undefined, lines: LineOf, path: string[], fmLines: number): number {
  let node: unknown = doc?.contents;
  let line = fmLines + 1; // the closing --- line: where a missing field would go
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) break;
    const range = (pair.key as { range?: [number, number, number] }).range;
    if (range) line = lines(range[0]);
    node = pair.value;
  }
  return line;
}

function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
