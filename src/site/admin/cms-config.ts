/**
 * The Decap CMS configuration of /admin/, generated from the build's zod schema (content/schema.ts): one field per front matter key,
 * required, date or select list as the schema says. Pure: the section and author lists and the backend are handed in.
 */
import { z } from 'zod';
import { frontMatterSchema, imageSchema, isoDateTime } from '../../content/schema.ts';

export interface CmsConfigOptions {
  /** Sections and authors the editor chooses from. */
  sections: string[];
  authors: string[];
  /** Site path prefix (config.site.basePath) and absolute URL. */
  basePath: string;
  siteUrl: string;
  /** GitHub repository "owner/name" and branch the CMS commits to (GitHub backend). */
  repo: string;
  branch: string;
  /** OAuth proxy the GitHub backend signs in through (Decap's `base_url`); none: Decap's default (Netlify). */
  authUrl?: string | undefined;
  /** The local backend (decap-server) URL, or true for its default (http://localhost:8081/api/v1). */
  localBackend: string | true;
}

/** Decap's datetime format (dayjs): ISO 8601 with the browser's offset, e.g. 2026-11-29T10:00:00+03:00. */
export const CMS_DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';

/** Labels editors see (Arabic first: the newsroom's language), by front matter key. */
const LABELS: Record<string, string> = {
  title: 'العنوان · title',
  date: 'تاريخ النشر · date',
  updated: 'تاريخ التحديث · updated',
  section: 'القسم · section',
  tags: 'الوسوم · tags',
  authors: 'الكتّاب · authors',
  summary: 'الملخص · summary',
  slug: 'اسم الملف في الرابط · slug (اختياري: يُصنع من العنوان)',
  lang: 'اللغة · lang',
  image: 'الصورة الرئيسية · image',
  draft: 'مسودة · draft',
  body: 'النص · body',
  src: 'الملف · src',
  alt: 'وصف الصورة لمن لا يراها · alt (مطلوب مع الصورة)',
  credit: 'المصدر · credit',
  caption: 'التعليق · caption',
};

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  default?: unknown;
  pattern?: string;
  maxLength?: number;
};

type Field = Record<string, unknown> & { name: string; widget: string };

/** The schema as editors fill it in (input side: defaults make a field optional). */
function inputSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Keys the build refuses to do without: the schema rejects the key left out (no default fills it in). */
function requiredKeys(shape: Record<string, z.ZodType>): Set<string> {
  return new Set(Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success));
}

/** The schema of a key without its optional() wrapper. */
function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/**
 * Every field's widget name is prefixed: /admin/'s script wraps Decap's widget to validate with the
 * schema and set the direction. The date keeps Decap's name (its wrapper replaces Decap's): Decap
 * finds the date it puts in the file's path by that name.
 */
const widget = (name: string) => (name === 'datetime' ? name : `warraq-${name}`);

function fieldsOf(shape: Record<string, z.ZodType>, schemaPath: string, options: CmsConfigOptions, nested: boolean): Field[] {
  const json = inputSchema(z.object(shape));
  const required = requiredKeys(shape);
  const fields: Field[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const prop = json.properties?.[name] ?? {};
    const key = schemaPath ? `${schemaPath}.${name}` : name;
    const base = {
      name,
      label: LABELS[name] ?? name,
      // Inside an optional object Decap would ask for a field even when the object is left empty:
      // the schema (through the widget's check) asks for it only when the object is filled in.
      required: nested ? false : required.has(name),
      warraq_schema: key,
    };
    let field: Field;
    if (unwrapped(schema) === isoDateTime) {
      field = {
        ...base,
        widget: widget('datetime'),
        format: CMS_DATE_FORMAT,
        date_format: 'YYYY-MM-DD',
        time_format: 'HH:mm',
        picker_utc: false,
      };
    } else if (name === 'section') {
      field = { ...base, widget: widget('select'), options: options.sections };
    } else if (name === 'authors') {
      field = { ...base, widget: widget('select'), multiple: true, options: options.authors, min: 1 };
    } else if (name === 'src' && schemaPath === 'image') {
      field = { ...base, widget: widget('image'), choose_url: false };
    } else if (prop.type === 'object' && schema instanceof z.ZodOptional && name === 'image') {
      field = { ...base, widget: widget('object'), collapsed: false, fields: fieldsOf(imageSchema.shape, 'image', options, true) };
    } else if (prop.type === 'array') {
      field = { ...base, widget: widget('list'), allow_add: true };
    } else if (prop.type === 'boolean') {
      field = { ...base, widget: widget('boolean'), default: prop.default ?? false };
    } else if (name === 'lang') {
      field = {
        ...base,
        widget: widget('select'),
        options: [
          { label: 'العربية', value: 'ar' },
          { label: 'English', value: 'en' },
        ],
        default: prop.default,
      };
    } else if (prop.type === 'string') {
      field = { ...base, widget: widget((prop.maxLength ?? 0) > 300 ? 'text' : 'string') };
    } else {
      throw new Error(`cms-config: no CMS widget for the front matter field "${key}" (${prop.type ?? 'unknown type'}); add one here`);
    }
    fields.push(field);
  }
  return fields;
}

/** The front matter fields, in the schema's order, then the body. */
export function articleFields(options: CmsConfigOptions): Field[] {
  return [
    ...fieldsOf(frontMatterSchema.shape, '', options, false),
    { name: 'body', label: LABELS.body!, widget: widget('markdown'), modes: ['raw', 'rich_text'], required: false, warraq_schema: 'body' },
  ];
}

export function cmsConfig(options: CmsConfigOptions): Record<string, unknown> {
  return {
    backend: {
      name: 'github',
      repo: options.repo,
      branch: options.branch,
      ...(options.authUrl ? { base_url: options.authUrl, auth_endpoint: 'auth' } : {}),
    },
    // Used only when the admin is opened from localhost and the local backend answers (warraq admin).
    local_backend: options.localBackend === true ? true : { url: options.localBackend },
    site_url: new URL(options.basePath, options.siteUrl).href,
    display_url: new URL(options.basePath, options.siteUrl).href,
    media_folder: 'content/media',
    public_folder: 'media',
    // The slug is computed in the browser with the build's slugify (admin/browser.ts, preSave) and
    // written as the article's `slug`; Decap only keeps characters URLs allow, which it already is.
    slug: { encoding: 'unicode', clean_accents: false, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'الأخبار',
        label_singular: 'خبر',
        folder: 'content',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        // content/YYYY/MM/<slug>.md like warraq new. Decap reads the year and month off the date
        // field in UTC (its path templates allow no other reading): an article dated in the first
        // hours of a month east of UTC lands in the previous month's folder (docs/admin.md).
        path: '{{year}}/{{month}}/{{slug}}',
        slug: '{{fields.slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['date', 'title', 'section'],
        fields: articleFields(options),
      },
    ],
  };
}
