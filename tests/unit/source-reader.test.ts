/**
 * The build reads every changed article file into one reused buffer (content/load.ts SourceReader): each read must give exactly the
 * file's bytes, however large or small after a larger one, and the keys a scan makes from them must be those of the files' own bytes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceReader } from '../../src/content/load.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SourceReader', () => {
  it("gives each file's bytes exactly: an empty file, a small one, one larger than its buffer, then a small one again", () => {
    const files: Array<[string, Buffer]> = [
      ['empty.md', Buffer.alloc(0)],
      ['small.md', Buffer.from('---\ntitle: "خبر"\n---\nنص قصير.\n')],
      ['large.md', Buffer.from('سطر من خبر طويل عن الأسواق.\n'.repeat(20_000))], // ~900 KB: the buffer grows several times
      ['small-again.md', Buffer.from('نص.\n')],
    ];
    for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
    const reader = new SourceReader();
    for (const [name, bytes] of files) expect(reader.read(path.join(dir, name)).equals(bytes), name).toBe(true);
    // (a read after the large one still gives the small file's bytes only, not what the buffer held before)
    expect(reader.read(path.join(dir, 'small.md')).toString('utf8')).toBe(readFileSync(path.join(dir, 'small.md'), 'utf8'));
  });

  it('throws for a file that cannot be opened, as readFileSync does', () => {
    expect(() => new SourceReader().read(path.join(dir, 'missing.md'))).toThrow(/ENOENT/);
  });
});
