/**
 * One stylesheet, two directions: the source is written left-to-right and rtlcss derives the
 * right-to-left file from it in the build. Pages load the file that matches their `dir`.
 */
import { readFileSync } from 'node:fs';
import rtlcss from 'rtlcss';

export interface Stylesheets {
  ltr: string;
  rtl: string;
}

export function deriveStylesheets(sourceFile: string): Stylesheets {
  const ltr = readFileSync(sourceFile, 'utf8');
  return { ltr, rtl: rtlcss.process(ltr) };
}
