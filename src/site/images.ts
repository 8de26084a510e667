/**
 * Responsive lead images with @11ty/eleventy-img: AVIF and WebP with a JPEG fallback in a few widths, width/height always set. Files are
 * kept in .cache/img under a hash of source and options; those a build uses are copied into its output.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../content/article.ts';

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

export async function processImages(articles: Article[], contentDir: string, cacheDir: string): Promise<Record<string, ImageSet>> {
  const out: Record<string, ImageSet> = {};
  const srcs = [...new Set(articles.flatMap((a) => (a.image ? [a.image.src] : [])))];
  mkdirSync(cacheDir, { recursive: true });
  await Promise.all(
    srcs.map(async (src) => {
      // Loaded only when an article has a lead picture: sharp takes a fifth of a second to load.
      const { default: Image } = await import('@11ty/eleventy-img');
      const stats = (await Image(path.join(contentDir, src), {
        widths: WIDTHS,
        formats: FORMATS,
        outputDir: cacheDir,
        urlPath: IMAGE_URL,
        sharpAvifOptions: { effort: 2 },
        sharpJpegOptions: { mozjpeg: true, quality: 78 },
      })) as Record<string, Stat[]>;
      const jpeg = stats.jpeg ?? [];
      const largest = jpeg[jpeg.length - 1]!;
      const middle = jpeg.find((s) => s.width >= 800) ?? largest;
      out[src] = {
        sources: FORMATS.map((f) => ({ type: stats[f]![0]!.sourceType, srcset: stats[f]!.map((s) => s.srcset).join(', ') })),
        fallback: { url: middle.url, width: middle.width, height: middle.height },
        large: { url: largest.url, width: largest.width, height: largest.height },
        files: FORMATS.flatMap((f) => stats[f]!.map((s) => s.filename)),
      };
    }),
  );
  return out;
}

/** Copies the processed files a build uses from the cache into the output folder. */
export function copyImages(images: Record<string, ImageSet>, cacheDir: string, outputDir: string): void {
  const target = path.join(outputDir, IMAGE_URL);
  mkdirSync(target, { recursive: true });
  for (const set of Object.values(images)) {
    for (const f of set.files) {
      const from = path.join(cacheDir, f);
      if (existsSync(from)) copyFileSync(from, path.join(target, f));
    }
  }
}
