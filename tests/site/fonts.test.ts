/**
 * The font files and fallback metrics made by scripts/make-fonts.ts: made from the @fontsource
 * files installed now (an upgrade must re-run the script), covering every letter of Arabic news
 * copy with its shaping, and the fallback faces named by the stylesheet's font stacks.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FACES, fontFaceCss, fontFiles, fontManifest } from '../../src/site/fonts.ts';
import { REPO } from '../helpers/fixture-site.ts';

const require = createRequire(import.meta.url);
const manifest = fontManifest();

describe('made font files', () => {
  it('were made from the installed @fontsource files, and are the bytes the manifest lists', () => {
    for (const f of manifest.files) {
      const source = readFileSync(require.resolve(f.source));
      expect(createHash('sha256').update(source).digest('hex'), `${f.source} changed: run node --import tsx scripts/make-fonts.ts`).toBe(
        f.sourceSha256,
      );
      const made = fontFiles().find((x) => x.name === f.name)!;
      expect(readFileSync(made.from).length, f.name).toBe(f.bytes);
      expect(f.bytes).toBeLessThan(source.length / 2);
    }
  });

  it('keep every letter, mark and digit of Arabic news and the letters of foreign sounds, shaped', () => {
    const needed = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩،؛؟پچژڤگ ٱ'];
    for (const face of FACES) {
      const file = fontFiles().find((x) => x.name === face.file('arabic'))!;
      const font = fontkit.openSync(file.from);
      for (const c of needed) expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), `${face.id} ${c}`).toBe(true);
      // joining forms survive subsetting: a medial ع is not the isolated one
      const isolated = font.layout('ع', undefined, 'arab', undefined, 'rtl').advanceWidth;
      const joined =
        font.layout('بعد', undefined, 'arab', undefined, 'rtl').advanceWidth -
        font.layout('بد', undefined, 'arab', undefined, 'rtl').advanceWidth;
      expect(Math.abs(joined - isolated), face.id).toBeGreaterThan(10);
    }
  });

  it('every family of the stylesheet font stacks is a web font, a measured fallback face or a generic family', () => {
    const css = fontFaceCss();
    const faces = new Set([...css.matchAll(/font-family:"([^"]+)"/g)].map((m) => m[1]));
    const source = readFileSync(path.join(REPO, 'templates/_styles/site.css'), 'utf8');
    for (const v of ['--text', '--head']) {
      const stack = new RegExp(`${v}:([^;]+);`).exec(source)![1]!;
      const families = stack.split(',').map((s) => s.trim().replace(/"/g, ''));
      expect(families.filter((f) => f.includes('fallback')).length, v).toBeGreaterThan(0);
      for (const f of families) expect(faces.has(f) || ['serif', 'sans-serif'].includes(f), `${v}: ${f}`).toBe(true);
    }
    for (const fb of manifest.fallbacks) {
      expect(fb.sizeAdjust).toBeGreaterThan(50);
      expect(fb.sizeAdjust).toBeLessThan(150);
      expect(css).toContain(`font-family:"${fb.family}"`);
    }
  });
});
