/**
 * The build stamp is a file anyone (or a killed disk) can damage: readStamp gives back a stamp only when the file has a stamp's shape,
 * and no stamp otherwise (the build then renders every page).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PageIndex, readStamp, writeStamp, type Stamp } from '../../src/store/stamp.ts';
import { decodePageIndex, encodePageIndex } from '../../src/store/page-index.ts';

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
  pageIndex: PageIndex.from([
    ['/', ['k1', 'index.html', 'd1']],
    ['/2024/01/خبر/', ['k2', '2024/01/خبر/index.html']],
  ]),
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

describe('the page index file', () => {
  const pages = path.join(dir, 'last-build-pages.json');
  /** Writes `text` as the page index the stamp names (its digest recorded), as a build would have. */
  const withIndexText = (text: string) => {
    writeStamp(dir, good);
    writeFileSync(pages, text);
    const stamp = JSON.parse(readFileSync(path.join(dir, 'last-build.json'), 'utf8')) as Record<string, unknown>;
    stamp.pagesDigest = createHash('sha256').update(text).digest('hex');
    writeFileSync(path.join(dir, 'last-build.json'), JSON.stringify(stamp));
  };

  it('round-trips every entry, in order, with and without a digest', () => {
    const index = PageIndex.from([
      ['/b/', ['k2', 'b/index.html']],
      ['/a/', ['k1', 'a/index.html', 'd1']],
    ]);
    const back = decodePageIndex(encodePageIndex(index)!)!;
    expect([...back.entries()]).toEqual([
      ['/b/', ['k2', 'b/index.html']],
      ['/a/', ['k1', 'a/index.html', 'd1']],
    ]);
    expect(back.get('/a/')).toEqual(['k1', 'a/index.html', 'd1']);
    expect(back.get('/b/')?.[0]).toBe('k2');
    expect(back.get('/c/')).toBeUndefined();
    expect([...decodePageIndex(encodePageIndex(PageIndex.empty())!)!.entries()]).toEqual([]);
  });

  it('is not written when a field holds a newline, and the stamp then names none', () => {
    expect(encodePageIndex(PageIndex.from([['/a\n/', ['k1', 'a/index.html']]]))).toBeUndefined();
    writeStamp(dir, { ...good, pageIndex: PageIndex.from([['/', ['k1', 'index.html\nx']]]) });
    expect(readStamp(dir)).toEqual({ ...good, pageIndex: undefined });
  });

  it('of another shape, even with the digest the stamp records, is no page index (every page is rendered)', () => {
    const columns = (c: Record<string, unknown>) =>
      JSON.stringify({ format: 'warraq-page-index', version: 2, urls: '/', keys: 'k1', files: 'index.html', digests: '', ...c });
    for (const text of [
      // the format before this one: an object of URLs
      JSON.stringify({ '/': ['k1', 'index.html', 'd1'] }),
      columns({ version: 3 }),
      columns({ keys: 'k1\nk2' }),
      columns({ urls: '/\n/', keys: 'k1\nk2', files: 'a\nb', digests: '\n' }),
      columns({ files: '' }),
      columns({ digests: 7 }),
      '[]',
      'null',
    ]) {
      withIndexText(text);
      expect(readStamp(dir), text).toEqual({ ...good, pageIndex: undefined });
    }
    withIndexText(columns({}));
    expect([...readStamp(dir)!.pageIndex!.entries()]).toEqual([['/', ['k1', 'index.html']]]);
  });

  it('written by an older Warraq inside the stamp is not used', () => {
    const { pageIndex: _, ...rest } = good;
    writeFileSync(path.join(dir, 'last-build.json'), JSON.stringify({ ...rest, pageIndex: { '/': ['k1', 'index.html', 'd1'] } }));
    expect(readStamp(dir)).toEqual(rest);
  });
});
