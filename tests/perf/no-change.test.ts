/**
 * A build that finds every article file as the source index has it decides "nothing changed" before preparing anything
 * (output/build.ts, docs/cache.md note 6). It must still see any other change of its inputs, and an output folder that is not
 * the one its stamp describes. Whether it prepared shows whether it stopped early: the prepared cache is emptied before each build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { diff, tree } from '../helpers/output-tree.ts';
import { build } from '../../src/output/build.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';

const quiet = { progress: undefined };
/** A file written less than 2 s before the source index was saved is not trusted (store/source-index.ts): wait that out. */
const outOfRacyWindow = () => new Promise((r) => setTimeout(r, 2100));

describe('a build that finds nothing changed', () => {
  let project: FixtureProject;
  const site = () => path.join(project.root, '_site');
  let good: Map<string, string>;
  let first: Awaited<ReturnType<typeof build>>;
  const reported = (s: typeof first) => [s.articles, s.drafts, s.pages, s.repairs, s.possibleSplits, s.warnings, s.outDir];

  /** Empties the prepared cache, builds, and says whether anything was prepared (false: stopped before preparing). */
  async function buildPrepared(): Promise<{ prepared: boolean; summary: Awaited<ReturnType<typeof build>> }> {
    rmSync(path.join(project.root, '.cache', 'prepared'), { recursive: true, force: true });
    rmSync(path.join(project.root, '.cache', 'prepared.pack'), { force: true });
    const summary = await build({ root: project.root, ...quiet });
    return { prepared: summary.prepared > 0, summary };
  }

  beforeAll(async () => {
    project = fixtureProject({ copyContent: true });
    for (const a of generateCorpus({ count: 12, seed: 5 })) project.write(a.file, a.text);
    await outOfRacyWindow();
    first = await build({ root: project.root, ...quiet });
    good = tree(site());
  }, 300_000);

  afterAll(() => project?.remove());

  it('stops before preparing, writes nothing and reports what the last build reported', async () => {
    const { prepared, summary } = await buildPrepared();
    expect(prepared).toBe(false);
    expect(diff(tree(site()), good)).toEqual([]);
    expect(reported(summary)).toEqual(reported(first));
    expect(summary.pagesReused).toBe(first.pages);
  }, 300_000);

  it('a page changed by hand, a file added or removed, or the output folder replaced or removed: built again', async () => {
    const page = path.join(site(), 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')} `);
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);

    writeFileSync(path.join(site(), 'stray.html'), 'stray');
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);

    unlinkSync(path.join(site(), '404.html'));
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);

    // A copy with the same names, bytes and times (an archive restored): new inodes.
    const copy = `${site()}-copy`;
    cpSync(site(), copy, { recursive: true, preserveTimestamps: true });
    rmSync(site(), { recursive: true });
    renameSync(copy, site());
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);

    rmSync(site(), { recursive: true });
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);
    expect((await buildPrepared()).prepared).toBe(false);
  }, 300_000);

  it('a changed template, public file, other file under content/, configuration or environment variable: built again', async () => {
    const changes: Array<[string, () => void, () => void]> = [];
    const edit = (file: string, add: string): [() => void, () => void] => {
      const full = path.join(project.root, file);
      const original = readFileSync(full);
      return [() => writeFileSync(full, Buffer.concat([original, Buffer.from(add)])), () => writeFileSync(full, original)];
    };
    changes.push(['template', ...edit('templates/404.njk', '\n<p>4242</p>\n')]);
    changes.push(['public file', ...edit('public/favicon.svg', '\n')]);
    const note = path.join(project.root, 'content', 'media', 'credits.txt');
    changes.push(['file beside the articles', () => writeFileSync(note, 'صور: وكالة'), () => rmSync(note)]);
    const config = path.join(project.root, 'warraq.config.json');
    changes.push([
      'configuration',
      () => writeFileSync(config, JSON.stringify({ site: { title: 'ورّاق الاختبار' } })),
      () => rmSync(config),
    ]);
    changes.push(['environment', () => (process.env.WARRAQ_TEST_VARIANT = '1'), () => delete process.env.WARRAQ_TEST_VARIANT]);
    for (const [what, change, undo] of changes) {
      change();
      expect((await buildPrepared()).prepared, what).toBe(true);
      undo();
      expect((await buildPrepared()).prepared, `${what} undone`).toBe(true);
      expect(diff(tree(site()), good), `${what} undone`).toEqual([]);
      expect((await buildPrepared()).prepared, `${what} undone, again`).toBe(false);
    }
  }, 600_000);

  it('an article added, removed or renamed: built again, even with times that look old', async () => {
    const [extra] = [...generateCorpus({ count: 1, seed: 77 })];
    const added = path.join(project.root, 'content', 'zz-added.md');
    writeFileSync(added, extra!.text.replace(/slug: .*/, 'slug: zz-added'));
    await outOfRacyWindow();
    expect((await buildPrepared()).prepared).toBe(true);
    expect((await buildPrepared()).prepared).toBe(false);
    const renamed = path.join(project.root, 'content', 'zz-renamed.md');
    renameSync(added, renamed); // a rename keeps the stat of the file
    expect((await buildPrepared()).prepared).toBe(true);
    unlinkSync(renamed);
    expect((await buildPrepared()).prepared).toBe(true);
    expect(diff(tree(site()), good)).toEqual([]);
  }, 300_000);
});
