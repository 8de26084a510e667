/**
 * The golden manifests (tests/fixtures/golden/*.json): the sites they pin (the fixture site; a 1,000-article synthetic corpus
 * and four changes to it), how `npm run golden` records one from cold builds, and how an output folder is compared with one:
 * every file's sha256, except that the strings Intl formats are translated back when the running ICU formats them otherwise.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fixtureProject, REPO, type FixtureProject } from './fixture-site.ts';
import { sha256, tree } from './output-tree.ts';
import { generateCorpus, type CorpusArticle } from '../../scripts/corpus/generate.ts';
import { build } from '../../src/output/build.ts';
import { loadConfig } from '../../src/config.ts';
import { dateFilters } from '../../src/site/dates.ts';

export const GOLDEN_DIR = path.join(REPO, 'tests/fixtures/golden');

/** What the recorded bytes may depend on beyond the repository: Node and the ICU data it carries, and the platform. */
export interface Environment {
  node: string;
  icu: string;
  unicode: string;
  cldr: string;
  platform: string;
}

export function currentEnvironment(): Environment {
  const v = process.versions as Record<string, string | undefined>;
  return { node: v.node!, icu: v.icu ?? '', unicode: v.unicode ?? '', cldr: v.cldr ?? '', platform: `${process.platform}-${process.arch}` };
}

/** One state of a site's content: a digest of its inputs, and the output of a cold build as path → sha256. */
export interface State {
  inputs: string;
  files: number;
  output: Record<string, string>;
}

/** A state after a change, stored as what changed in the output since the state before. */
export interface Step {
  change: string;
  inputs: string;
  files: number;
  changed: Record<string, string>;
  removed: string[];
}

export interface Manifest {
  site: string;
  recordedWith: Environment;
  /** Every date, month and number string the site's pages can show, as the recorded ICU formatted it (call → string). */
  intl: Record<string, string>;
  cold: State;
  steps: Step[];
}

/** A site: how to make its project folder, and the changes made to it in order (each followed by a build). */
export interface GoldenSite {
  name: string;
  description: string;
  make(): FixtureProject;
  changes: { name: string; apply(root: string): void }[];
}

export const CORPUS = { count: 1000, seed: 20261129 };

function corpusArticles(): CorpusArticle[] {
  return [...generateCorpus(CORPUS)];
}

export const FIXTURE_SITE: GoldenSite = {
  name: 'fixture-site',
  description: "the repository's content/, templates/, public/ and warraq.config.json (tests/helpers/fixture-site.ts)",
  make: () => fixtureProject({ copyContent: true, config: JSON.parse(readFileSync(path.join(REPO, 'warraq.config.json'), 'utf8')) }),
  changes: [],
};

/** The 1,000-article corpus; the changes touch articles spread over the years (each a different one). */
export const CORPUS_SITE: GoldenSite = {
  name: `corpus-${CORPUS.count}`,
  description: `scripts/corpus/generate.ts, ${CORPUS.count} articles, seed ${CORPUS.seed}, with the repository's templates/ and public/`,
  make() {
    const project = fixtureProject();
    for (const a of corpusArticles()) project.write(a.file, a.text);
    return project;
  },
  changes: [
    {
      name: 'edit story-000500 (a paragraph added)',
      apply(root) {
        const file = path.join(root, corpusArticles()[499]!.file);
        // Words other articles split: the shared split-word evidence changes too.
        writeFileSync(
          file,
          `${readFileSync(file, 'utf8')}\nوأكّد المفاوضون أنّ الخسائر تكبدت الدول الفقيرة معظمها، وقال أحدهم "لن نتراجع".\n`,
        );
      },
    },
    {
      name: 'add added-story',
      apply(root) {
        const [extra] = [...generateCorpus({ count: 1, seed: 99 })];
        const file = path.join(root, extra!.file.replace('story-000001', 'added-story'));
        writeFileSync(file, extra!.text.replace('slug: story-000001', 'slug: added-story'));
      },
    },
    {
      name: 'delete story-000250',
      apply(root) {
        rmSync(path.join(root, corpusArticles()[249]!.file));
      },
    },
    {
      name: 'rename story-000750.md to story-000750-renamed.md',
      apply(root) {
        const file = path.join(root, corpusArticles()[749]!.file);
        renameSync(file, file.replace(/\.md$/, '-renamed.md'));
      },
    },
  ],
};

