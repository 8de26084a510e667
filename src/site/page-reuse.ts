/**
 * Page reuse: an article, home or listing page whose render key (a hash of all its template reads) and output file (by stat, else by bytes
 * hash) match the last build's is linked from the last output instead of rendered again; in any doubt it is rendered.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, type Stats } from 'node:fs';
import { linkOrCopy } from '../link-files.ts';
import path from 'node:path';
import type { Article, ArticleLink } from '../content/article.ts';
import type { WarraqConfig } from '../config.ts';
import { eachKind, everyPage, type RenderSelection, type SiteData } from './data.ts';
import type { ImageSet } from './images.ts';
import { codeVersion } from '../store/code-version.ts';
import { DIGEST_LENGTH, type KeptDigests } from '../store/page-digests.ts';
import { environmentKey, PageIndex, statOrUndefined, type KnownFiles, type ManifestEntry, type Stamp } from '../store/stamp.ts';

export { PageIndex } from '../store/stamp.ts';

export interface ReusePlan {
  selection: RenderSelection;
  /** Pages to take from the last output: URL → [key, file, digest]. */
  reusable: PageIndex;
  /** Render key of every article, home and listing page, by URL. */
  keys: Map<string, string>;
  /** The last build's output folder and what its files looked like when it was written. */
  last?: { outDir: string; manifest: Map<string, ManifestEntry> } | undefined;
}

/** A page Eleventy wrote, as its write() reports it. */
export interface WrittenPage {
  url?: unknown;
  outputPath?: unknown;
}

/** SHA-256 (hex) of the parts, each followed by a NUL; in one call where Node has crypto.hash (20.12 and later). */
const sha = (...parts: string[]) => {
  let text = '';
  for (const p of parts) text += `${p}\0`;
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
};
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** What every page reads besides its own data. `templates`: treeDigest of the templates folder. */
export function globalRenderKey(config: WarraqConfig, site: SiteData, templates: string): string {
  return sha(
    codeVersion(),
    JSON.stringify(config),
    environmentKey(),
    JSON.stringify(site.sections.map((s) => [s.name, s.slug, s.url])),
    templates,
  );
}

/**
 * An article as the templates see it. `contentKey` identifies what preparing it produced (its data
 * and HTML): then only the links site data added are hashed, not the whole article with its HTML.
 * `image`: imageText of the article.
 */
function articleDigest(a: Article, image: string, prepared: string | undefined, linked: (link: ArticleLink | undefined) => string): string {
  // (html named: on an article from the cache it is a getter, which JSON.stringify leaves out)
  if (prepared === undefined) return sha('whole', JSON.stringify({ ...a, html: a.html }), image);
  return sha('prepared', prepared, (a.related ?? []).map(linked).join(','), linked(a.newer), linked(a.older), image);
}

/** The picture set an article's page shows, as its digest reads it. */
const imageText = (a: Article, images: Record<string, ImageSet>) => JSON.stringify(a.image ? (images[a.image.src] ?? null) : null);

type ContentKey = (a: Article) => string | undefined;

/** Where the last build's article digests are kept (store/page-digests.ts). */
export interface DigestStore {
  read(): KeptDigests | undefined;
  write(kept: KeptDigests): void;
}

/** The hash a kept digest records for an article without a picture. */
const NO_IMAGE = '-'.repeat(DIGEST_LENGTH);

/**
 * Render key of every article, home and listing page, by URL. `kept`: the last build's article digests; an article's is taken
 * when its related articles are the same rows of the same site order (site.relatedRows), and it, its newer and older neighbours
 * and each of its related ones have the URL and content key they had then, and it the same pictures: everything its digest reads.
 */
