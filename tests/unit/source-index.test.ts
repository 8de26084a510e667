/**
 * The source index answers "same bytes as last time?" from a file's stat alone; any sign of a
 * change, or a time too close to when the index was saved, means the file is read again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceIndex } from '../../src/store/source-index.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whole seconds, so that a modification time can be put back exactly. */
const wholeSecond = (ageMs: number) => new Date(Math.floor((Date.now() - ageMs) / 1000) * 1000);

function article(name: string, text: string, ageMs: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const t = wholeSecond(ageMs);
  utimesSync(file, t, t);
  return file;
}

describe('source index', () => {
  const cache = path.join(dir, 'cache');

  it('gives back the key of a file whose stat is unchanged, and nothing for a changed, new or racy file', async () => {
    const old = article('old.md', 'نص قديم', 60_000);
    const edited = article('edited.md', 'نص', 60_000);
    // Change times cannot be set: let these two grow older than the racy margin.
    await new Promise((r) => setTimeout(r, 2100));
    const fresh = article('fresh.md', 'نص جديد', 0);
    const first = new SourceIndex(cache, 'tag-1');
    for (const f of [old, edited, fresh]) expect(first.known(f, statSync(f))).toBeUndefined();
    for (const f of [old, edited, fresh]) first.record(f, statSync(f), `key-of-${path.basename(f)}`);
    first.save();

    // Same size, other bytes, modification time put back exactly: only the change time tells.
    const before = statSync(edited);
    writeFileSync(edited, 'صن');
    utimesSync(edited, before.atime, before.mtime);
    expect([statSync(edited).size, statSync(edited).mtimeMs]).toEqual([before.size, before.mtimeMs]);

    const second = new SourceIndex(cache, 'tag-1');
    expect(second.known(old, statSync(old))).toBe('key-of-old.md');
    expect(second.known(edited, statSync(edited))).toBeUndefined();
    // written just before the index was saved: a change in the same instant could hide
    expect(second.known(fresh, statSync(fresh))).toBeUndefined();
    expect(second.known(path.join(dir, 'unknown.md'), statSync(old))).toBeUndefined();
    // other code or options: no key is trusted
    expect(new SourceIndex(cache, 'tag-2').known(old, statSync(old))).toBeUndefined();
  });

  it('an index that was not saved, or no cache, knows nothing', () => {
    const f = article('lone.md', 'نص', 60_000);
    expect(new SourceIndex(path.join(dir, 'nowhere'), 'tag-1').known(f, statSync(f))).toBeUndefined();
    expect(new SourceIndex(undefined, 'tag-1').known(f, statSync(f))).toBeUndefined();
  });
});
