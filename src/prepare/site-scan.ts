/**
 * Preparing the whole site with the cache: scan (load each article or recognise it unchanged, count its words, find its cache entry),
 * checkCached (which entries still hold), finish (articles, problems, keys); the misses are prepared in between (prepare-site.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Article, Named } from '../content/article.ts';
import { ContentError, type ContentProblem } from '../content/errors.ts';
import { decodeSource, loadEach, readSource, SourceReader, statArticles, type FileStat } from '../content/load.ts';
import { urlKey } from '../text/slug.ts';
import { contentFileInside } from '../content/paths.ts';
import { knownAuthors, knownSections, type WarraqConfig } from '../config.ts';
import { knownNameProblems } from '../content/known-names.ts';
import { WordCounts } from '../text/evidence.ts';
import { countsOf, evidenceFrom, EvidenceBuilder } from '../store/evidence-cache.ts';
import type { ChangedWords } from '../store/changed-words.ts';
import { SourceIndex } from '../store/source-index.ts';
import { codeVersion, entryKey } from '../store/code-version.ts';
import { headKey, PreparedCache, validEntry, type EntryHead } from '../store/prepared-cache.ts';
import type { NormalizeConfig, PreparedEntry } from './prepare-task.ts';

export interface PrepareSiteResult {
  /** The published articles, in the order of their files (site data, site/data.ts, has them newest first). */
  articles: readonly Article[];
  articleCount: number;
  warnings: ContentProblem[];
  drafts: number;
  repairs: number;
  /** Gaps left that could be a lost mark, for the editor (`warraq lint` lists them). */
  possibleSplits: number;
  /** How many articles came from the cache / were prepared in this build. */
  cached: number;
  prepared: number;
  /** Hash of every article's cache key and of what preparing it produced (its data and HTML): equal hashes, equal site data. */
  articlesHash: string;
  /**
   * What preparing an article produced (a hash of its data and HTML, prepare-task.ts): equal keys,
   * equal article, before site data adds its links to other articles.
   */
  contentKey(article: Article): string | undefined;
  /** Hash of every source's cache key (its path, bytes, the code's version and the options): equal hashes, equal inputs. */
  sourcesHash: string;
  /**
   * Prepared with PrepareOptions.heads: gives these articles their body (HTML, repair counts), prepared
   * and cached like any other; reading the HTML of an article left a head is an error. Absent otherwise.
   */
  addBodies?: ((articles: Iterable<Article>) => Promise<void>) | undefined;
  /**
   * Saves what the next build starts from (source index, word evidence, pack; unused entries
   * pruned): done by preparing itself unless asked to leave it (PrepareOptions.deferCacheSave).
   * Calls after the first do nothing.
   */
  saveCache(): void;
}

export interface Progress {
  (done: number, total: number): void;
}

export interface PrepareOptions {
  progress?: Progress | undefined;
  /** Use `.cache/` (default true; WARRAQ_NO_CACHE=1 turns it off). */
  cache?: boolean | undefined;
  /** Worker threads for uncached articles: default one per core when there are enough of them; 0 = in this thread. */
  workers?: number | undefined;
  /**
   * Leave saving the cache to the caller (saveCache): the build first starts the search indexing,
   * which waits for nothing else, and saves while it runs. Saved at once when preparing fails.
   */
  deferCacheSave?: boolean | undefined;
  /**
   * Prepare the articles not in the cache as heads only (no body rendered; cached apart, headKey): a shard
   * needs every article for links and listings but the bodies of its own (PrepareSiteResult.addBodies).
   */
  heads?: boolean | undefined;
  /** Every article file as the build's first look at them found it (unchangedSources): not listed, stat'ed or indexed again. */
  seen?: SourcesSeen | undefined;
}

/** What unchangedSources saw: the source index it read, under its tag, and every article file with its stat (content/load.ts). */
export interface SourcesSeen {
  sources: SourceIndex;
  tag: string;
  files: Array<{ file: string; stat: FileStat | undefined }>;
}

