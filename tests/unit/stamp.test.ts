/**
 * The build stamp is a file anyone (or a killed disk) can damage: readStamp gives back a stamp only when the file has a stamp's shape,
 * and no stamp otherwise (the build then renders every page).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStamp, writeStamp, type Stamp } from '../../src/store/stamp.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good: Stamp = {
  fingerprint: 'f'.repeat(64),
  outDir: '/srv/site/_site',
  pages: 3,
  manifest: [
    ['index.html', 1200, 1733150000000.5, 4711],
    ['2024/01/خبر/index.html', 900, 1733150000001, 4712],
  ],
  pageIndex: { '/': ['k1', 'index.html', 'd1'], '/2024/01/خبر/': ['k2', '2024/01/خبر/index.html'] },
};

describe('readStamp', () => {
  it('gives back what writeStamp wrote, with or without a page index', () => {
    writeStamp(dir, good);
    expect(readStamp(dir)).toEqual(good);
    const { pageIndex: _, ...withoutIndex } = good;
    writeStamp(dir, withoutIndex);
    expect(readStamp(dir)).toEqual(withoutIndex);
  });

  it('keeps the page index in a file of its own, used only with the bytes the stamp names', () => {
    writeStamp(dir, good);
    expect(readStamp(dir, { pageIndex: false })).toEqual({ ...good, pageIndex: undefined });
    const pages = path.join(dir, 'last-build-pages.json');
    const bytes = readFileSync(pages);
    // another build's page index (a build killed between the two writes), or a damaged one: the stamp, without page index
    for (const other of [JSON.stringify({ '/': ['k9', 'index.html', 'd9'] }), bytes.toString().slice(0, -1), '']) {
      writeFileSync(pages, other);
      expect(readStamp(dir)).toEqual({ ...good, pageIndex: undefined });
    }
    rmSync(pages);
    expect(readStamp(dir)).toEqual({ ...good, pageIndex: undefined });
    writeFileSync(pages, bytes);
    expect(readStamp(dir)).toEqual(good);
  });

  it('treats a file that is not JSON, or JSON of another shape, as no stamp', () => {
    const damaged: unknown[] = [
      [],
      null,
      'last-build',
      { ...good, fingerprint: 7 },
      { ...good, outDir: undefined },
      { ...good, pages: -1 },
      { ...good, pages: 1.5 },
      { ...good, manifest: 'index.html' },
      { ...good, manifest: [['index.html', '1200', 1, 2]] },
      { ...good, manifest: [['index.html', 1200, 1]] },
      { ...good, manifest: [{ file: 'index.html' }] },
      { ...good, pageIndex: [] },
      { ...good, pageIndex: { '/': 5 } },
      { ...good, pageIndex: { '/': ['k1'] } },
      { ...good, pageIndex: { '/': ['k1', 'index.html', 42] } },
      { ...good, pageIndex: { '/': ['k1', 'index.html', 'd1', 'extra'] } },
    ];
    for (const value of damaged) {
      writeFileSync(path.join(dir, 'last-build.json'), JSON.stringify(value));
      expect(readStamp(dir), JSON.stringify(value)).toBeUndefined();
    }
    writeFileSync(path.join(dir, 'last-build.json'), JSON.stringify(good).slice(0, 40));
    expect(readStamp(dir)).toBeUndefined();
    rmSync(path.join(dir, 'last-build.json'));
    expect(readStamp(dir)).toBeUndefined();
  });
});
