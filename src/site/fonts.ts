/**
 * Self-hosted woff2 fonts (Noto Naskh Arabic text, Noto Kufi Arabic headings; unicode-range, swap) with metric-matched local fallbacks so
 * nothing moves when they load. Arabic files and overrides come from scripts/make-fonts.ts (./fonts/), Latin files from @fontsource.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from '../source-root.ts';

const require = createRequire(import.meta.url);

export interface Face {
  id: string;
  family: string;
  pkg: string;
  weight: number;
  file(subset: 'arabic' | 'latin'): string;
}

const face = (id: string, family: string, pkg: string, weight: number): Face => ({
  id,
  family,
  pkg,
  weight,
  file: (subset) => `${pkg.split('/')[1]}-${subset}-${weight}-normal.woff2`,
});

export const FACES: readonly Face[] = [
  face('naskh-400', 'Noto Naskh Arabic', '@fontsource/noto-naskh-arabic', 400),
  face('naskh-700', 'Noto Naskh Arabic', '@fontsource/noto-naskh-arabic', 700),
  face('kufi-700', 'Noto Kufi Arabic', '@fontsource/noto-kufi-arabic', 700),
];

/**
 * What the Arabic files keep: the Arabic letters, marks, digits and punctuation up to alef wasla,
 * the letters agencies use for foreign sounds (پ چ ژ ڤ ڧ ڨ ک ڭ گ ی), the joiners and bidi marks,
 * hyphens, the dotted circle and the spaces. Other Arabic-script letters (Urdu, Sindhi, Quranic
 * signs) are left to the reader's system fonts.
 */
export const NEWS_ARABIC =
  'U+0020,U+00A0,U+0600-0671,U+067E,U+0686,U+0698,U+06A4,U+06A7-06A9,U+06AD,U+06AF,U+06CC,U+06D4,U+200C-200F,U+2010-2011,U+25CC';

/** Folder of the made files, under src/site/. */
export const FONT_DIR = 'fonts';
export const FONT_URL = '/assets/fonts/';

/** The body text's font file, preloaded by every page (templates/_layouts/base.njk). */
export const CRITICAL_FONT = FACES[0]!.file('arabic');

export interface Fallback {
  family: string;
  weight: number;
  /** Names for local(): full and PostScript names. */
  local: string[];
  /** Percentages. */
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

export interface FontManifest {
  range: string;
  files: Array<{ name: string; source: string; sourceSha256: string; bytes: number }>;
  fallbacks: Fallback[];
}

const madeDir = () => path.join(SOURCE_ROOT, 'site', FONT_DIR);

export function fontManifest(): FontManifest {
  return JSON.parse(readFileSync(path.join(madeDir(), 'fonts.json'), 'utf8')) as FontManifest;
}

export interface FontFile {
  /** Absolute path of the file to copy. */
  from: string;
  /** File name under /assets/fonts/. */
  name: string;
}

export function fontFiles(): FontFile[] {
  return FACES.flatMap((f) => [
    { from: path.join(madeDir(), f.file('arabic')), name: f.file('arabic') },
    { from: require.resolve(`${f.pkg}/files/${f.file('latin')}`), name: f.file('latin') },
  ]);
}

function latinRange(pkg: string): string {
  const ranges = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
  return ranges.latin ?? '';
}

/**
 * The @font-face rules: for each face its Latin file, then its Arabic file (the later rule wins
 * where ranges overlap, so spaces between Arabic words come from the Arabic file), then the local
 * fallbacks. URLs are relative to the stylesheet (/assets/site.*.css → /assets/fonts/), so they
 * hold under any base path.
 */
export function fontFaceCss(): string {
  const rules: string[] = [];
  const manifest = fontManifest();
  for (const f of FACES) {
    for (const [subset, range] of [
      ['latin', latinRange(f.pkg)],
      ['arabic', manifest.range],
    ] as const) {
      rules.push(
        `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};font-display:swap;` +
          `src:url(fonts/${f.file(subset)}) format("woff2");unicode-range:${range}}`,
      );
    }
  }
  for (const fb of manifest.fallbacks) {
    rules.push(
      `@font-face{font-family:"${fb.family}";font-style:normal;font-weight:${fb.weight};src:${fb.local.map((n) => `local("${n}")`).join(',')};` +
        `size-adjust:${fb.sizeAdjust}%;ascent-override:${fb.ascentOverride}%;descent-override:${fb.descentOverride}%;line-gap-override:${fb.lineGapOverride}%}`,
    );
  }
  return rules.join('\n');
}
