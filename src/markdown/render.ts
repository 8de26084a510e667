/**
 * Markdown → safe HTML with unified: remark-parse (+ GFM), the Arabic normalizer on text nodes, remark-rehype, raw HTML parsed then
 * sanitized against an allowlist, Latin runs isolated in right-to-left text, serialized. Pure: string in, string out.
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
  if (deep)
    throw new MarkdownLimitError(
      deep.line,
      `the Markdown is nested more than ${MAX_TREE_DEPTH} levels deep (quotes, lists, emphasis or links inside each other)`,
      'write it with less nesting',
    );
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

/** What changes from one call to the next: read from the file's data (unified's `file.data`), never from the processor. */
interface PerCall {
  lexicon?: RenderOptions['lexicon'];
  quran?: RenderOptions['quran'];
  evidence?: RenderOptions['evidence'];
  onChange?: RenderOptions['onChange'];
  onDoubt?: RenderOptions['onDoubt'];
  damaged?: RenderOptions['damaged'];
}

/**
 * The normalizer plugin with the per-call options of each file (`file.data.normalize`) over the
 * processor's own: a processor is made once per set of options and reused across articles and
 * builds, so the evidence, lexicon, listeners and damage verdict of one call must not stay in it.
 */
const remarkNormalizePerFile: Plugin<[RemarkNormalizeOptions], MdastRoot> = function (base) {
  return (tree, file) => {
    const perCall = (file.data as { normalize?: PerCall }).normalize ?? {};
    const transform = remarkNormalizeArabic.call(this, { ...base, ...perCall }) as (tree: MdastRoot) => void;
    transform(tree);
  };
};

/** A frozen unified processor from Markdown to an HTML string (its tree types change with each plugin used). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HtmlProcessor = Processor<any, any, any, any, string>;

const processors = new Map<string, HtmlProcessor>();

function processorFor(options: RenderOptions): HtmlProcessor {
  const { onChange, onDoubt, damaged, lexicon, quran, evidence, ...shared } = options;
  const key = JSON.stringify(shared);
  let p = processors.get(key);
  if (!p) {
    const base = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkDepthLimit)
      .use(remarkNormalizePerFile, shared)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRawWhenPresent)
      .use(rehypeSanitize, SANITIZE_SCHEMA);
    p = (options.dir === 'rtl' ? base.use(rehypeIsolateLatin) : base).use(rehypeStringify).freeze() as HtmlProcessor;
    processors.set(key, p);
  }
  return p;
}

/**
 * Renders one article body. Throws MarkdownLimitError (with the source line) for input beyond the
 * limits in limits.ts: too deeply nested, or built to make the parser's work grow faster than
 * the input. Never throws a bare RangeError from a stack overflow.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  checkMarkdownLimits(markdown);
  const processor = processorFor(options);
  const normalize: PerCall = {
    lexicon: options.lexicon,
    quran: options.quran,
    evidence: options.evidence,
    onChange: options.onChange,
    onDoubt: options.onDoubt,
    damaged: options.damaged,
  };
  try {
    // Control characters XML forbids would make every feed that carries the article unreadable.
    return { html: String(processor.processSync({ value: markdown.replace(CONTROL_CHARS, ' '), data: { normalize } })) };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new MarkdownLimitError(
        1,
        'the Markdown is nested too deeply to render',
        'write it with fewer quotes, lists, emphasis or HTML elements inside each other',
      );
    }
    throw error;
  }
}
