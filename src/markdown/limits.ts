/**
 * Bounds on the work one article can cause: a linear scan before parsing rejects input that makes micromark quadratic (runs of unmatched
 * `_`, `]`, `<!`; quotes and lists closed again and again) or nests deep enough to overflow the stack, with an error naming the line.
 * The limits are far above any news article.
 */

/** Blockquote and list levels a line may open (`> > - x`, or a list item indented 2 columns per level). */
export const MAX_CONTAINER_DEPTH = 32;
/**
 * Quote and list closes, each weighted by the lines before it, a line counting one plus its quote and list levels (a quote ends at a
 * blank line, a list at an unindented paragraph after one, either at a heading, a fence or a line with fewer levels): micromark's
 * document parser rewrites its line and container events at every close, so its work grows with that sum (docs/performance.md,
 * "Hostile Markdown"). 300 one-line quotes in a row weigh 135,150.
 */
export const MAX_CONTAINER_CLOSE_WORK = 2_000_000;
/** Markup characters (* _ [ ] ( ) < ` ~) in one block of text between blank lines, outside code fences. */
export const MAX_MARKS_PER_BLOCK = 500;
/** Open HTML elements at any point of the raw HTML in the body. */
export const MAX_HTML_DEPTH = 128;
/** Depth of the Markdown syntax tree (containers plus inline emphasis, links …). */
export const MAX_TREE_DEPTH = 96;

export class MarkdownLimitError extends Error {
  constructor(
    /** 1-based line in the Markdown source. */
    readonly line: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'MarkdownLimitError';
  }
}

/** The markup characters * _ [ ] ( ) < ` ~, by code (a one-character string per test would be allocated). */
const isMarkupChar = (c: number) =>
  c === 42 || c === 95 || c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 96 || c === 126;
// Elements whose end tag may be left out (the parser closes them itself) and void elements: they
// never add to the nesting depth in a way the scan could count.
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
  'colgroup',
  'caption',
]);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>/g;
/** A thematic break (* * *, ---), which no list marker opens. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A line that ends a paragraph and the quotes or lists a lazy line would continue: a heading, a fence, raw HTML, a rule. */
const INTERRUPTS = new RegExp(`^ {0,3}(?:#{1,6}(?:[ \\t]|$)|\`{3,}|~{3,}|<)|${THEMATIC_BREAK.source}`);