export function pageKeys(
  site: SiteData,
  images: Record<string, ImageSet>,
  global: string,
  contentKey: ContentKey = () => undefined,
  kept?: DigestStore,
): Map<string, string> {
  const keys = new Map<string, string>();
  const digests = new Map<Article, string>();
  // An article is linked to from half a dozen others (related, newer, older), always with the same
  // fields (data.ts linkTo): each link is written out once.
  const linkText = new Map<string, string>();
  const linked = (link: ArticleLink | undefined): string => {
    if (!link) return '-';
    let text = linkText.get(link.url);
    if (text === undefined) linkText.set(link.url, (text = JSON.stringify(link)));
    return text;
  };
  const articles = site.articles;
  const n = articles.length;
  const contents = articles.map(contentKey);
  const related = site.relatedRows;
  const last = kept && related ? kept.read() : undefined;
  // Articles whose URL or content key is not the kept one at their place (all of them when the order or related rows differ).
  let changed: Uint8Array | undefined;
  if (last && related && last.related === related.digest && last.urls.length === n) {
    changed = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = contents[i];
      changed[i] =
        last.urls[i] === articles[i]!.url && c?.length === DIGEST_LENGTH && last.contents.startsWith(c, i * DIGEST_LENGTH) ? 0 : 1;
    }
  }
  const unchangedAround = (i: number): boolean => {
    if (!changed || !related || changed[i] || (i > 0 && changed[i - 1]) || (i + 1 < n && changed[i + 1])) return false;
    for (let k = i * related.width; k < (i + 1) * related.width; k++) {
      const j = related.rows[k]!;
      if (j >= 0 && changed[j]) return false;
    }
    return true;
  };
  const imageHashes: string[] = [];
  let digestText = '';
  let keyText = '';
  // (an article's key is a hash of the global key and its digest: both as they were, the key is the kept one)
  const sameGlobal = last?.global === global;
  for (let i = 0; i < n; i++) {
    const a = articles[i]!;
    const image = imageText(a, images);
    const imageHash = image === 'null' ? NO_IMAGE : sha(image);
    imageHashes.push(imageHash);
    const at = i * DIGEST_LENGTH;
    const kept = last !== undefined && unchangedAround(i) && last.images.startsWith(imageHash, at);
    const d = kept ? last.digests.slice(at, at + DIGEST_LENGTH) : articleDigest(a, image, contents[i], linked);
    const key = kept && sameGlobal ? last.keys.slice(at, at + DIGEST_LENGTH) : sha(global, 'article', d);
    digests.set(a, d);
    digestText += d;
    keyText += key;
    keys.set(a.url, key);
  }
  // (a listing page's own fields, its items left out, then its items' digests: the rest pattern and map/join cost twice as much)
  for (const p of [...site.home, ...site.listingPages]) {
    let items = '';
    for (let k = 0; k < p.items.length; k++) {
      const a = p.items[k]!;
      items += `${k > 0 ? ',' : ''}${digests.get(a) ?? articleDigest(a, imageText(a, images), contentKey(a), linked)}`;
    }
    keys.set(p.url, sha(global, 'listing', JSON.stringify({ ...p, items: undefined }), items));
  }
  if (
    kept &&
    related &&
    contents.every((c) => c?.length === DIGEST_LENGTH) &&
    !(changed && digestText === last!.digests && keyText === last!.keys)
  )
    kept.write({
      related: related.digest,
      global,
      urls: articles.map((a) => a.url),
      contents: contents.join(''),
      images: imageHashes.join(''),
      digests: digestText,
      keys: keyText,
    });
  return keys;
}

/**
 * Which pages can come from the last build (`last`): same key, and the file as that build wrote it
 * (same size, modification time and inode as its manifest says, or else the same size and bytes
 * as its digest says; the plan then holds the file's own stat). The others are what Eleventy renders.
 */
export function planReuse(
  site: SiteData,
  keys: Map<string, string>,
  last: Stamp | undefined,
  options: { outputVerified?: boolean } = {},
): ReusePlan {
  const reusable = PageIndex.empty();
  const manifest = new Map(last?.pageIndex ? last.manifest.map((m) => [m[0], m]) : []);
  if (last?.pageIndex) {
    const index = last.pageIndex;
    for (const [url, key] of keys) {
      const entry = index.get(url);
      if (!entry || entry[0] !== key) continue;
      if (!staysInside(entry[1])) continue; // the stamp is a file anyone could edit
      const m = manifest.get(entry[1]);
      if (!m) continue;
      // (every file of the last output was just found as its manifest says: store/stamp.ts outputIntact)
      if (options.outputVerified) {
        reusable.set(url, entry);
        continue;
      }
      const file = path.join(last.outDir, entry[1]);
      const st = statOrUndefined(file);
      if (!st || !st.isFile() || st.size !== m[1]) continue;
      if (!sameStat(st, m)) {
        if (entry[2] === undefined || digestOfFile(file) !== entry[2]) continue;
        manifest.set(entry[1], [m[0], st.size, st.mtimeMs, st.ino]);
      }
      reusable.set(url, entry);
    }
  }
  return {
    selection: eachKind(everyPage(site), (pages) => pages.filter((p) => !reusable.has(p.url))),
    reusable,
    keys,
    last: last && { outDir: last.outDir, manifest },
  };
}

