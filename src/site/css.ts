/**
 * One stylesheet, two directions: the left-to-right source and the right-to-left file rtlcss derives from it in the build, both headed by
 * the self-hosted @font-face rules. Pages load the file that matches their `dir`.
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
