/**
 * `warraq lint` on one file: front matter against the schema, and the damage the normalizer would repair in title, summary and body (walked
 * as the build walks it, markdown/text-blocks.ts) at its source line and column; `fix` writes only those repairs, all else byte for byte.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import type { ContentProblem } from '../content/errors.ts';
import { parseArticle } from '../content/parse.ts';
import { prepareArticle } from '../prepare/prepare-article.ts';
import { normalize, normalizePieces, showsDamage, type NormalizeOptions, type NormalizeResult } from '../text/normalize.ts';
import { dropFurniture } from '../text/furniture.ts';
import { checkMarkdownLimits, findTooDeep, MarkdownLimitError, MAX_TREE_DEPTH } from '../markdown/limits.ts';
import { forEachTextBlock, pairBlockQuotes } from '../markdown/text-blocks.ts';
import { diffHunks, type Hunk } from './diff.ts';

export type Severity = 'error' | 'warning';

export interface LintIssue {
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  /** What to do, or the repaired text. */
  fix: string;
  /** `--fix` can write this repair into the source. */
  fixable: boolean;
}

export interface LintResult {
  file: string;
  issues: LintIssue[];
  /** The source with every fixable repair applied (equal to the source when there is none). */
  fixed: string;
  /** Repairs the normalizer would make (what the build counts). */
  repairs: number;
  /** The front matter is valid: the file is an article the build accepts. */
  valid: boolean;
  /** The article's URL, for duplicate checks across files. */
  url?: string | undefined;
}

/** Split-word damage and encoding debris are errors; style (quotes, spacing, punctuation) warns. */
export const RULES: Record<string, { severity: Severity; message: string }> = {
  'split-word': { severity: 'error', message: 'word split where a diacritic was lost' },
  'word-final-mark': { severity: 'error', message: 'diacritic at the end of a word lost (became a space)' },
  'invisible-char': { severity: 'error', message: 'invisible character inside the text' },
  'presentation-form': { severity: 'error', message: 'Arabic presentation form instead of the plain letter' },
  'persian-letter': { severity: 'error', message: 'Persian letter in Arabic text' },
  nfc: { severity: 'warning', message: 'characters not in Unicode normal form (NFC)' },
  tatweel: { severity: 'warning', message: 'tatweel (kashida) stretching a word' },
  whitespace: { severity: 'warning', message: 'stray or doubled space' },
  quotes: { severity: 'warning', message: 'quotation mark in the wrong style or direction' },
  'punctuation-space': { severity: 'warning', message: 'space before, or none after, a punctuation mark' },
  'arabic-punctuation': { severity: 'warning', message: 'Latin punctuation between Arabic words' },
  digits: { severity: 'warning', message: 'digits not in the configured numbering system' },
  'possible-split-word': { severity: 'warning', message: 'possible split word' },
};

export interface LintOptions {
  normalize: Partial<NormalizeOptions>;
  /** Does the image at this path under content/ exist? (Skipped when absent.) */
  imageExists?: ((src: string) => boolean) | undefined;
}

/** A view of the source with LF line endings and no BOM, mapping each position back to the source. */
interface View {
  text: string;
  /** Source offset where the view's character i starts (length text.length + 1). */
  toSource: Int32Array;
}

function lfView(source: string): View {
  const toSource = new Int32Array(source.length + 1);
  let text = '';
  let chunkStart = 0;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  chunkStart = i;
  let n = 0;
  const flush = (end: number) => {
    text += source.slice(chunkStart, end);
    for (let k = chunkStart; k < end; k++) toSource[n++] = k;
  };
  for (; i < source.length; i++) {
    if (source.charCodeAt(i) !== 13) continue;
    flush(i);
    text += '\n';
    toSource[n++] = i; // a CRLF or a lone CR reads as one \n that starts at the CR
    if (source.charCodeAt(i + 1) === 10) i++;
    chunkStart = i + 1;
  }
  flush(source.length);
  toSource[n] = source.length;
  return { text, toSource: toSource.subarray(0, n + 1) };
}

/** 1-based line and column (in code points) of a source offset. */
function lineColumnOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...source.slice(lineStart, offset)].length + 1 };
}

const VISIBLE: Record<string, string> = {
  '\u00A0': '⍽',
  '\u200B': '<ZWSP>',
  '\u200C': '<ZWNJ>',
  '\u200D': '<ZWJ>',
  '\u200E': '<LRM>',
  '\u200F': '<RLM>',
  '\uFEFF': '<BOM>',
};
// Invisible characters spelled out; a mark standing alone drawn on a dotted circle.
const show = (s: string) => `"${/^\p{M}/u.test(s) ? '\u25CC' : ''}${[...s].map((c) => VISIBLE[c] ?? c).join('')}"`;

