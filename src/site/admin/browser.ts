/**
 * /admin/'s own script, bundled for the browser and loaded after Decap CMS: fields checked with the build's zod schema, right-to-left text
 * (left-to-right for `lang` en), the build's slug for new articles, and a preview repaired and rendered as the build does (no lexicon).
 */
import { z } from 'zod';
import { frontMatterSchema, imageSchema } from '../../content/schema.ts';
import { normalize } from '../../text/normalize.ts';
import { slugify, isSafeSlug } from '../../text/slug.ts';
import { renderMarkdown, MarkdownLimitError } from '../../markdown/render.ts';

/** What /admin/index.html hands this script (written by admin/write.ts). */
export interface AdminSettings {
  quotes: 'guillemets' | 'curly' | 'keep';
  digits: 'keep' | 'latn' | 'arab';
  repairSplitWords: boolean;
  /** The site's right-to-left and left-to-right stylesheets, as URLs. */
  stylesheets: { rtl: string; ltr: string };
}

/** The parts of Immutable.js values Decap hands widgets and event handlers. */
interface ImmutableValue {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  set(key: string, value: unknown): ImmutableValue;
  delete(key: string): ImmutableValue;
  toJS(): unknown;
}
interface FieldProps {
  field: ImmutableValue;
  value: unknown;
  getEntry?: () => ImmutableValue;
  entry?: ImmutableValue;
  [prop: string]: unknown;
}
type ReactNode = unknown;
type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: ReactNode[]) => ReactNode;
interface Widget {
  control: unknown;
  preview?: unknown;
}
interface DecapCms {
  getWidget(name: string): Widget | undefined;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerEventListener(listener: { name: string; handler: (args: { entry: ImmutableValue }) => unknown }): void;
}
interface ComponentThis {
  props: FieldProps & { entry: ImmutableValue };
  inner?: { isValid?: () => unknown } | null;
}

declare global {
  interface Window {
    CMS: DecapCms;
    h: CreateElement;
    createClass: (spec: Record<string, unknown>) => unknown;
  }
}

const plain = (value: unknown): unknown =>
  value && typeof (value as ImmutableValue).toJS === 'function' ? (value as ImmutableValue).toJS() : value;