export interface Slot {
  file: string;
  key: string;
  /** The entry's JSON and evidence look-ups (store/prepared-cache.ts), until the build has hashed and packed them. */
  head?: EntryHead | undefined;
  entry?: PreparedEntry | undefined;
  /** The article's HTML when it is not in the cache (cache off, or the entry could not be written). */
  html?: string | undefined;
  problem?: ContentProblem | undefined;
  /** The entry is the article's head only (PrepareOptions.heads), cached under headKey: no HTML. */
  headOnly?: boolean | undefined;
}

export interface Scan {
  slots: Slot[];
  counts: ReadonlyMap<number, number>;
  evidence: WordCounts;
  evidenceBuilder: EvidenceBuilder;
  sources: SourceIndex;
  tag: string;
  cache: PreparedCache | undefined;
  normalizeConfig: NormalizeConfig;
  /** Whether a head is one the last build found valid (PreparedCache.takeVerified). */
  verified?: ((key: string, head: EntryHead) => boolean) | undefined;
  /** The words whose counts changed since the last build: a head it found valid has its look-ups checked only for them. */
  changedWords?: ChangedWords | undefined;
}

/** Stage 1 and the cache look-up: read every file once, count its words, find its entry. */
export function scan(root: string, config: WarraqConfig, useCache: boolean, seen?: SourcesSeen): Scan {
  const cacheRoot = useCache ? path.join(root, config.paths.cache) : undefined;
  const cache = cacheRoot ? new PreparedCache(cacheRoot) : undefined;
  const normalizeConfig: NormalizeConfig = { ...config.normalize };
  const optionsKey = JSON.stringify(normalizeConfig);
  const version = codeVersion();
  const tag = `${version}:${optionsKey}`;
  // Evidence for split-word repair: every word form written anywhere on the site.
  const evidenceBuilder = new EvidenceBuilder(cache, tag);
  // (taken, hence removed, before any entry is written: a build that stops before saving leaves no record)
  const verified = cache?.takeVerified(evidenceBuilder.startId);
  // Files unchanged since the last build are not read again: their key comes from the source index.
  const reuse = cacheRoot !== undefined && seen?.tag === tag;
  const sources = reuse ? seen.sources : new SourceIndex(cacheRoot, tag);
  const slots: Slot[] = [];
  const known = (file: string, st: FileStat) => sources.known(file, st);
  // (one file at a time, each read into the reader's buffer and done with before the next)
  const files = loadEach(root, reuse ? seen.files : statArticles(root, config.paths.content), known, new SourceReader());
  for (const loaded of files) {
    const { file } = loaded;
    if (loaded.problem) {
      slots.push({ file, key: '', problem: loaded.problem });
      continue;
    }
    if (loaded.unchanged !== undefined) {
      // Unchanged since the last build: its key comes from the source index, its text is not read.
      const key = loaded.unchanged;
      sources.record(file, loaded.stat, key);
      evidenceBuilder.add(key, () => sourceText(root, file));
      slots.push({ file, key, head: cache?.readHead(key, verified) });
      continue;
    }
    const key = entryKey(version, optionsKey, file, loaded.bytes);
    if (loaded.stat) sources.record(file, loaded.stat, key);
    const { bytes } = loaded;
    evidenceBuilder.add(key, () => decodeSource(bytes));
    slots.push({ file, key, head: cache?.readHead(key, verified) });
  }
  let counts: ReadonlyMap<number, number> | undefined = evidenceBuilder.finish();
  if (!counts) {
    // A piece of the stored evidence is missing: count every file afresh.
    const all = new WordCounts();
    for (const slot of slots) if (!slot.problem) all.add(sourceText(root, slot.file));
    counts = countsOf(all);
  }
  const changedWords = evidenceBuilder.changedWords();
  return { slots, counts, evidence: evidenceFrom(counts), evidenceBuilder, sources, tag, cache, normalizeConfig, verified, changedWords };
}

/**
 * `hash`: the sourcesHash (PrepareSiteResult) of a build that would find every article file as the last one left it, from the
 * source index alone (a stat per file, nothing read); undefined when a file is new, gone, changed, racy or unreadable.
 * Equal hashes mean the same files with the same bytes, the same code version and the same options, hence the same articles.
 * `seen`: the files and their stats, for the scan of a build that goes on (PrepareOptions.seen).
 */
