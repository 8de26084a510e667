/**
 * Self-hosted fonts from @fontsource: Noto Naskh Arabic for text, Noto Kufi Arabic for headings.
 * woff2 only, one file per script subset with its unicode-range (a page without Latin never
 * downloads the Latin file), font-display: swap. Files are resolved with createRequire from this
 * module — not from the project root — so fixture projects in /tmp build the same way.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

interface Face {
  family: string;
  pkg: string;
  weight: number;
}

const FACES: Face[] = [
  { family: 'Noto Naskh Arabic', pkg: '@fontsource/noto-naskh-arabic', weight: 400 },
  { family: 'Noto Naskh Arabic', pkg: '@fontsource/noto-naskh-arabic', weight: 700 },
  { family: 'Noto Kufi Arabic', pkg: '@fontsource/noto-kufi-arabic', weight: 700 },
];
const SUBSETS = ['arabic', 'latin'] as const;

export const FONT_URL = '/assets/fonts/';

export interface FontFile {
  /** Absolute path in node_modules. */
  from: string;
  /** File name under /assets/fonts/. */
  name: string;
}

function unicodeRanges(pkg: string): Record<string, string> {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
}

/** Keeps the Basic Multilingual Plane ranges: the supplementary-plane math/Indic Siyaq letters never occur in news copy. */
function bmpOnly(ranges: string): string {
  return ranges
    .split(',')
    .filter((r) => /^U\+[0-9A-F]{1,4}(?:-[0-9A-F]{1,4})?$/i.test(r.trim()))
    .join(',');
}

export function fontFiles(): FontFile[] {
  return FACES.flatMap((f) =>
    SUBSETS.map((subset) => {
      const name = `${f.pkg.split('/')[1]}-${subset}-${f.weight}-normal.woff2`;
      return { from: require.resolve(`${f.pkg}/files/${name}`), name };
    }),
  );
}

/**
 * The @font-face rules. URLs are relative to the stylesheet (/assets/site.*.css → /assets/fonts/),
 * so they hold under any base path.
 */
export function fontFaceCss(): string {
  const rules: string[] = [];
  for (const f of FACES) {
    const ranges = unicodeRanges(f.pkg);
    for (const subset of SUBSETS) {
      const name = `${f.pkg.split('/')[1]}-${subset}-${f.weight}-normal.woff2`;
      rules.push(
        `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};font-display:swap;` +
          `src:url(fonts/${name}) format("woff2");unicode-range:${bmpOnly(ranges[subset] ?? '')}}`,
      );
    }
  }
  return rules.join('\n');
}
