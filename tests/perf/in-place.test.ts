/**
 * In-place output (output/in-place.ts): a warm build whose last output is as its stamp says updates that folder instead of
 * replacing it, and the result is byte for byte a cold build's; a failed build leaves it as it was, and a commit cut short after
 * its journal was written is finished by the next build, to the bytes an uninterrupted one writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { diff, tree } from '../helpers/output-tree.ts';
import { build } from '../../src/output/build.ts';
import { journalFile } from '../../src/output/in-place.ts';
import { outputManifest, readStamp } from '../../src/store/stamp.ts';
import { ContentError } from '../../src/content/errors.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';

const quiet = { progress: undefined };
const corpus = () => [...generateCorpus({ count: 20, seed: 11 })];

describe('in-place output', () => {
  let project: FixtureProject;
  let coldDir: string;
  const site = () => path.join(project.root, '_site');
  const folderId = () => statSync(site()).ino;
  const staging = () => readdirSync(project.root).filter((n) => n.startsWith('_site.tmp-'));

  /** The output equals a cold build of the same content, and the stamp's manifest is what a stat of every file says. */
  async function expectEqualsCold(): Promise<Map<string, string>> {
    expect(readStamp(path.join(project.root, '.cache'))!.manifest).toEqual(outputManifest(site()));
    rmSync(coldDir, { recursive: true, force: true });
    await build({ root: project.root, outDir: coldDir, cache: false, ...quiet });
    const w = tree(site());
    expect(diff(w, tree(coldDir))).toEqual([]);
    expect(existsSync(journalFile(site()))).toBe(false);
    expect(staging()).toEqual([]);
    return w;
  }

  const edit = (n: number, marker: string) => {
    const file = path.join(project.root, corpus()[n]!.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nأضاف المحرر هذه الفقرة في التحديث رقم ${marker} بعد نشر الخبر.\n`);
  };

  beforeAll(async () => {
    project = fixtureProject();
    for (const a of corpus()) project.write(a.file, a.text);
    coldDir = path.join(os.tmpdir(), `${path.basename(project.root)}-cold`);
    await build({ root: project.root, ...quiet });
  }, 300_000);

  afterAll(() => {
    project?.remove();
    if (coldDir) rmSync(coldDir, { recursive: true, force: true });
  });

  it('an edit is written into the same output folder, rendering only what changed, with the bytes of a cold build', async () => {
    const id = folderId();
    const before = tree(site());
    edit(3, '70001');
    const warm = await build({ root: project.root, ...quiet });
    expect(folderId()).toBe(id);
    expect(warm.pagesReused).toBeGreaterThan(warm.articles);
    const after = await expectEqualsCold();
    expect(diff(after, before).length).toBeGreaterThan(0);
    expect([...after.values()].length).toBe(before.size);
  }, 600_000);

  it("a deleted article's page and folder disappear; the output is a cold build's", async () => {
    const id = folderId();
    const victim = corpus()[7]!;
    const page = [...tree(site()).keys()].find((f) => f.includes(victim.slug))!;
    expect(page).toBeDefined();
    rmSync(path.join(project.root, victim.file));
    await build({ root: project.root, ...quiet });
    expect(folderId()).toBe(id);
    const after = await expectEqualsCold();
    expect([...after.keys()].some((f) => f.includes(victim.slug))).toBe(false);
    expect(existsSync(path.join(site(), path.dirname(page)))).toBe(false);
  }, 600_000);

  // (a template that fails to render, in the same process, leaves Eleventy's passthrough copy rejecting after the build has failed:
  // tests/cli/atomic.test.ts (b) and (c) run that failure and a kill in a process of their own, against an output updated in place)
  it('a build that fails (a bad article) leaves the output byte for byte as it was, and the next one updates it in place', async () => {
    const before = tree(site());
    const id = folderId();
    edit(4, '70002');
    project.write('content/2023/01/broken.md', '---\ntitle: "بلا تاريخ"\n---\nنص.\n');
    await expect(build({ root: project.root, ...quiet })).rejects.toBeInstanceOf(ContentError);
    expect(diff(tree(site()), before)).toEqual([]);
    expect(folderId()).toBe(id);
    expect(existsSync(journalFile(site()))).toBe(false);
    rmSync(path.join(project.root, 'content/2023/01/broken.md'));
    await build({ root: project.root, ...quiet });
    expect(folderId()).toBe(id);
    await expectEqualsCold();
  }, 600_000);

  for (const [step, at, edited, deleted] of [
    ['delete', 1, 9, 13],
    ['move', 1, 10, 14],
    ['move', 5, 11, 15],
    ['cache', 1, 12, 16],
  ] as const) {
    it(`a commit cut short (after ${step} ${at}) is finished by the next build, to the bytes of an uninterrupted one`, async () => {
      const id = folderId();
      // An edit and a deletion: the commit has files to delete and files to move in.
      edit(edited, `720${edited}`);
      rmSync(path.join(project.root, corpus()[deleted]!.file));
      let stopped = false;
      const failing = build({
        root: project.root,
        ...quiet,
        onCommitStep: (s, done) => {
          if (s === step && done === at) {
            stopped = true;
            throw new Error(`killed after ${s} ${done}`);
          }
        },
      });
      await expect(failing).rejects.toThrow(/killed after/);
      expect(stopped).toBe(true);
      expect(existsSync(journalFile(site()))).toBe(true);
      // The next build, with nothing changed since, finishes the commit and then has nothing to write.
      const next = await build({ root: project.root, ...quiet });
      expect(next.prepared).toBe(0);
      expect(next.searchChunks).toEqual({ indexed: 0, reused: 0 });
      expect(folderId()).toBe(id);
      await expectEqualsCold();
      // …with the page index the next edit reuses pages by.
      expect(readStamp(path.join(project.root, '.cache'))!.pageIndex).toBeDefined();
    }, 600_000);
  }
});