export function unchangedSources(root: string, config: WarraqConfig): { hash: string | undefined; seen: SourcesSeen } {
  const tag = `${codeVersion()}:${JSON.stringify({ ...config.normalize } satisfies NormalizeConfig)}`;
  const sources = new SourceIndex(path.join(root, config.paths.cache), tag);
  const h = createHash('sha256');
  const files = [...statArticles(root, config.paths.content)];
  const seen = { sources, tag, files };
  for (const { file, stat } of files) {
    const key = stat && sources.known(file, stat);
    if (key === undefined) return { hash: undefined, seen };
    h.update(`${file}\0${key}\0`);
  }
  return { hash: files.length === sources.recorded ? h.digest('hex') : undefined, seen };
}

/** Entries whose evidence look-ups still hold are used (`heads`: a kept head where no full entry holds); the others need preparing. */
export function checkCached(s: Scan, heads = false): Slot[] {
  const misses: Slot[] = [];
  for (const slot of s.slots) {
    if (slot.problem) continue;
    if (slot.head !== undefined) slot.entry = validEntry<PreparedEntry>(slot.head, s.evidence, changedSince(s, slot.key, slot.head));
    if (!slot.entry && heads && s.cache) {
      const key = headKey(slot.key);
      slot.head = s.cache.readHead(key, s.verified);
      slot.entry = slot.head && validEntry<PreparedEntry>(slot.head, s.evidence, changedSince(s, key, slot.head));
      slot.headOnly = slot.entry !== undefined;
    }
    if (!slot.entry) {
      slot.head = undefined;
      misses.push(slot);
    }
  }
  return misses;
}

/** The words to check a head's look-ups for, when the last build found it valid (Scan.verified); undefined: check them all. */
function changedSince(s: Scan, key: string, head: EntryHead): ChangedWords | undefined {
  return s.changedWords && s.verified?.(key, head) ? s.changedWords : undefined;
}

export function sourceText(root: string, file: string): string {
  const r = readSource(root, file);
  if (!r.ok) throw new Error(`${file} changed while the site was being built`);
  return r.file.text;
}

/**
 * The articles, problems and keys of a scan whose misses are prepared. `prepareBodies` (PrepareOptions.heads):
 * prepares the given head-only slots in full, for PrepareSiteResult.addBodies.
 */
