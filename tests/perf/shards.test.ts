/**
 * Sharded builds are invisible: 1,000 synthetic articles built by one machine, and as N = 1, 3 and 4 shards assembled, give the same
 * bytes, file by file; so does a warm sharded build after an edit, against a cold build of the edited site. Assembling refuses shard
 * folders that are not shards 1…N of the same inputs, and leaves the previous site in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { diff, tree } from '../helpers/output-tree.ts';
import { build } from '../../src/output/build.ts';
import { assemble, SHARD_FILE } from '../../src/output/shard.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';

const quiet = { progress: undefined };
/** The first differences between an assembled (or edited) site and the one it must equal. */
const sharedDiff = (a: Map<string, string>, b: Map<string, string>) => diff(a, b, ['first', 'second']).slice(0, 20);

describe('sharded builds', () => {
  let project: FixtureProject;
  const out = (name: string) => path.join(project.root, 'out', name);

  async function sharded(n: number, name: string, cache: boolean): Promise<Map<string, string>> {
    const dirs: string[] = [];
    for (let k = 1; k <= n; k++) {
      const dir = out(`${name}-shard-${k}`);
      await build({ root: project.root, outDir: dir, shard: { k, n }, cache, ...quiet });
      dirs.push(dir);
    }
    await assemble(dirs, out(name));
    return tree(out(name));
  }

  beforeAll(() => {
    project = fixtureProject();
    for (const a of generateCorpus({ count: 1000, seed: 11 })) project.write(a.file, a.text);
  });

  afterAll(() => project?.remove());

  let single: Map<string, string>;

  it('N = 1, 3 and 4 shards assembled are byte-identical to one build', async () => {
    await build({ root: project.root, outDir: out('single'), cache: false, ...quiet });
    single = tree(out('single'));
    expect(single.size).toBeGreaterThan(1000);
    expect([...single.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(sharedDiff(await sharded(1, 'n1', false), single)).toEqual([]);
    // (with the cache: the first shards fill it, N = 4 takes what N = 3 prepared)
    expect(sharedDiff(await sharded(3, 'n3', true), single)).toEqual([]);
    expect(sharedDiff(await sharded(4, 'n4', true), single)).toEqual([]);
    // Every shard but the first holds only its own pages and search chunks, none twice.
    const shardFiles = [2, 3, 4].map((k) => tree(out(`n4-shard-${k}`)));
    for (const files of shardFiles) expect(files.has('feed.xml')).toBe(false);
    const counts = shardFiles.map((files) => [...files.keys()].filter((f) => f.endsWith('/index.html')).length);
    for (const c of counts) expect(c).toBeGreaterThan(150);
  }, 900_000);

  it('a warm sharded build after an edit equals a cold build of the edited site', async () => {
    const [victim] = [...generateCorpus({ count: 1000, seed: 11 })].slice(500, 501);
    const file = path.join(project.root, victim!.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nوأكّد المتحدث أن الاجتماع المقبل سيُعقد في أيّار، وقال "لن نتراجع".\n`);
    await build({ root: project.root, outDir: out('single-edited'), cache: false, ...quiet });
    const edited = tree(out('single-edited'));
    expect(sharedDiff(edited, single).length).toBeGreaterThan(0);
    expect(sharedDiff(await sharded(3, 'n3', true), edited)).toEqual([]);
  }, 900_000);

  it('assemble refuses a missing shard, a shard given twice, and shards of other inputs, and keeps the last site', async () => {
    const before = tree(out('n3'));
    await expect(assemble([out('n3-shard-1'), out('n3-shard-2')], out('n3'))).rejects.toThrow(/shard 3 of 3 missing/);
    await expect(assemble([out('n3-shard-1'), out('n3-shard-1'), out('n3-shard-2')], out('n3'))).rejects.toThrow(/both shard 1\/3/);
    await expect(assemble([out('n4-shard-1'), out('n3-shard-2'), out('n3-shard-3')], out('n3'))).rejects.toThrow(/other inputs/);
    await expect(assemble([path.join(project.root, 'content'), out('n3-shard-2')], out('n3'))).rejects.toThrow(
      new RegExp(`no ${SHARD_FILE}`),
    );
    expect(sharedDiff(tree(out('n3')), before)).toEqual([]);
    expect(existsSync(path.join(out('n3'), SHARD_FILE))).toBe(false);
    rmSync(out('n4'), { recursive: true, force: true });
  });
});