/** The word around a change, before and after it, e.g. "تكب دت" → "تكبّدت". */
function context(value: string, offset: number, before: string, after: string): string {
  const space = (c: string | undefined) => c === undefined || /\s/.test(c);
  let a = offset;
  while (a > 0 && offset - a < 20 && !space(value[a - 1])) a--;
  let b = offset + before.length; // past a removed space, the rest of the split word
  while (b < value.length && b - offset < 20 && !space(value[b])) b++;
  const was = value.slice(a, b);
  const now = value.slice(a, offset) + after + value.slice(offset + before.length, b);
  return `${show(was)} → ${show(now)}`;
}

interface Located {
  /** Offsets of the analysed string's characters in the view, and whether each maps 1:1. */
  pos: Int32Array;
  direct: Uint8Array;
}

/**
 * Aligns a text node's value with its source: backslash escapes and entities are skipped over,
 * as are indentation and other characters Markdown drops. Returns undefined when the value cannot
 * be found in order in the source (then its repairs are reported but not written back).
 */
function align(value: string, view: string, start: number, end: number): Located | undefined {
  const pos = new Int32Array(value.length + 1);
  const direct = new Uint8Array(value.length);
  let j = start;
  for (let i = 0; i < value.length;) {
    if (j >= end) return undefined;
    if (view[j] === '&') {
      const semi = view.indexOf(';', j);
      if (semi !== -1 && semi - j < 40) {
        // An entity or numeric reference: its characters in the value are pinned, not editable.
        const decoded = decodeEntity(view.slice(j, semi + 1));
        if (decoded && value.startsWith(decoded, i)) {
          for (let k = 0; k < decoded.length; k++) pos[i + k] = j;
          i += decoded.length;
          j = semi + 1;
          continue;
        }
      }
    }
    if (view[j] === value[i]) {
      pos[i] = j;
      direct[i] = 1;
      i++;
      j++;
      continue;
    }
    if (view[j] === '\\' && view[j + 1] === value[i]) {
      j++;
      continue;
    }
    if (/\s/.test(view[j]!) || view[j] === '>') {
      j++; // indentation, a blockquote marker or a line-ending space Markdown left out
      continue;
    }
    return undefined;
  }
  pos[value.length] = j;
  return { pos, direct };
}

function decodeEntity(ref: string): string | undefined {
  const num = /^&#(?:x([0-9a-f]+)|(\d+));$/i.exec(ref);
  if (num) {
    const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&nbsp;': '\u00A0' };
  return named[ref];
}

/** Can the value range [a, b) be replaced in the source as one contiguous run? */
function editable(loc: Located, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!loc.direct[k]) return false;
  for (let k = a; k + 1 < b; k++) if (loc.pos[k + 1] !== loc.pos[k]! + 1) return false;
  // An insertion (or the edges of a replacement) must sit between adjacent source characters.
  if (a === b && a > 0 && a < loc.pos.length - 1 && loc.pos[a] !== loc.pos[a - 1]! + 1) return false;
  return true;
}

/** Edits to the view, as [start, end) and replacement text. */
interface ViewEdit {
  start: number;
  end: number;
  text: string;
}

/** One piece of text (a Markdown text node, a title) and how it maps into the view. */
interface Piece {
  value: string;
  loc: Located | undefined;
  /** View offset reported when the piece could not be aligned with the source. */
  fallback: number;
}

/** The piece's text with its quote marks paired (same length). */
function quotedText(piece: Piece, quoteEdits: ReadonlyArray<{ at: number; to: string }>): string {
  const chars = piece.value.split('');
  for (const q of quoteEdits) chars[q.at] = q.to;
  return chars.join('');
}

/**
 * Reports every change the normalizer made to a piece whose quote marks were already paired (`quoted`, the same length), and
 * returns the edits that turn it into the normalized text.
 */