export function finish(
  root: string,
  config: WarraqConfig,
  s: Scan,
  prepared: number,
  deferCacheSave = false,
  prepareBodies?: (slots: Slot[]) => Promise<void>,
): PrepareSiteResult {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const articles: Article[] = [];
  const contentKeys = new Map<Article, string>();
  let cachedHtml: ReturnType<typeof htmlFromCache> | undefined;
  const heads = new Map<Article, Slot>();
  let drafts = 0;
  const used = new Set<string>();
  const names = new Map<string, Named>();
  const known = { sections: knownSections(config), authors: knownAuthors(config) };
  const articlesHash = hashOfSlots(s.slots, (slot) => `${slot.key}\0${slot.entry?.output ?? 'none'}\0`);
  const sourcesHash = hashOfSlots(s.slots, (slot) => `${slot.file}\0${slot.key}\0`);
  for (const slot of s.slots) {
    if (slot.problem) {
      problems.push(slot.problem);
      continue;
    }
    used.add(slot.key);
    if (slot.headOnly) used.add(headKey(slot.key));
    const { result } = slot.entry!;
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    warnings.push(...result.warnings);
    const unknownNames = knownNameProblems(
      slot.file,
      { section: result.article.section.name, authors: result.article.authors.map((x) => x.name) },
      known,
      () => sourceText(root, slot.file),
    );
    if (unknownNames.length) {
      problems.push(...unknownNames);
      continue;
    }
    if (result.draft) {
      drafts++;
      continue;
    }
    const { output } = slot.entry!;
    // (nothing else of the entry is needed once its article is taken: addBodies gives a slot an entry of its own)
    slot.entry = undefined;
    let a = result.article;
    shareStrings(a, slot.file, names);
    if (slot.headOnly) {
      a = withPrototype(HEAD_ONLY, a);
      heads.set(a, slot);
    } else if (slot.html !== undefined) a.html = slot.html;
    else if (s.cache) a = (cachedHtml ??= htmlFromCache(s.cache)).make(a, slot.key);
    if (a.image && !contentFileInside(path.join(root, config.paths.content), a.image.src)) {
      problems.push({
        file: slot.file,
        line: 2,
        field: 'image.src',
        message: `no file at ${config.paths.content}/${a.image.src}`,
        hint: 'put the picture there or fix the path',
        severity: 'error',
      });
      continue;
    }
    articles.push(a);
    contentKeys.set(a, output);
  }
  let saved = false;
  const saveCache = () => {
    if (saved) return;
    saved = true;
    if (s.cache) {
      const evidence = s.evidenceBuilder.save(s.counts);
      s.sources.save();
      const verified = s.cache.savePack(
        s.slots.flatMap((slot) => (slot.head ? [[slot.headOnly ? headKey(slot.key) : slot.key, slot.head] as const] : [])),
        evidence,
      );
      if (prepared > 0) s.cache.prune(used, prepared);
      if (verified) s.cache.writeVerified(verified);
    }
    used.clear();
    for (const slot of s.slots) slot.head = undefined;
  };
  problems.push(...duplicateUrls(articles));
  if (problems.length) {
    saveCache();
    throw new ContentError(sortProblems(problems));
  }
  // The heads' bytes are checked and hashed: saved later, they are copied from the pack's file rather than held until then.
  if (deferCacheSave) s.cache?.letGoOfHeadBytes(headsOf(s.slots));
  else saveCache();
  const total = s.slots.length;
  const result: PrepareSiteResult = {
    articles,
    articleCount: articles.length,
    warnings,
    drafts,
    repairs: articles.reduce((n, a) => n + a.repairs, 0),
    possibleSplits: articles.reduce((n, a) => n + a.possibleSplits, 0),
    cached: total - prepared,
    prepared,
    articlesHash,
    sourcesHash,
    contentKey: (a) => contentKeys.get(a),
    saveCache,
  };
  if (prepareBodies)
    result.addBodies = async (wanted) => {
      const todo = [...new Set(wanted)].filter((a) => heads.has(a));
      const slots = todo.map((a) => heads.get(a)!);
      if (slots.length) await prepareBodies(slots);
      todo.forEach((a, i) => {
        const slot = slots[i]!;
        const full = slot.entry!.result;
        if (!full.ok) throw new Error(`${slot.file}: its body could not be prepared: ${full.problems[0]?.message ?? 'unknown problem'}`);
        result.repairs += full.article.repairs - a.repairs;
        result.possibleSplits += full.article.possibleSplits - a.possibleSplits;
        a.repairs = full.article.repairs;
        a.possibleSplits = full.article.possibleSplits;
        if (slot.html !== undefined)
          Object.defineProperty(a, 'html', { value: slot.html, writable: true, enumerable: true, configurable: true });
        else (cachedHtml ??= htmlFromCache(s.cache!)).attach(a, slot.key);
        contentKeys.set(a, slot.entry!.output);
        heads.delete(a);
      });
    };
  return result;
}

/**
 * Makes the article hold the one copy of what many articles hold alike: each section, tag and author (one object per slug and name
 * for all articles, instead of one per article from its entry's JSON) and its source path (the scan's string for the file).
 * `names`: the Named objects met so far, by slug.
 */
function shareStrings(article: Article, file: string, names: Map<string, Named>): void {
  const shared = (n: Named): Named => {
    const known = names.get(n.slug);
    if (known === undefined) names.set(n.slug, n);
    return known !== undefined && known.name === n.name ? known : n;
  };
  article.section = shared(article.section);
  for (let i = 0; i < article.tags.length; i++) article.tags[i] = shared(article.tags[i]!);
  for (let i = 0; i < article.authors.length; i++) article.authors[i] = shared(article.authors[i]!);
  if (article.source === file) article.source = file;
}

