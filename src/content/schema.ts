/**
 * The article's front matter schema (zod), checked before any page is written. Values arrive as YAML 1.2 core types: dates stay strings,
 * so the time zone the editor wrote is kept and can be required.
 */
import { z } from 'zod';

const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar instant in ISO 8601 with a time zone (2022-12-19T10:00:00+03:00). */
export const isoDateTime = z.string().superRefine((value, ctx) => {
  const m = ISO_WITH_ZONE.exec(value);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an ISO 8601 date and time with a time zone`, params: { hint: 'write it like 2022-12-19T10:00:00+03:00 (Z for UTC)' } });
    return;
  }
  const [, y, mo, d, h, mi, s] = m;
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
  const real = probe.getUTCFullYear() === Number(y) && probe.getUTCMonth() === Number(mo) - 1 && probe.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s ?? 0) < 60;
  const zone = m[7]!;
  const zoneOk = zone === 'Z' || (Number(zone.slice(1, 3)) <= 14 && Number(zone.slice(4, 6)) < 60);
  if (!real || !zoneOk) ctx.addIssue({ code: 'custom', message: `"${value}" is not a real date and time`, params: { hint: 'check the day, month, hour and time zone' } });
});

/** Control characters XML 1.0 forbids (a vertical tab pasted from a word processor would break every feed): read as spaces. */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const text = (what: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .overwrite((v) => v.replace(CONTROL_CHARS, ' '))
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`);

/** A name that gets its own page (section, tag, author): it needs letters or digits for its URL. */
const name = (what: string, max: number) =>
  text(what, max).refine((v) => /[\p{L}\p{N}]/u.test(v), { message: `${what} has no letters or digits`, params: { hint: `write the ${what} in words; it becomes part of a URL` } });

const nameList = (what: string) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(name(what, 120)));

export const imageSchema = z.strictObject({
  src: text('image.src', 300),
  alt: text('image.alt (a description of the picture for readers who cannot see it)', 300),
  credit: text('image.credit', 200).optional(),
  caption: text('image.caption', 500).optional(),
});

export const frontMatterSchema = z.strictObject({
  title: text('title', 300),
  date: isoDateTime,
  updated: isoDateTime.optional(),
  section: name('section', 80),
  tags: nameList('tag').default([]),
  authors: nameList('author').pipe(z.array(z.string()).min(1, 'authors is empty')),
  summary: text('summary', 600),
  slug: text('slug', 120).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'lang must be a language tag such as ar or en')
    .default('ar'),
  image: imageSchema.optional(),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);
