/**
 * output/in-place.ts on a small folder: a commit moves the staged files in, deletes what the plan says and moves the stamp files
 * after; a failed write leaves the output as it was; a commit cut short is finished by finishInterruptedCommit to the same files;
 * a journal that names files outside its output, or another folder as its stage or cache, is abandoned, and nothing done.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finishInterruptedCommit, journalFile, updateInPlace, type CommitPlan } from '../../src/output/in-place.ts';
import { tree } from '../helpers/output-tree.ts';

describe('in-place commit', () => {
  let root: string;
  let out: string;
  let cache: string;
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const contents = (dir: string) => new Map([...tree(dir).keys()].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'warraq-in-place-'));
    out = path.join(root, '_site');
    cache = path.join(root, '.cache');
    put(path.join(out, 'index.html'), 'old home');
    put(path.join(out, 'kept/index.html'), 'kept page');
    put(path.join(out, '2022/gone/index.html'), 'deleted article');
    put(path.join(cache, 'last-build.json'), 'old stamp');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Stages a new home page and a new article, deletes the old article, and writes a new stamp to move in after. */
  const write = async (stage: string) => {
    put(path.join(stage, 'index.html'), 'new home');
    put(path.join(stage, '2023/new/index.html'), 'new article');
  };
  const plan = (staged: [string, ...unknown[]][]): CommitPlan => {
    expect(staged.map((e) => e[0]).sort()).toEqual(['2023/new/index.html', 'index.html']);
    put(path.join(cache, 'staged/last-build.json'), 'new stamp');
    return { deletions: ['2022/gone/index.html'], cacheFiles: { from: path.join(cache, 'staged'), to: cache, names: ['last-build.json'] } };
  };
  const expected = new Map([
    ['2023/new/index.html', 'new article'],
    ['index.html', 'new home'],
    ['kept/index.html', 'kept page'],
  ]);
  const clean = () => {
    expect(existsSync(journalFile(out))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['.cache', '_site']);
    expect(existsSync(path.join(out, '2022'))).toBe(false);
    expect(readFileSync(path.join(cache, 'last-build.json'), 'utf8')).toBe('new stamp');
    expect(existsSync(path.join(cache, 'staged'))).toBe(false);
  };

  it('moves the staged files in, deletes the files and folders the plan drops, then moves the stamp in', async () => {
    await updateInPlace(out, write, plan);
    expect(contents(out)).toEqual(expected);
    clean();
  });

  it('a failed write leaves the output and the stamp as they were, and no staging folder', async () => {
    const before = contents(out);
    await expect(
      updateInPlace(
        out,
        async (stage) => {
          await write(stage);
          throw new Error('render failed');
        },
        plan,
      ),
    ).rejects.toThrow('render failed');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['.cache', '_site']);
    expect(readFileSync(path.join(cache, 'last-build.json'), 'utf8')).toBe('old stamp');
  });

  for (const [step, at] of [
    ['delete', 1],
    ['move', 1],
    ['move', 2],
    ['cache', 1],
  ] as const) {
    it(`a commit stopped after ${step} ${at} is finished by the next build to the same files`, async () => {
      const stop = (s: string, done: number) => {
        if (s === step && done === at) throw new Error('killed');
      };
      await expect(updateInPlace(out, write, plan, { onCommitStep: stop })).rejects.toThrow('killed');
      expect(existsSync(journalFile(out))).toBe(true);
      // (until then, no stamp says what the output is)
      if (step !== 'cache') expect(existsSync(path.join(cache, 'last-build.json'))).toBe(false);
      expect(await finishInterruptedCommit(out, cache)).toBe('finished');
      expect(contents(out)).toEqual(expected);
      clean();
      expect(await finishInterruptedCommit(out, cache)).toBe('none');
    });
  }

  it('a journal that reaches outside its output, or names another folder as its stage or cache, is abandoned and nothing done', async () => {
    const outside = path.join(root, 'precious.txt');
    put(outside, 'not the output');
    const stage = `${out}.tmp-1-2`;
    put(path.join(stage, 'index.html'), 'staged');
    const journal = (over: object) =>
      JSON.stringify({
        format: 'warraq-commit-1',
        stage,
        deletions: [],
        moves: ['index.html'],
        cacheFiles: { from: path.join(cache, 'staged'), to: cache, names: ['last-build.json'] },
        ...over,
      });
    for (const bad of [
      { deletions: ['../precious.txt'] },
      { stage: path.join(root, 'elsewhere') },
      { moves: ['/etc/passwd'] },
      // (a stamp "moved" over a file outside the cache)
      { cacheFiles: { from: path.join(root, 'staged'), to: root, names: ['precious.txt'] } },
    ]) {
      writeFileSync(journalFile(out), journal(bad));
      expect(await finishInterruptedCommit(out, cache)).toBe('abandoned');
      expect(existsSync(journalFile(out))).toBe(false);
      expect(readFileSync(path.join(cache, 'last-build.json'), 'utf8')).toBe('old stamp');
      expect(readFileSync(outside, 'utf8')).toBe('not the output');
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old home');
    }
  });
});