/** Nothing written: an empty string, list or object counts as a field left out. */
function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** The object without its blank members (undefined when nothing is left). */
function withoutBlanks(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(value).filter(([, v]) => !isBlank(v));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

const messageOf = (issue: z.core.$ZodIssue): string => {
  const hint = (issue as { params?: { hint?: string } }).params?.hint;
  return hint ? `${issue.message} (${hint})` : issue.message;
};

const FRONT_SHAPE = frontMatterSchema.shape as Record<string, z.ZodType>;

/**
 * The schema's message for one field, or undefined when the build would take it. `key` is the
 * front matter key (image.alt for a key of the image). A blank optional field is left out on save.
 */
export function fieldProblem(key: string, value: unknown, data: Record<string, unknown>): string | undefined {
  const [top, sub] = key.split('.') as [string, string | undefined];
  if (sub !== undefined) {
    const image = withoutBlanks((data[top] as Record<string, unknown> | undefined) ?? {});
    if (!image) return undefined; // no picture at all: nothing to ask for
    const result = imageSchema.safeParse(image);
    const issue = result.success ? undefined : result.error.issues.find((i) => i.path[0] === sub);
    return issue && messageOf(issue);
  }
  const schema = FRONT_SHAPE[top];
  if (!schema || top === 'image') return undefined;
  const given = isBlank(value) && !(typeof value === 'string' && value !== '') ? undefined : value;
  if (given === undefined && schema.safeParse(undefined).success) return undefined;
  const result = schema.safeParse(given);
  return result.success ? undefined : messageOf(result.error.issues[0]!);
}

const isLtr = (lang: unknown) => typeof lang === 'string' && !lang.startsWith('ar') && lang.trim() !== '';

/** Widgets whose text is the article's: they follow its direction. */
const TEXT_WIDGETS = new Set(['string', 'text', 'markdown', 'list', 'select']);

/** Registers warraq-<name> for each of Decap's widgets: the same control, checked with the schema, in the article's direction. */
function registerFieldWidgets(cms: DecapCms, h: CreateElement, createClass: Window['createClass']): void {
  for (const name of ['string', 'text', 'markdown', 'select', 'datetime', 'list', 'image', 'object', 'boolean']) {
    const original = cms.getWidget(name);
    if (!original) throw new Error(`Decap CMS has no "${name}" widget`);
    const control = createClass({
      displayName: `Warraq${name}`,
      // The direction follows the lang field: render whenever the entry does.
      shouldComponentUpdate: () => true,
      isValid(this: ComponentThis) {
        const entry = this.props.getEntry?.() ?? this.props.entry;
        const data = (plain(entry?.get('data')) ?? {}) as Record<string, unknown>;
        const key = String(this.props.field.get('warraq_schema') ?? this.props.field.get('name'));
        const message = fieldProblem(key, plain(this.props.value), data);
        if (message) return { error: { type: 'CUSTOM', message } };
        return this.inner?.isValid ? this.inner.isValid() : true;
      },
      // The lang field tells the page which way the article's text runs; Decap does not render the
      // other fields again when it changes, so /admin/'s stylesheet turns them (index.html).
      componentDidMount(this: ComponentThis) {
        if (this.props.field.get('warraq_schema') === 'lang')
          document.documentElement.dataset.warraqDir = isLtr(plain(this.props.value)) ? 'ltr' : 'rtl';
      },
      componentDidUpdate(this: ComponentThis) {
        if (this.props.field.get('warraq_schema') === 'lang')
          document.documentElement.dataset.warraqDir = isLtr(plain(this.props.value)) ? 'ltr' : 'rtl';
      },
      render(this: ComponentThis) {
        const entry = this.props.getEntry?.() ?? this.props.entry;
        const lang = entry?.getIn(['data', 'lang']) ?? 'ar';
        const ltr = isLtr(lang);
        const own =
          TEXT_WIDGETS.has(name) && this.props.field.get('warraq_schema') !== 'lang'
            ? { dir: ltr ? 'ltr' : 'rtl', className: 'warraq-field warraq-text' }
            : { dir: 'ltr', className: 'warraq-field' };
        return h(
          'div',
          { ...own, 'data-warraq-field': String(this.props.field.get('name')) },
          h(original.control, { ...this.props, ref: (r: ComponentThis['inner']) => (this.inner = r) }),
        );
      },
    });
    cms.registerWidget(name === 'datetime' ? name : `warraq-${name}`, control, original.preview);
  }
}

/** The front matter as the build wants it: blanks left out, `draft` only when true, the slug made by the build's slugify. */
export function frontMatterToSave(data: Record<string, unknown>, isNew: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'body') out[key] = value ?? '';
    else if (key === 'image' && value && typeof value === 'object') {
      const image = withoutBlanks(value as Record<string, unknown>);
      if (image) out[key] = image;
    } else if (key === 'tags') out[key] = Array.isArray(value) ? value : [];
    else if (key === 'draft') {
      if (value === true) out[key] = true;
    } else if (!isBlank(value)) out[key] = typeof value === 'string' ? value.trim() : value;
  }
  const lang = typeof out.lang === 'string' ? out.lang : 'ar';
  if (isNew || out.slug !== undefined) {
    const from =
      typeof out.slug === 'string'
        ? out.slug
        : typeof out.title === 'string'
          ? normalize(out.title, { lang: lang.split('-')[0]! }).text
          : '';
    const slug = slugify(from);
    if (!slug || !isSafeSlug(slug))
      throw new Error('slug: no file name can be made from the title; write a few words in letters or digits in the slug field');
    out.slug = slug;
  }
  // The last word is the build's: the same schema, all fields at once.
  const { body: _body, ...front } = out;
  const result = frontMatterSchema.safeParse(front);
  if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${messageOf(i)}`).join('; '));
  return out;
}

function registerSave(cms: DecapCms): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = plain(entry.get('data')) as Record<string, unknown>;
      const saved = frontMatterToSave(data, entry.get('newRecord') === true);
      let next = entry.get('data') as ImmutableValue;
      for (const key of Object.keys(data)) if (!(key in saved)) next = next.delete(key);
      for (const [key, value] of Object.entries(saved)) if (typeof value !== 'object' || value === null) next = next.set(key, value);
      const image = saved.image as Record<string, unknown> | undefined;
      if (image)
        for (const key of Object.keys((plain(next.get('image')) ?? {}) as object))
          if (!(key in image)) next = next.set('image', (next.get('image') as ImmutableValue).delete(key));
      return next;
    },
  });
}

/** The preview: the site's article markup, the text repaired and rendered as the build does it (without the lexicon). */
function registerPreview(cms: DecapCms, h: CreateElement, createClass: Window['createClass'], settings: AdminSettings): void {
  cms.registerPreviewStyle(settings.stylesheets.rtl);
  const preview = createClass({
    render(this: { props: { entry: ImmutableValue } }) {
      const data = (plain(this.props.entry.get('data')) ?? {}) as Record<string, unknown>;
      const lang = typeof data.lang === 'string' && data.lang ? data.lang : 'ar';
      const ltr = isLtr(lang);
      const dir = ltr ? 'ltr' : 'rtl';
      const options = {
        quotes: settings.quotes,
        digits: settings.digits,
        repairSplitWords: settings.repairSplitWords,
        lang: lang.split('-')[0]!,
      };
      const text = (v: unknown) => (typeof v === 'string' ? normalize(v, options).text : '');
      let html: string;
      try {
        html = renderMarkdown(typeof data.body === 'string' ? data.body : '', { ...options, dir }).html;
      } catch (error) {
        if (!(error instanceof MarkdownLimitError)) throw error;
        return h('p', { role: 'alert' }, `${error.message} (${error.hint})`);
      }
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      const authors = list(data.authors);
      return h(
        'div',
        { className: 'story-layout', lang, dir },
        h(
          'article',
          { className: 'story' },
          h(
            'header',
            { className: 'story-head' },
            h('p', { className: 'kicker', lang: 'ar', dir: 'rtl' }, text(data.section)),
            h('h1', null, text(data.title)),
            h('p', { className: 'dek' }, text(data.summary)),
            authors.length ? h('p', { className: 'byline' }, `${ltr ? 'By' : 'بقلم'} ${authors.join(ltr ? ', ' : '، ')}`) : null,
            typeof data.date === 'string' ? h('p', { className: 'meta' }, h('time', { dateTime: data.date }, data.date)) : null,
          ),
          h('div', { className: 'body', dangerouslySetInnerHTML: { __html: html } }),
          h(
            'footer',
            { className: 'story-foot' },
            h('ul', { className: 'tags', lang: 'ar', dir: 'rtl' }, ...list(data.tags).map((t) => h('li', { key: t }, t))),
          ),
        ),
      );
    },
  });
  cms.registerPreviewTemplate('articles', preview);
}

function start(): void {
  const settings = JSON.parse(document.getElementById('warraq-admin')!.textContent!) as AdminSettings;
  const { CMS, h, createClass } = window;
  registerFieldWidgets(CMS, h, createClass);
  registerSave(CMS);
  registerPreview(CMS, h, createClass, settings);
}

if (typeof window !== 'undefined' && typeof document !== 'undefined' && document.getElementById('warraq-admin')) start();