export const GOLDEN_SITES = [FIXTURE_SITE, CORPUS_SITE];

export const manifestFile = (site: GoldenSite) => path.join(GOLDEN_DIR, `${site.name}.json`);

export function readManifest(site: GoldenSite): Manifest | undefined {
  const file = manifestFile(site);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

/** A digest of what a build reads from the project: content, templates, public files and configuration. */
export function inputsDigest(root: string): string {
  const parts: string[] = [];
  for (const d of ['content', 'templates', 'public']) {
    const dir = path.join(root, d);
    if (existsSync(dir)) for (const [f, h] of [...tree(dir)].sort()) parts.push(`${d}/${f} ${h}`);
  }
  const config = path.join(root, 'warraq.config.json');
  parts.push(`config ${existsSync(config) ? sha256(readFileSync(config)) : 'none'}`);
  return sha256(parts.join('\n'));
}

/**
 * Output files that are a bundle of Warraq's own src/ (the browser editor's script, src/site/admin/write.ts): any change to the code
 * it bundles changes their bytes, so they are recorded as present, not by digest (tests/site/admin.test.ts runs the bundle).
 */
const CODE_BUNDLES = new Set(['admin/warraq-admin.js']);
const BUNDLE = 'a bundle of src/ (not compared by bytes)';

/** Every output file under dir with its sha256, a code bundle with BUNDLE instead. */
function outputTree(dir: string): Map<string, string> {
  const files = tree(dir);
  for (const f of CODE_BUNDLES) if (files.has(f)) files.set(f, BUNDLE);
  return files;
}

/** The output of a build as a sorted plain object. */
export function outputOf(dir: string): Record<string, string> {
  return Object.fromEntries([...outputTree(dir)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Variables that change the output (the site's URL and base path, the admin's back end): unset for the recorded builds. */
export const OUTPUT_VARIABLES = ['WARRAQ_SITE_URL', 'WARRAQ_BASE_PATH', 'WARRAQ_CMS_REPO', 'WARRAQ_CMS_BRANCH', 'WARRAQ_CMS_AUTH_URL'];

/** Unsets OUTPUT_VARIABLES in this process (a test file's worker, the script), so a developer's shell does not change the output. */
export function unsetOutputVariables(): void {
  for (const v of OUTPUT_VARIABLES) delete process.env[v];
}

/** Builds the project at root cold (no cache) into outDir and returns its output; `workers` as build()'s (default: per core). */
export async function coldBuild(root: string, outDir: string, workers?: number): Promise<Record<string, string>> {
  rmSync(outDir, { recursive: true, force: true });
  await build({ root, outDir, cache: false, workers, progress: undefined });
  return outputOf(outDir);
}

// ---- The strings Intl formats -------------------------------------------------------------------------------------------------

type Filter = keyof typeof dateFilters;
const call = (filter: Filter, ...args: (string | number)[]) => [filter, ...args].join('|');

function evaluate(key: string): string {
  const [filter, ...args] = key.split('|') as [Filter, ...string[]];
  const values = filter === 'number' ? [Number(args[0]), ...args.slice(1)] : args;
  return (dateFilters[filter] as (...a: unknown[]) => string)(...values);
}

/** Every call of the date and number filters (src/site/dates.ts) the templates can make for the project at root. */
function intlCalls(root: string): string[] {
  const config = loadConfig(root);
  const nums = config.dates.numberingSystem;
  const calls = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
    );
  let articles = 0;
  for (const file of walk(path.join(root, config.paths.content))) {
    const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
    const data = head ? (parseYaml(head[1]!) as Record<string, unknown> | null) : null;
    if (!data || typeof data.date !== 'string') continue;
    articles++;
    const lang = typeof data.lang === 'string' ? data.lang : 'ar';
    for (const iso of [data.date, data.updated]) {
      if (typeof iso !== 'string') continue;
      for (const l of new Set([lang, 'ar'])) calls.add(call('arDate', iso, l, nums)).add(call('arDateTime', iso, l, nums));
      calls.add(call('hijriDate', iso, nums));
      for (const month of [iso.slice(0, 7), new Date(iso).toISOString().slice(0, 7)]) calls.add(call('monthName', month, 'ar', nums));
    }
  }
  for (let n = 0; n <= articles + 1; n++) calls.add(call('number', n, 'ar', nums));
  return [...calls];
}

/** The strings the running ICU gives for the project's Intl calls, added to table. */
export function recordIntl(root: string, table: Record<string, string>): void {
  for (const key of intlCalls(root)) table[key] = evaluate(key);
}

/** Where the running ICU formats a recorded call otherwise: running string → recorded string (ambiguous ones apart). */
export function intlDifferences(table: Record<string, string>): { pairs: Map<string, string>; ambiguous: Set<string> } {
  const pairs = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [key, recorded] of Object.entries(table)) {
    const now = evaluate(key);
    if (now === recorded) continue;
    if (pairs.has(now) && pairs.get(now) !== recorded) ambiguous.add(now);
    pairs.set(now, recorded);
  }
  for (const a of ambiguous) pairs.delete(a);
  return { pairs, ambiguous };
}

// ---- Comparing an output with a manifest --------------------------------------------------------------------------------------

/** The expected output after `steps` changes (0: the cold state). */
export function expectedOutput(manifest: Manifest, steps: number): Map<string, string> {
  const out = new Map(Object.entries(manifest.cold.output));
  for (const step of manifest.steps.slice(0, steps)) {
    for (const f of step.removed) out.delete(f);
    for (const [f, h] of Object.entries(step.changed)) out.set(f, h);
  }
  return out;
}

export interface Verdict {
  /** Differences not explained: each a readable line. The test fails on any. */
  problems: string[];
  /** Files that differ only where the running ICU formats a date or number otherwise than the recorded one. */
  icuOnly: string[];
}

const TEXT = /\.(html|xml|json|txt|css|js|svg|webmanifest|yml)$|(^|\/)_headers$/;

/**
 * Compares the output in dir with the expected one. A file whose bytes differ counts as an ICU difference only when the running
 * ICU is not the recorded one and replacing each string it formats otherwise (`pairs`) by the recorded string gives the recorded bytes.
 */
export function compareOutput(dir: string, expected: Map<string, string>, pairs: Map<string, string>): Verdict {
  const actual = outputTree(dir);
  const problems: string[] = [];
  const icuOnly: string[] = [];
  const keys = [...pairs.keys()].sort((a, b) => b.length - a.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = keys.length ? new RegExp(keys.map(escape).join('|'), 'g') : undefined;
  for (const [f, h] of [...actual].sort()) {
    const want = expected.get(f);
    if (want === undefined) problems.push(`unexpected file (not in the golden output): ${f}`);
    else if (want !== h) {
      if (pattern && TEXT.test(f) && sha256(readFileSync(path.join(dir, f), 'utf8').replace(pattern, (s) => pairs.get(s)!)) === want)
        icuOnly.push(f);
      else problems.push(`different bytes: ${f}`);
    }
  }
  for (const f of [...expected.keys()].sort()) if (!actual.has(f)) problems.push(`missing file (in the golden output): ${f}`);
  return { problems, icuOnly };
}

/** At most `max` lines, then how many more. */
export function firstLines(lines: string[], max = 40): string[] {
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
