/**
 * Site configuration: optional `warraq.config.json` at the project root (every key has a default) plus WARRAQ_SITE_URL and WARRAQ_BASE_PATH
 * overrides. Listed `sections` and `authors` are the only names an article may use (knownSections, knownAuthors: else undefined).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A list of names, each with a letter or digit (it becomes a URL), no name twice. */
function knownNameList(what: string) {
  return z
    .array(
      z
        .string()
        .trim()
        .min(1, `a ${what} name is empty`)
        .refine((v) => /[\p{L}\p{N}]/u.test(v), { message: `a ${what} name has no letters or digits` }),
    )
    .min(1, `list at least one ${what}, or leave the key out to accept any`)
    .refine((names) => new Set(names.map((n) => n.normalize('NFC'))).size === names.length, { message: `a ${what} is listed twice` })
    .optional();
}

export const configSchema = z.strictObject({
  site: z
    .strictObject({
      title: z.string().default('ورّاق'),
      description: z.string().default('أخبار عربية مختارة ومنقّحة'),
      url: z.url().default('https://warraq.example.org'),
      /** Path the site is served under, e.g. /warraq/ for GitHub project pages. */
      basePath: z
        .string()
        .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, 'basePath must start and end with /')
        .default('/'),
      lang: z.string().default('ar'),
      publisher: z.string().default('ورّاق'),
      timeZone: z.string().default('Asia/Riyadh'),
    })
    .prefault({}),
  normalize: z
    .strictObject({
      quotes: z.enum(['guillemets', 'curly', 'keep']).default('guillemets'),
      digits: z.enum(['keep', 'latn', 'arab']).default('keep'),
      repairSplitWords: z.boolean().default(true),
    })
    .prefault({}),
  dates: z
    .strictObject({
      /** Set explicitly: never left to the ICU build's default for the locale. */
      numberingSystem: z.enum(['latn', 'arab']).default('latn'),
      hijri: z.boolean().default(true),
    })
    .prefault({}),
  paginate: z.number().int().min(1).max(500).default(20),
  search: z
    .strictObject({
      /** The newest articles a search covers first; older ones when the reader asks, in tiers twice as large each time. */
      firstTier: z.number().int().min(1).default(2000),
    })
    .prefault({}),
  /** Shard jobs of the publishing workflow's build matrix (`warraq build --shard K/N`, then `--assemble`); 1: one build job. */
  shards: z.number().int().min(1).max(64).default(1),
  /** The site's sections; when listed, an article naming another is refused (src/content/known-names.ts). */
  sections: knownNameList('section'),
  /** The site's authors; when listed, a byline naming another is refused. */
  authors: knownNameList('author'),
  paths: z
    .strictObject({
      content: z.string().default('content'),
      templates: z.string().default('templates'),
      public: z.string().default('public'),
      output: z.string().default('_site'),
      cache: z.string().default('.cache'),
    })
    .prefault({}),
});

export type WarraqConfig = z.infer<typeof configSchema>;

export const CONFIG_FILE = 'warraq.config.json';

/** Reads the configuration of the project at `root`; throws a readable error when it is invalid. */
export function loadConfig(root: string, overrides: Partial<Record<'url' | 'basePath', string>> = {}): WarraqConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${CONFIG_FILE}:1: not valid JSON (${(error as Error).message}); fix the file or delete it to use the defaults`);
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${CONFIG_FILE}: ${i.path.join('.')}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  const config = parsed.data;
  const url = overrides.url ?? process.env.WARRAQ_SITE_URL;
  const basePath = overrides.basePath ?? process.env.WARRAQ_BASE_PATH;
  if (url) config.site.url = url;
  if (basePath) config.site.basePath = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return config;
}

/** The sections articles may name, as listed in the configuration; undefined when any is accepted. */
export function knownSections(config: Pick<WarraqConfig, 'sections'>): string[] | undefined {
  return config.sections ? [...config.sections] : undefined;
}

/** The authors bylines may name, as listed in the configuration; undefined when any is accepted. */
export function knownAuthors(config: Pick<WarraqConfig, 'authors'>): string[] | undefined {
  return config.authors ? [...config.authors] : undefined;
}