function analysePiece(
  piece: Piece,
  quoteEdits: Array<{ at: number; to: string }>,
  quoted: string,
  { text, changes, doubts }: NormalizeResult,
  report: (issue: Omit<LintIssue, 'line' | 'column'> & { viewOffset: number }) => void,
): ViewEdit[] {
  const { value, loc } = piece;
  const at = (offset: number) => (loc ? loc.pos[Math.min(offset, value.length)]! : piece.fallback);
  for (const q of quoteEdits) {
    report({
      rule: 'quotes',
      severity: RULES.quotes!.severity,
      message: RULES.quotes!.message,
      fix: `${show(value[q.at]!)} → ${show(q.to)}`,
      fixable: Boolean(loc && editable(loc, q.at, q.at + 1)),
      viewOffset: at(q.at),
    });
  }
  for (const c of changes) {
    const rule = RULES[c.rule] ?? { severity: 'warning' as const, message: c.rule };
    report({
      rule: c.rule,
      severity: rule.severity,
      message: rule.message,
      fix: context(quoted, c.offset, c.before, c.after),
      fixable: Boolean(loc && editable(loc, c.offset, c.offset + c.before.length)),
      viewOffset: at(c.offset),
    });
  }
  // Gaps the repair declined that could be a lost mark: the editor decides; --fix never writes them.
  for (const d of doubts) {
    const rule = RULES['possible-split-word']!;
    report({
      rule: 'possible-split-word',
      severity: rule.severity,
      message: `${rule.message} "${d.before}" → "${d.candidate}"?`,
      fix: `write "${d.candidate}" if a mark was lost there, or leave it`,
      fixable: false,
      viewOffset: at(d.offset),
    });
  }
  if (!loc || text === value) return [];
  const edits: ViewEdit[] = [];
  for (const h of diffHunks(value, text)) {
    if (!editable(loc, h.start, h.end)) continue;
    let start: number;
    let end: number;
    if (h.end > h.start) [start, end] = [loc.pos[h.start]!, loc.pos[h.end - 1]! + 1];
    else start = end = h.start > 0 ? loc.pos[h.start - 1]! + 1 : loc.pos[0]!;
    edits.push({ start, end, text: h.text });
  }
  return edits;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

export function lintSource(file: string, source: string, options: LintOptions): LintResult {
  const issues: LintIssue[] = [];
  const fromProblem = (p: ContentProblem, rule = 'front-matter'): LintIssue => ({
    line: p.line,
    column: p.column ?? 1,
    rule,
    severity: p.severity,
    message: p.field ? `${p.field}: ${p.message}` : p.message,
    fix: p.hint,
    fixable: false,
  });
  const parsed = parseArticle(file, source);
  if (!parsed.ok) return { file, issues: parsed.problems.map((p) => fromProblem(p)), fixed: source, repairs: 0, valid: false };
  issues.push(...parsed.warnings.map((p) => fromProblem(p)));
  const { frontMatter: fm, body } = parsed.article;
  const damaged = options.normalize?.damaged ?? showsDamage(`${fm.title}\n${fm.summary}\n${parsed.article.body}`);
  const normalizeOptions: Partial<NormalizeOptions> = { ...options.normalize, lang: fm.lang.split('-')[0]!, damaged };

  // What the build checks beyond the schema: a usable slug, an image path inside content/.
  let url: string | undefined;
  const prepared = prepareArticle(file, source, normalizeOptions);
  if (!prepared.ok) issues.push(...prepared.problems.map((p) => fromProblem(p, p.field ? 'front-matter' : 'markdown')));
  else {
    url = prepared.article.url;
    const image = prepared.article.image;
    if (image && options.imageExists && !options.imageExists(image.src))
      issues.push({
        line: 2,
        column: 1,
        rule: 'front-matter',
        severity: 'error',
        message: `image.src: no file at content/${image.src}`,
        fix: 'put the picture there or fix the path',
        fixable: false,
      });
  }

  const view = lfView(source);
  const edits: ViewEdit[] = [];
  let repairs = 0;
  const report = (i: Omit<LintIssue, 'line' | 'column'> & { viewOffset: number }) => {
    if (i.rule !== 'possible-split-word') repairs++;
    const { viewOffset, ...rest } = i;
    issues.push({ ...lineColumnOf(source, view.toSource[viewOffset]!), ...rest });
  };

  // Title and summary: repaired in place when the value stands verbatim on its key's line, and
  // only when the front matter still reads as the repaired values afterwards (a repair must never
  // change what the YAML means, e.g. a space inserted after a colon in a plain scalar).
  const fmEdits: ViewEdit[] = [];
  const fmIssues: LintIssue[] = [];
  const expected: Record<string, string> = {};
  const bodyStart = view.text.endsWith(body) ? view.text.length - body.length : -1;
  const fmEnd = bodyStart >= 0 ? bodyStart : view.text.length;
  for (const [field, value] of [
    ['title', fm.title],
    ['summary', fm.summary],
  ] as const) {
    const key = new RegExp(`^${field}[ \\t]*:`, 'm').exec(view.text.slice(0, fmEnd));
    const keyAt = key?.index ?? 0;
    const first = view.text.indexOf(value, keyAt);
    const onKeyLine =
      key !== null && first !== -1 && first + value.length <= fmEnd && !view.text.slice(keyAt, first + value.length).includes('\n');
    const loc = onKeyLine ? align(value, view.text, first, first + value.length) : undefined;
    const before = issues.length;
    const result = normalize(value, normalizeOptions);
    fmEdits.push(
      ...analysePiece({ value, loc, fallback: keyAt }, [], value, result, (i) => report({ ...i, message: `${field}: ${i.message}` })),
    );
    fmIssues.push(...issues.slice(before));
    expected[field] = result.text;
  }
  if (fmEdits.length) {
    const candidate = parseArticle(file, applyViewEdits(source, view, fmEdits));
    const safe =
      candidate.ok && candidate.article.frontMatter.title === expected.title && candidate.article.frontMatter.summary === expected.summary;
    if (safe) edits.push(...fmEdits);
    else for (const i of fmIssues) i.fixable = false;
  }

  if (bodyStart < 0) return { file, issues: sortIssues(issues), fixed: source, repairs, valid: prepared.ok, url };

  // Furniture scraped with the text: the build drops it; the editor should.
  const furniture = dropFurniture(body);
  for (const r of furniture.removed) {
    const offset = bodyStart + body.split('\n').slice(0, r.line).join('\n').length + (r.line > 0 ? 1 : 0);
    issues.push({
      ...lineColumnOf(source, view.toSource[offset]!),
      rule: 'furniture',
      severity: 'warning',
      message: `page furniture "${r.text.trim()}" at the end of the article (the build leaves it out)`,
      fix: 'delete the line',
      fixable: false,
    });
  }
  const analysed = furniture.removed.length ? body.slice(0, furniture.text.length) : body;
  // A body past the Markdown limits is not parsed (the build rejects it; prepareArticle said why).
  const done = () => ({ file, issues: sortIssues(issues), fixed: applyViewEdits(source, view, edits), repairs, valid: prepared.ok, url });
  try {
    checkMarkdownLimits(analysed);
  } catch (error) {
    if (error instanceof MarkdownLimitError) return done();
    throw error;
  }
  const tree = markdown.parse(analysed) as Root;
  if (findTooDeep(tree, MAX_TREE_DEPTH)) return done();
  const quoteStyle = normalizeOptions.quotes ?? 'guillemets';
  const pieces: Array<{ piece: Piece; quoteEdits: Array<{ at: number; to: string }>; opensLine: boolean }> = [];
  forEachTextBlock(tree, (texts) => {
    const block: Piece[] = texts.map((t) => {
      const s = t.position?.start.offset;
      const e = t.position?.end.offset;
      return {
        value: t.value,
        loc: s === undefined || e === undefined ? undefined : align(t.value, view.text, bodyStart + s, bodyStart + e),
        fallback: bodyStart + (s ?? 0),
      };
    });
    // Quotation marks are paired per block across its text nodes, as in the build.
    const quoteEdits: Array<Array<{ at: number; to: string }>> = block.map(() => []);
    for (const q of pairBlockQuotes(
      block.map((p) => p.value),
      quoteStyle,
    ))
      quoteEdits[q.node]!.push({ at: q.at, to: q.to });
    block.forEach((piece, k) => pieces.push({ piece, quoteEdits: quoteEdits[k]!, opensLine: k === 0 }));
  });
  // The text nodes are normalized as pieces of one document, as in the build.
  const quoted = pieces.map((p) => quotedText(p.piece, p.quoteEdits));
  const results = normalizePieces(
    quoted,
    pieces.map((p) => p.opensLine),
    { ...normalizeOptions, quotes: 'keep', fragment: true },
  );
  pieces.forEach((p, i) => edits.push(...analysePiece(p.piece, p.quoteEdits, quoted[i]!, results[i]!, report)));

  return done();
}

function applyViewEdits(source: string, view: View, edits: ViewEdit[]): string {
  if (edits.length === 0) return source;
  const hunks: Hunk[] = edits.map((e) => ({
    start: view.toSource[e.start]!,
    end: e.end > e.start ? view.toSource[e.end - 1]! + 1 : view.toSource[e.start]!,
    text: e.text,
  }));
  hunks.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const h of hunks) {
    if (h.start < at) continue; // overlapping: keep the first
    out += source.slice(at, h.start) + h.text;
    at = h.end;
  }
  return out + source.slice(at);
}

function sortIssues(issues: LintIssue[]): LintIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function formatIssue(file: string, i: LintIssue): string {
  return `${file}:${i.line}:${i.column}  ${i.rule}  ${i.severity}: ${i.message}  (fix: ${i.fix}${!i.fixable && i.rule in RULES ? '; by hand' : ''})`;
}