/** Throws MarkdownLimitError for the first line that exceeds a limit. Linear in the input. */
export function checkMarkdownLimits(markdown: string): void {
  // Lines as micromark ends them: LF, CRLF or a lone CR (an article's file is read with LF, text from the editor's preview is not).
  const lines = markdown.split(/\r\n|\r|\n/);
  let blockStart = 1;
  let marks = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlDepth = 0;
  let openQuotes = 0;
  let openLists = 0;
  let lineWeight = 0;
  let closeWork = 0;
  let afterText = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const lineNo = n + 1;
    const { depth, quotes, lists } = containers(line);
    const blank = line.trim() === '';
    // A blank line ends every quote but no list (a loose list's next item continues it). A line with no marker that is indented
    // (an item's next line) or follows text (a lazy or paragraph line) ends nothing, unless it opens a heading, a fence or a rule.
    // Code in a fence opens nothing.
    if (!fence) {
      let closes = 0;
      if (blank) {
        closes = openQuotes;
        openQuotes = 0;
      } else if (quotes + lists > 0 || !(/^ {2}/.test(line) || (afterText && !INTERRUPTS.test(line)))) {
        closes = Math.max(0, openQuotes - quotes) + Math.max(0, openLists - lists);
        openQuotes = quotes;
        openLists = lists;
      }
      closeWork += closes * lineWeight;
      lineWeight += 1 + depth;
      afterText = !blank;
    }
    if (closeWork > MAX_CONTAINER_CLOSE_WORK) {
      throw new MarkdownLimitError(
        lineNo,
        'the Markdown above here ends too many quotes or lists (separate > quotes, or lists broken by paragraphs) to format in good time',
        'join consecutive quotes into one (no blank line between their lines), or write the quoted lines as ordinary paragraphs',
      );
    }
    if (depth > MAX_CONTAINER_DEPTH) {
      throw new MarkdownLimitError(
        lineNo,
        `the Markdown is nested more than ${MAX_CONTAINER_DEPTH} levels deep (quotes or lists inside each other)`,
        'remove the extra > or list markers, or write the text without nesting',
      );
    }
    // Fenced code at the top level is not parsed for inline markup: its marks do not count.
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opener && !(opener[1]![0] === '`' && line.slice(opener[0].length).includes('`'))) {
      fence = { char: opener[1]![0]!, length: opener[1]!.length };
      marks = 0;
      continue;
    }
    if (blank) {
      marks = 0;
      blockStart = lineNo + 1;
      continue;
    }
    for (let i = 0; i < line.length; i++) if (isMarkupChar(line.charCodeAt(i))) marks++;
    if (marks > MAX_MARKS_PER_BLOCK) {
      throw new MarkdownLimitError(
        blockStart,
        `the paragraph starting here has more than ${MAX_MARKS_PER_BLOCK} Markdown marks (* _ [ ] ( ) < \` ~), too many to format safely`,
        'split it into shorter paragraphs with blank lines, or escape literal marks with a backslash',
      );
    }
    if (line.includes('<')) {
      for (const m of line.matchAll(TAG)) {
        const name = m[2]!.toLowerCase();
        if (NOT_NESTING.has(name) || m[3]) continue;
        if (m[1]) htmlDepth = Math.max(0, htmlDepth - 1);
        else if (++htmlDepth > MAX_HTML_DEPTH) {
          throw new MarkdownLimitError(
            lineNo,
            `the raw HTML here opens more than ${MAX_HTML_DEPTH} elements inside each other`,
            'close the HTML elements you open, or write the text in Markdown',
          );
        }
      }
    }
  }
}

/**
 * The blockquote and list levels a line's prefix opens: `depth` an upper estimate of both (a list item indented 2 columns per level),
 * `quotes` its `>` markers, `lists` its list markers.
 */
function containers(line: string): { depth: number; quotes: number; lists: number } {
  if (THEMATIC_BREAK.test(line)) return { depth: 0, quotes: 0, lists: 0 };
  let quotes = 0;
  let depth = 0;
  let columns = 0;
  let i = 0;
  let sawMarker = false;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') {
      columns++;
      i++;
    } else if (c === '\t') {
      columns += 4;
      i++;
    } else if (c === '>') {
      depth++;
      quotes++;
      sawMarker = true;
      i++;
      if (line[i] === ' ') i++; // the space after a marker belongs to it, not to indentation
    } else if ((c === '-' || c === '*' || c === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      sawMarker = true;
      i += line[i + 1] === ' ' ? 2 : 1;
    } else if (c >= '0' && c <= '9') {
      const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!m) break;
      depth++;
      sawMarker = true;
      i += m[0].length;
      if (line[i] === ' ') i++;
    } else break;
  }
  if (!sawMarker) return { depth: 0, quotes: 0, lists: 0 };
  const levels = depth + Math.floor(columns / 2);
  return { depth: levels, quotes, lists: levels - quotes };
}

/** Depth of a unist tree, walked without recursion. Returns the deepest node's line when above `max`. */
export function findTooDeep(root: { children?: unknown[] }, max: number): { depth: number; line: number } | undefined {
  const stack: Array<{ node: { children?: unknown[]; position?: { start?: { line?: number } } }; depth: number }> = [
    { node: root, depth: 0 },
  ];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > max) return { depth, line: node.position?.start?.line ?? 1 };
    if (Array.isArray(node.children)) for (const child of node.children) stack.push({ node: child as never, depth: depth + 1 });
  }
  return undefined;
}
