/**
 * The marks a name or a search query drops are written once, in src/text/arabic.ts (MARK_SPANS), except where that module cannot be
 * imported: the browser's plain JavaScript (src/site/name-key.js, public/assets/search.js) and src/content/known-names.ts (content/
 * imports no other folder). Each of those must drop exactly the code points arabic.ts names, or a name keyed by the build is not
 * found by the reader's query, and a listed author's near-miss is not recognised.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MARK_SPANS, TATWEEL } from '../../src/text/arabic.ts';
import { foldName } from '../../src/content/known-names.ts';
import { REPO } from '../helpers/fixture-site.ts';

/** The code points of the Basic Multilingual Plane a one-character regex class matches. */
function matched(cls: RegExp): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (cls.test(String.fromCharCode(c))) out.push(c);
  return out;
}

const expected = matched(new RegExp(`^[${MARK_SPANS}${TATWEEL}]$`));

/** The regex literals of a script whose character class holds U+064B (the first haraka): its marks classes. */
function marksClasses(file: string): RegExp[] {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  return [...text.matchAll(/\/(\[[^\]\n]*\\u064B[^\]\n]*\])\/g/gi)].map((m) => new RegExp(`^${m[1]}$`));
}

describe('the marks dropped from names and queries', () => {
  it('are the word marks, U+0610–U+061A, U+06D6–U+06ED and tatweel', () => {
    const hex = (cs: number[]) => cs.map((c) => c.toString(16).toUpperCase().padStart(4, '0'));
    expect(expected.length).toBe(11 + 22 + 24 + 1);
    expect(hex(expected).slice(0, 12)).toEqual([
      '0610',
      '0611',
      '0612',
      '0613',
      '0614',
      '0615',
      '0616',
      '0617',
      '0618',
      '0619',
      '061A',
      '0640',
    ]);
    expect(hex(expected).at(-1)).toBe('06ED');
  });

  for (const file of ['src/site/name-key.js', 'public/assets/search.js']) {
    it(`${file} writes the same class as src/text/arabic.ts`, () => {
      const classes = marksClasses(file);
      expect(classes.length).toBeGreaterThan(0);
      for (const cls of classes) expect(matched(cls)).toEqual(expected);
    });
  }

  it('src/content/known-names.ts drops the same characters from a name (with hamza, which it folds away)', () => {
    const dropped: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (foldName(`ب${String.fromCharCode(c)}ب`) === 'بب') dropped.push(c);
    expect(dropped).toEqual([...expected, 0x0621].sort((a, b) => a - b));
  });
});
