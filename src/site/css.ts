/**
 * One stylesheet, two directions: the source is written left-to-right and rtlcss derives the
 * right-to-left file from it in the build. Pages load the file that matches their `dir`.
 * The @font-face rules (self-hosted Noto Naskh/Kufi Arabic) are put in front of both.
 */
import { readFileSync } from 'node:fs';
import rtlcss from 'rtlcss';
import { fontFaceCss } from './fonts.ts';

export interface Stylesheets {
  ltr: string;
  rtl: string;
}

/** Drops comments and needless whitespace: the stylesheet counts against the page weight budget. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

export function deriveStylesheets(sourceFile: string): Stylesheets {
  const ltr = minifyCss(readFileSync(sourceFile, 'utf8'));
  const fonts = fontFaceCss();
  return { ltr: `${fonts}\n${ltr}\n`, rtl: `${fonts}\n${minifyCss(rtlcss.process(ltr))}\n` };
}
