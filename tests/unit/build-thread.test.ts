/**
 * The command line's build runs on a thread of its own (output/build-thread.ts): it must give what build() gives in this thread,
 * relay its progress, and bring back a content failure as the same ContentError (file, line, field) with nothing written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { articleSource, fixtureProject } from '../helpers/fixture-site.ts';
import { buildInThread } from '../../src/output/build-thread.ts';
import { build } from '../../src/output/build.ts';
import { ContentError } from '../../src/content/errors.ts';

const project = fixtureProject();
afterAll(() => project.remove());
for (let i = 0; i < 3; i++)
  project.write(`content/2023/03/story-${i}.md`, articleSource(`خبر رقم ${i} عن الأسواق`, `فقرة أولى عن الشركات رقم ${i}.\n`));

describe('buildInThread', () => {
  it('writes the site build() writes, with the same summary, and relays progress', async () => {
    const progress: Array<[number, number]> = [];
    const inThread = await buildInThread({
      root: project.root,
      outDir: '_site-thread',
      progress: (done, total) => progress.push([done, total]),
    });
    const here = await build({ root: project.root, outDir: '_site-here', cache: false });
    const { ms: _a, pagesReused: _b, prepared: _c, cached: _d, outDir: dirA, searchChunks: _e, ...a } = inThread;
    const { ms: _f, pagesReused: _g, prepared: _h, cached: _i, outDir: dirB, searchChunks: _j, ...b } = here;
    expect(a).toEqual(b);
    expect(a.articles).toBe(3);
    expect(dirA).toBe(path.join(project.root, '_site-thread'));
    for (const page of ['index.html', '2023/03/خبر-رقم-1-عن-الأسواق/index.html'])
      expect(readFileSync(path.join(dirA, page), 'utf8')).toBe(readFileSync(path.join(dirB, page), 'utf8'));
    expect(progress.at(-1)).toEqual([3, 3]);
  }, 120_000);

  it('brings back content problems as a ContentError naming the file and line, and writes nothing', async () => {
    project.write('content/2023/03/broken.md', '---\ntitle: "بلا تاريخ"\nsection: اقتصاد\n---\nنص.\n');
    const failure = await buildInThread({ root: project.root, outDir: '_site-broken' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const problems = (failure as ContentError).problems;
    expect(problems.some((p) => p.file.endsWith('broken.md') && p.line !== undefined)).toBe(true);
    expect(existsSync(path.join(project.root, '_site-broken'))).toBe(false);
  }, 120_000);
});
