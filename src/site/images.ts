/**
 * Responsive lead images with @11ty/eleventy-img: AVIF and WebP with a JPEG fallback in a few widths, width/height always set, each file
 * named by a hash of source and options. Made in `.cache/img/<eleventy-img and sharp versions>/`, kept between builds (unused ones
 * pruned) and copied into each output; with the cache off, made in the output itself.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { packageVersion } from '../package-version.ts';

export const IMAGE_URL = '/img/';
const WIDTHS = [480, 800, 1200];
const FORMATS = ['avif', 'webp', 'jpeg'];
/** `sizes` for the article column (max 44rem) and the home lead. */
export const SIZES = '(min-width: 46rem) 44rem, 100vw';

export interface ImageSource {
  type: string;
  srcset: string;
}

export interface ImageFile {
  url: string;
  width: number;
  height: number;
}

export interface ImageSet {
  sources: ImageSource[];
  /** The <img> itself: a mid-size JPEG. */
  fallback: ImageFile;
  /** The largest JPEG: for Open Graph, Twitter cards and JSON-LD. */
  large: ImageFile;
  /** File names written to the cache folder. */
  files: string[];
}

interface Stat {
  format: string;
  width: number;
  height: number;
  url: string;
  filename: string;
  sourceType: string;
  srcset: string;
}

/**
 * The folder of `.cache/` (`cacheRoot`) where pictures are kept: one per version of eleventy-img and of the sharp it loads, so that an
 * upgrade of either makes every picture again (their file names hash only the source and the options).
 */
export function imageCacheDir(cacheRoot: string): string {
  const image = import.meta.resolve('@11ty/eleventy-img');
  const sharp = createRequire(image).resolve('sharp');
  const key = `eleventy-img-${packageVersion(image)}-sharp-${packageVersion(sharp)}`.replace(/[^\w.-]/g, '_');
  return path.join(cacheRoot, 'img', key);
}

/**
 * Makes (or finds already made in `dir`) the files of every article's lead picture, and copies them into `copyTo`/img/ when given. A
 * file gone from `dir` since this process's eleventy-img saw it (pruned by an earlier build of the process, or by hand), which
 * eleventy-img would not make again, is made again with its in-process memory bypassed.
 */
export async function processImages(
  articles: Article[],
  contentDir: string,
  dir: string,
  copyTo?: string | undefined,
): Promise<Record<string, ImageSet>> {
  const out: Record<string, ImageSet> = {};
  const srcs = [...new Set(articles.flatMap((a) => (a.image ? [a.image.src] : [])))];
  mkdirSync(dir, { recursive: true });
  const target = copyTo && path.join(copyTo, IMAGE_URL);
  if (target) mkdirSync(target, { recursive: true });
  await Promise.all(
    srcs.map(async (src) => {
      let set = await imageSet(path.join(contentDir, src), dir, true);
      if (target && !copied(set, dir, target)) {
        set = await imageSet(path.join(contentDir, src), dir, false);
        if (!copied(set, dir, target)) {
          throw new Error(`a picture of ${src} went missing from ${dir} during the build (another build pruned it?); build again`);
        }
      }
      out[src] = set;
    }),
  );
  return out;
}

/** Copies a picture's files from `dir` into `target`; false when one is not in `dir`. */
function copied(set: ImageSet, dir: string, target: string): boolean {
  for (const f of set.files) {
    try {
      copyFileSync(path.join(dir, f), path.join(target, f));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
  return true;
}

async function imageSet(file: string, dir: string, useCache: boolean): Promise<ImageSet> {
  // Loaded only when an article has a lead picture: sharp takes a fifth of a second to load.
  const { default: Image } = await import('@11ty/eleventy-img');
  const stats = (await Image(file, {
    widths: WIDTHS,
    formats: FORMATS,
    outputDir: dir,
    urlPath: IMAGE_URL,
    useCache,
    sharpAvifOptions: { effort: 2 },
    sharpJpegOptions: { mozjpeg: true, quality: 78 },
  })) as Record<string, Stat[]>;
  const jpeg = stats.jpeg ?? [];
  const largest = jpeg[jpeg.length - 1]!;
  const middle = jpeg.find((s) => s.width >= 800) ?? largest;
  return {
    sources: FORMATS.map((f) => ({ type: stats[f]![0]!.sourceType, srcset: stats[f]!.map((s) => s.srcset).join(', ') })),
    fallback: { url: middle.url, width: middle.width, height: middle.height },
    large: { url: largest.url, width: largest.width, height: largest.height },
    files: FORMATS.flatMap((f) => stats[f]!.map((s) => s.filename)),
  };
}

/** Unused files `.cache/img/` may hold before they are pruned, besides as many as are used. */
const UNUSED_KEPT = 100;

/**
 * After a build that succeeded: removes everything of `.cache/img/` beside `cacheDir` (other versions' folders, files of the older flat
 * layout) and, once they outnumber both the files in use and UNUSED_KEPT, the files of `cacheDir` no article uses.
 */
export function pruneImages(images: Record<string, ImageSet>, cacheDir: string): void {
  const root = path.dirname(cacheDir);
  for (const entry of list(root)) if (entry !== path.basename(cacheDir)) rmSync(path.join(root, entry), { recursive: true, force: true });
  const used = new Set(Object.values(images).flatMap((set) => set.files));
  const unused = list(cacheDir).filter((f) => !used.has(f));
  if (unused.length > Math.max(used.size, UNUSED_KEPT))
    for (const f of unused) rmSync(path.join(cacheDir, f), { recursive: true, force: true });
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
