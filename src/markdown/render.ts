/**
 * Markdown → safe HTML with unified: remark-parse (+ GFM tables, lists, strikethrough), the Arabic
 * normalizer on text nodes, remark-rehype, raw HTML parsed then sanitized against an allowlist,
 * Latin runs isolated in right-to-left text, and serialized. Pure: string in, string out.
 */
import { unified, type Plugin, type Processor } from 'unified';
import type { Root as MdastRoot } from 'mdast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkNormalizeArabic, { type RemarkNormalizeOptions } from './remark-normalize-arabic.ts';
import rehypeIsolateLatin from './rehype-isolate-latin.ts';
import rehypeRawWhenPresent from './rehype-raw-when-present.ts';
import { checkMarkdownLimits, findTooDeep, MarkdownLimitError, MAX_TREE_DEPTH } from './limits.ts';

export { MarkdownLimitError } from './limits.ts';

/** C0 controls other than tab and line breaks, and the noncharacters U+FFFE/U+FFFF: not allowed in XML 1.0. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** remark plugin, first after parsing: rejects trees the recursive plugins after it could not walk. */
const remarkDepthLimit: Plugin<[], MdastRoot> = () => (tree) => {
  const deep = findTooDeep(tree, MAX_TREE_DEPTH);
  if (deep) throw new MarkdownLimitError(deep.line, `the Markdown is nested more than ${MAX_TREE_DEPTH} levels deep (quotes, lists, emphasis or links inside each other)`, 'write it with less nesting');
};

/**
 * The allowlist: GitHub's schema (no script, style, iframe, object, event handlers, or
 * javascript:/data: URLs), without `input` (task-list checkboxes are not news) and with only
 * http(s), mailto and tel links.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'], cite: ['http', 'https'] },
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dir', 'lang'] },
};

export interface RenderOptions extends RemarkNormalizeOptions {
  /** Text direction of the article: Latin runs are isolated in rtl articles only. */
  dir?: 'rtl' | 'ltr';
}

export interface RenderResult {
  html: string;
}

const processors = new Map<string, Processor<any, any, any, any, string>>();

function processorFor(options: RenderOptions): Processor<any, any, any, any, string> {
  const { onChange, ...rest } = options;
  // The processor is reused across articles with the same options; onChange is read per call.
  const key = JSON.stringify({ ...rest, lexicon: rest.lexicon ? 'yes' : 'no', evidence: rest.evidence ? 'yes' : 'no' });
  let p = processors.get(key);
  if (!p) {
    // The lexicon and the evidence are read per call too: a process that renders for two builds
    // (serve, tests) must not keep asking the first build's evidence.
    const hooks: RemarkNormalizeOptions = {
      ...rest,
      lexicon: rest.lexicon && (() => current.lexicon!()),
      evidence: rest.evidence && {
        count: (word: string) => current.evidence!.count(word),
        countHash: (hash: number) => current.evidence!.countHash?.(hash),
        countOfHashes: (fnv: number, djb2: number) => current.evidence!.countOfHashes?.(fnv, djb2),
      },
      onChange: (c) => current.onChange?.(c),
      wantsChanges: () => current.onChange !== undefined,
    };
    const base = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkDepthLimit)
      .use(remarkNormalizeArabic, hooks)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRawWhenPresent)
      .use(rehypeSanitize, SANITIZE_SCHEMA);
    p = (options.dir === 'rtl' ? base.use(rehypeIsolateLatin) : base).use(rehypeStringify).freeze() as Processor<any, any, any, any, string>;
    processors.set(key, p);
  }
  return p;
}

const current: { onChange?: RemarkNormalizeOptions['onChange']; lexicon?: RenderOptions['lexicon']; evidence?: RenderOptions['evidence'] } = {};

/**
 * Renders one article body. Throws MarkdownLimitError (with the source line) for input beyond the
 * limits in limits.ts: too deeply nested, or built to make the parser's work grow faster than
 * the input. Never throws a bare RangeError from a stack overflow.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  checkMarkdownLimits(markdown);
  const processor = processorFor(options);
  current.onChange = options.onChange;
  current.lexicon = options.lexicon;
  current.evidence = options.evidence;
  try {
    // Control characters XML forbids would make every feed that carries the article unreadable.
    return { html: String(processor.processSync(markdown.replace(CONTROL_CHARS, ' '))) };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new MarkdownLimitError(1, 'the Markdown is nested too deeply to render', 'write it with fewer quotes, lists, emphasis or HTML elements inside each other');
    }
    throw error;
  } finally {
    current.onChange = undefined;
    current.lexicon = undefined;
    current.evidence = undefined;
  }
}