/**
 * After Eleventy has written its pages: links each reusable page of the last output into `outDir`,
 * where Eleventy wrote nothing (a template that ignores `render` renders every page: then its page
 * stands). Links come last so that nothing is ever written through a link into the live site.
 * Returns the page index for the next build: the pages linked and the pages Eleventy wrote. A
 * reusable page changed since the plan was made (someone wrote into the live site during the
 * build) fails the build, which leaves the site as it was: run it again.
 */
export function linkReused(
  plan: ReusePlan,
  written: WrittenPage[],
  outDir: string,
): { index: PageIndex; linked: number; known: KnownFiles | undefined } {
  const index = writtenIndex(plan, written, outDir);
  let linked = 0;
  // What the next manifest can take without a stat (store/stamp.ts KnownFiles); nothing when a page had
  // to be copied (another filesystem): a copy has an inode and mtime of its own.
  const known: KnownFiles = { entries: new Map(), folders: new Set() };
  let copied = false;
  for (const [url, entry] of plan.reusable.entries()) {
    if (index.has(url)) continue;
    const from = path.join(plan.last!.outDir, entry[1]);
    const m = plan.last!.manifest.get(entry[1]);
    if (!m || !sameFile(from, m)) throw new StalePage(url);
    const to = path.join(outDir, entry[1]);
    // A folder made here holds only pages linked here: Eleventy has finished writing. (mkdirSync
    // returns the first folder it made, which can be an ancestor of the page's own.)
    const made = mkdirSync(path.dirname(to), { recursive: true });
    if (made !== undefined) known.folders.add(path.relative(outDir, made));
    if (linkOrCopy(from, to)) known.entries.set(entry[1], m);
    else copied = true;
    index.set(url, entry);
    linked++;
  }
  return { index, linked, known: copied ? undefined : known };
}

/**
 * For an output updated in place (output/in-place.ts): Eleventy has written the pages it rendered into `stage`, and the reusable
 * pages stay where they are in the last output. Returns the page index for the next build and the last manifest's entries of the
 * pages kept.
 */
export function keepReused(plan: ReusePlan, written: WrittenPage[], stage: string): { index: PageIndex; kept: ManifestEntry[] } {
  const index = writtenIndex(plan, written, stage);
  const kept: ManifestEntry[] = [];
  for (const [url, entry] of plan.reusable.entries()) {
    if (index.has(url)) continue;
    const m = plan.last!.manifest.get(entry[1]);
    if (!m) throw new StalePage(url);
    kept.push(m);
    index.set(url, entry);
  }
  return { index, kept };
}

/** The page index's entries of the article, home and listing pages Eleventy wrote into `outDir`. */
function writtenIndex(plan: ReusePlan, written: WrittenPage[], outDir: string): PageIndex {
  const index = PageIndex.empty();
  for (const r of written) {
    if (typeof r.url !== 'string' || typeof r.outputPath !== 'string') continue;
    const key = plan.keys.get(r.url);
    if (!key) continue;
    const file = path.relative(outDir, path.resolve(r.outputPath));
    if (!staysInside(file)) continue;
    const digest = digestOfFile(path.join(outDir, file));
    if (digest !== undefined) index.set(r.url, [key, file, digest]);
  }
  return index;
}

/** A page the plan meant to reuse is missing or was changed after the plan was made. */
export class StalePage extends Error {
  constructor(readonly url: string) {
    super(`the last build's page ${url} changed during this build`);
  }
}

/** A relative path that cannot leave the folder it is joined to. */
function staysInside(file: string): boolean {
  const n = path.normalize(file);
  return n !== '' && n !== '.' && !path.isAbsolute(n) && n !== '..' && !n.startsWith(`..${path.sep}`);
}

function sameFile(file: string, m: ManifestEntry): boolean {
  const st = statOrUndefined(file);
  return st !== undefined && st.isFile() && sameStat(st, m);
}

function sameStat(st: Stats, [, size, mtimeMs, ino]: ManifestEntry): boolean {
  return st.size === size && st.mtimeMs === mtimeMs && st.ino === ino;
}

/** The page index's digest of a file's bytes; undefined when it cannot be read. */
function digestOfFile(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('base64url');
  } catch {
    return undefined;
  }
}