function* headsOf(slots: readonly Slot[]): Generator<EntryHead> {
  for (const slot of slots) if (slot.head) yield slot.head;
}

/**
 * SHA-256 of each slot's text, fed a thousand slots at a time (the same bytes as an update per slot, which cost more than the
 * hashing): the articles hash (every key and its entry's output hash, PrepareSiteResult.articlesHash: 130 bytes an article, where its
 * evidence look-ups were 2 KB) and the sources hash (every file and key).
 */
function hashOfSlots(slots: readonly Slot[], textOf: (slot: Slot) => string): string {
  const h = createHash('sha256');
  let text = '';
  for (const [i, slot] of slots.entries()) {
    text += textOf(slot);
    if (i % 1000 === 999) {
      h.update(text);
      text = '';
    }
  }
  return h.update(text).digest('hex');
}

/** The prototype of an article prepared as a head only: its HTML was never made, and asking for it is a bug of the caller. */
const HEAD_ONLY = {
  get html(): string {
    throw new Error(`${(this as unknown as Article).source}: its body was not prepared in this shard (PrepareSiteResult.addBodies)`);
  },
};

/**
 * An article taken from the cache gets its HTML from the cache entry when a template asks for it
 * (its page, a feed or two; the last one read is kept): a rebuild that renders a few pages never decodes the others' HTML,
 * and a cold build does not hold every article's HTML at once. The `html` getter lives on a
 * prototype shared by every such article: a getter defined on each object would put all of them
 * in V8's slow dictionary mode (property reads measured 5–10× slower across the build).
 * Returns how to give an article its HTML from the entry under `key`: `make`, a copy of it made with that prototype (withPrototype),
 * or `attach`, the article itself given it (one that site data already holds).
 */
function htmlFromCache(cache: PreparedCache): {
  make: (article: Article, key: string) => Article;
  attach: (article: Article, key: string) => void;
} {
  const keys = new WeakMap<Article, string>();
  // The last HTML read: Nunjucks reads a member twice (`typeof obj[key] === 'function'`, then
  // `obj[key]`), and a page reads its article's HTML once.
  let last: { key: string; html: string } | undefined;
  const proto = {
    get html(): string {
      const article = this as unknown as Article;
      const key = keys.get(article)!;
      if (last?.key === key) return last.html;
      const html = cache.readHtml(key);
      if (html === undefined) {
        // (the next build then looks for every entry file)
        cache.forgetVerified();
        throw new Error(`${article.source}: its prepared copy ${cache.pathOf(key)} went missing or was damaged; build again`);
      }
      last = { key, html };
      return html;
    },
  };
  return {
    make: (article, key) => {
      const made = withPrototype(proto, article);
      keys.set(made, key);
      return made;
    },
    attach: (article, key) => {
      keys.set(article, key);
      Object.setPrototypeOf(article, proto);
    },
  };
}

/**
 * A copy of the article (its own properties, in order) made with the given prototype. Objects given a prototype afterwards
 * (Object.setPrototypeOf) each get a hidden class of their own once site data adds a property (docs/performance.md).
 */
function withPrototype(proto: object, article: Article): Article {
  return Object.assign(Object.create(proto) as Article, article);
}

export function cacheEnabled(options: PrepareOptions): boolean {
  return options.cache ?? !process.env.WARRAQ_NO_CACHE;
}

/** Two articles with one permalink would overwrite each other's page: an error naming both. */
function duplicateUrls(articles: Article[]): ContentProblem[] {
  const seen = new Map<string, Article>();
  const out: ContentProblem[] = [];
  for (const a of articles) {
    const key = urlKey(a.url);
    const other = seen.get(key);
    if (other)
      out.push({
        file: a.source,
        line: 2,
        field: 'slug',
        message: `same URL ${a.url} as ${other.source}`,
        hint: 'give one of them a different slug: in its front matter',
        severity: 'error',
      });
    else seen.set(key, a);
  }
  return out;
}

function sortProblems(p: ContentProblem[]): ContentProblem[] {
  return [...p].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
