/**
 * Makes src/site/fonts/ (committed; re-run after upgrading @fontsource): each Arabic woff2 subset to NEWS_ARABIC with its shaping features
 * kept, and metric overrides for local fallback fonts measured with fontkit. Usage: node --import tsx scripts/make-fonts.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import matter from 'gray-matter';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { FACES, NEWS_ARABIC, FONT_DIR, type FontManifest, type Fallback } from '../src/site/fonts.ts';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

/**
 * Local fonts a fallback face may name, with the file its metrics are read from. The same design
 * installed locally (Android ships Noto Naskh Arabic) needs no size change; DejaVu Sans is what
 * Debian's Chromium falls back to for Arabic (and what the layout-shift test meets). Fonts whose
 * files are not here to measure (Geeza Pro on iOS, Arial/Segoe UI on Windows) get no face: a guess
 * would not be a measurement.
 */
const LOCALS: Record<string, Array<{ id: string; names: string[]; file: string | 'same' }>> = {
  'naskh-400': [
    {
      id: 'noto',
      names: ['Noto Naskh Arabic', 'NotoNaskhArabic-Regular', 'Noto Naskh Arabic UI', 'NotoNaskhArabicUI-Regular'],
      file: 'same',
    },
    { id: 'dejavu', names: ['DejaVu Sans', 'DejaVuSans'], file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  ],
  'naskh-700': [
    {
      id: 'noto',
      names: ['Noto Naskh Arabic Bold', 'NotoNaskhArabic-Bold', 'Noto Naskh Arabic UI Bold', 'NotoNaskhArabicUI-Bold'],
      file: 'same',
    },
    { id: 'dejavu', names: ['DejaVu Sans Bold', 'DejaVuSans-Bold'], file: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  ],
  'kufi-700': [
    { id: 'noto', names: ['Noto Kufi Arabic Bold', 'NotoKufiArabic-Bold'], file: 'same' },
    { id: 'dejavu', names: ['DejaVu Sans Bold', 'DejaVuSans-Bold'], file: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  ],
};

/** The Arabic articles' running text (for Naskh) and their headlines (for Kufi). */
function sampleText(): { body: string; heads: string } {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.md') && e.name !== 'README.md') files.push(path.join(dir, e.name));
    }
  };
  walk(path.join(ROOT, 'content'));
  const body: string[] = [];
  const heads: string[] = [];
  for (const f of files.sort()) {
    const { data, content } = matter(readFileSync(f, 'utf8'));
    if (data.lang && data.lang !== 'ar') continue;
    heads.push(String(data.title));
    body.push(String(data.summary), content.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#*_>`|-]+/g, ' '));
  }
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return { body: clean(body.join(' ')), heads: clean(heads.join(' ')) };
}

const RUNS = /[\u0600-\u06FF\u200C-\u200F]+(?:[ \u00A0]+[\u0600-\u06FF\u200C-\u200F]+)*|[^\u0600-\u06FF\u200C-\u200F]+/g;

/** Width in em of text shaped run by run, Arabic runs right to left in `arabic`, the others in `latin` (the web font's two files, or one local font twice). */
function shapedWidth(text: string, arabic: fontkit.Font, latin = arabic): number {
  let em = 0;
  for (const run of text.match(RUNS) ?? []) {
    const ar = /[\u0600-\u06FF]/.test(run);
    const font = ar ? arabic : latin;
    em += font.layout(run, undefined, ar ? 'arab' : 'latn', undefined, ar ? 'rtl' : 'ltr').advanceWidth / font.unitsPerEm;
  }
  return em;
}

const round = (x: number) => Math.round(x * 10000) / 100; // a percentage with two decimals
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function main() {
  const out = path.join(ROOT, 'src', 'site', FONT_DIR);
  mkdirSync(out, { recursive: true });
  const sample = sampleText();
  const manifest: FontManifest = { range: NEWS_ARABIC, files: [], fallbacks: [] };
  const chars = NEWS_ARABIC.split(',').flatMap((r) => {
    const [a, b] = r
      .replace(/U\+/g, '')
      .split('-')
      .map((h) => parseInt(h, 16)) as [number, number | undefined];
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => String.fromCodePoint(a + i));
  });
  for (const face of FACES) {
    const source = require.resolve(`${face.pkg}/files/${face.file('arabic')}`);
    const bytes = readFileSync(source);
    const subset = await subsetFont(bytes, chars.join(''), { targetFormat: 'woff2' });
    writeFileSync(path.join(out, face.file('arabic')), subset);
    manifest.files.push({
      name: face.file('arabic'),
      source: `${face.pkg}/files/${face.file('arabic')}`,
      sourceSha256: sha256(bytes),
      bytes: subset.length,
    });
    const arabic = fontkit.openSync(path.join(out, face.file('arabic')));
    const latin = fontkit.openSync(require.resolve(`${face.pkg}/files/${face.file('latin')}`));
    const text = face.family.includes('Kufi') ? sample.heads : sample.body;
    const web = shapedWidth(text, arabic, latin);
    for (const local of LOCALS[face.id] ?? []) {
      let sizeAdjust = 1;
      if (local.file !== 'same') {
        if (!existsSync(local.file))
          throw new Error(`${local.file} is missing: install Debian's fonts-dejavu-core to measure ${local.names[0]}`);
        sizeAdjust = web / shapedWidth(text, fontkit.openSync(local.file));
      }
      const fallback: Fallback = {
        family: `${face.family} fallback ${local.id}`,
        weight: face.weight,
        local: local.names,
        sizeAdjust: round(sizeAdjust),
        ascentOverride: round(arabic.ascent / arabic.unitsPerEm / sizeAdjust),
        descentOverride: round(Math.abs(arabic.descent) / arabic.unitsPerEm / sizeAdjust),
        lineGapOverride: round(arabic.lineGap / arabic.unitsPerEm / sizeAdjust),
      };
      manifest.fallbacks.push(fallback);
      console.log(
        `${face.id} ← ${local.names[0]}: size-adjust ${fallback.sizeAdjust}%, ascent ${fallback.ascentOverride}%, descent ${fallback.descentOverride}%, line gap ${fallback.lineGapOverride}%`,
      );
    }
    console.log(`${face.file('arabic')}: ${bytes.length} → ${subset.length} bytes`);
  }
  writeFileSync(path.join(out, 'fonts.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

await main();
