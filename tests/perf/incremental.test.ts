/**
 * Incremental builds must be invisible: a warm build (prepared articles from `.cache/`, word
 * evidence and lexicon answers carried over) writes exactly the bytes a cold build writes. Each
 * change — edit, add, delete, rename — is followed by a warm build in the fixture project and a
 * cold build of the same content without any cache, and the two output trees are compared by
 * hash, file by file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureProject, type FixtureProject } from '../helpers/fixture-site.ts';
import { diff, tree } from '../helpers/output-tree.ts';
import { build } from '../../src/output/build.ts';
import { outputManifest, readStamp } from '../../src/store/stamp.ts';
import { ContentError } from '../../src/content/errors.ts';
import { generateCorpus } from '../../scripts/corpus/generate.ts';

const quiet = { progress: undefined };

describe('incremental builds', () => {
  let project: FixtureProject;
  let coldDir: string;
  const site = () => path.join(project.root, '_site');

  /** Warm build in place, cold build (no cache, fresh folder) of the same content: same bytes. */
  let warm: Awaited<ReturnType<typeof build>>;
  async function expectWarmEqualsCold(): Promise<Map<string, string>> {
    warm = await build({ root: project.root, ...quiet });
    // What the build recorded of its output without a stat (linked pages, kept search indexes) is
    // what a stat of every file says: the next build finds the output as it was left.
    expect(readStamp(path.join(project.root, '.cache'))!.manifest).toEqual(outputManifest(site()));
    rmSync(coldDir, { recursive: true, force: true });
    await build({ root: project.root, outDir: coldDir, cache: false, ...quiet });
    const w = tree(site());
    const c = tree(coldDir);
    expect(diff(w, c)).toEqual([]);
    expect(warm.articles).toBeGreaterThan(0);
    return w;
  }

  beforeAll(async () => {
    project = fixtureProject({ copyContent: true });
    // Synthetic articles beside the demo ones: more words shared between articles, so the
    // split-word evidence (the one input articles share) is exercised.
    for (const a of generateCorpus({ count: 30, seed: 7 })) project.write(a.file, a.text);
    coldDir = path.join(os.tmpdir(), `${path.basename(project.root)}-cold`);
  }, 300_000);

  afterAll(() => {
    project?.remove();
    if (coldDir) rmSync(coldDir, { recursive: true, force: true });
  });

  it('a cold build with worker threads equals one without; a warm build with no change is byte-identical', async () => {
    // Written in runs of 7 paginated pages: the same bytes as in one run.
    await build({ root: project.root, workers: 2, pagesPerRun: 7, ...quiet });
    const first = tree(site());
    expect(existsSync(path.join(project.root, '.cache', 'prepared'))).toBe(true);
    const second = await expectWarmEqualsCold();
    expect(diff(second, first)).toEqual([]);
  }, 600_000);

  it('an output file changed by hand, or a changed template, is rebuilt though no article changed', async () => {
    const index = path.join(site(), 'index.html');
    writeFileSync(index, 'tampered');
    await expectWarmEqualsCold();
    expect(readFileSync(index, 'utf8')).not.toBe('tampered');
    const template = path.join(project.root, 'templates', '404.njk');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n<p>صفحة معدلة 4242</p>\n`);
    await expectWarmEqualsCold();
    expect(readFileSync(path.join(site(), '404.html'), 'utf8')).toContain('4242');
  }, 600_000);

  it('an article page changed by hand is rendered again; the other article pages are reused', async () => {
    const page = path.join(site(), '2022/11/قمة-المناخ-في-شرم-الشيخ-تدخل-أسبوعها-الحاسم/index.html');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('</main>', '<p>tampered</p></main>'));
    await expectWarmEqualsCold();
    expect(readFileSync(page, 'utf8')).toBe(original);
    expect(warm.pagesReused).toBeGreaterThan(30);
  }, 600_000);

  it('a change to the article template renders every article page again', async () => {
    const template = path.join(project.root, 'templates', '_includes', 'pages', 'article.njk');
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, original.replace('<div class="body">', '<div class="body" data-edition="7">'));
    await expectWarmEqualsCold();
    expect(warm.pagesReused).toBe(0);
    expect(readFileSync(path.join(site(), '2022/11/قمة-المناخ-في-شرم-الشيخ-تدخل-أسبوعها-الحاسم/index.html'), 'utf8')).toContain(
      'data-edition="7"',
    );
    writeFileSync(template, original);
    await expectWarmEqualsCold();
  }, 600_000);

  it('editing an article gives the output of a cold build', async () => {
    const file = path.join(project.root, 'content/2022/11/cop27-loss-and-damage.md');
    const before = tree(site());
    // A new paragraph whose words other articles split: their evidence changes too.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nوأكّد المفاوضون أنّ الخسائر تكبدت الدول الفقيرة معظمها، وقال أحدهم "لن نتراجع".\n`);
    const after = await expectWarmEqualsCold();
    const changed = diff(after, before);
    expect(changed.length).toBeGreaterThan(0);
    // Pages the edit does not reach were linked from the last output, not rendered.
    expect(warm.pagesReused).toBeGreaterThan(0);
    expect(warm.pagesReused).toBeLessThan(warm.pages - changed.length + 1);
  }, 600_000);

  it('adding an article gives the output of a cold build', async () => {
    const [extra] = [...generateCorpus({ count: 1, seed: 99 })];
    project.write(extra!.file.replace('story-000001', 'added-story'), extra!.text.replace('slug: story-000001', 'slug: added-story'));
    const after = await expectWarmEqualsCold();
    expect([...after.keys()].some((f) => f.includes('added-story'))).toBe(true);
  }, 600_000);

  it('deleting an article gives the output of a cold build', async () => {
    const victim = [...generateCorpus({ count: 30, seed: 7 })][12]!;
    rmSync(path.join(project.root, victim.file));
    const after = await expectWarmEqualsCold();
    expect([...after.keys()].some((f) => f.includes(victim.slug))).toBe(false);
  }, 600_000);

  it('renaming an article file gives the output of a cold build', async () => {
    const victim = [...generateCorpus({ count: 30, seed: 7 })][20]!;
    const from = path.join(project.root, victim.file);
    renameSync(from, from.replace(/\.md$/, '-renamed.md'));
    await expectWarmEqualsCold();
    // …and renaming it back restores the earlier output, from the cache.
    renameSync(from.replace(/\.md$/, '-renamed.md'), from);
    await expectWarmEqualsCold();
  }, 600_000);

  it('a damaged stamp (JSON of another shape) is no stamp: the next build renders every page, with the output of a cold build', async () => {
    const file = path.join(project.root, '.cache', 'last-build.json');
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // The same fingerprint and output folder, but the manifest and page index cut short and mangled.
    writeFileSync(file, JSON.stringify({ ...stamp, manifest: 'index.html', pageIndex: { '/': 5 } }));
    await expectWarmEqualsCold();
    expect(warm.pagesReused).toBe(0);
    expect(warm.pages).toBeGreaterThan(warm.articles);
    // …and the stamp it wrote is whole again: the build after it reuses the pages.
    await expectWarmEqualsCold();
    expect(warm.pagesReused).toBeGreaterThan(warm.articles);
  }, 600_000);

  it('a failed warm build leaves the last good site exactly as it was', async () => {
    const before = tree(site());
    const bad = path.join(project.root, 'content/2023/01/broken.md');
    writeFileSync(bad, '---\ntitle: "بلا تاريخ"\n---\nنص.\n');
    await expect(build({ root: project.root, ...quiet })).rejects.toBeInstanceOf(ContentError);
    expect(diff(tree(site()), before)).toEqual([]);
    rmSync(bad);
    await expectWarmEqualsCold();
  }, 600_000);

  it("a fresh checkout with the last build's .cache and _site restored (the publishing workflow) prepares, indexes and renders only what changed, and writes what a cold build writes", async () => {
    // The workflow's runner checks out at the same path every time: the last build ran there.
    const checkout = mkdtempSync(path.join(os.tmpdir(), 'warraq-checkout-'));
    const archive = `${checkout}-archive`;
    const cold = `${checkout}-cold`;
    const clone = () => {
      for (const d of ['content', 'templates', 'public']) cpSync(path.join(project.root, d), path.join(checkout, d), { recursive: true });
    };
    try {
      clone();
      await build({ root: checkout, ...quiet });
      // actions/cache keeps the folders in a tar; the next run starts from a new clone (every
      // source file with new times and inodes) and restores them (times kept, inodes new).
      for (const d of ['.cache', '_site'])
        cpSync(path.join(checkout, d), path.join(archive, d), { recursive: true, preserveTimestamps: true });
      rmSync(checkout, { recursive: true });
      clone();
      for (const d of ['.cache', '_site'])
        cpSync(path.join(archive, d), path.join(checkout, d), { recursive: true, preserveTimestamps: true });
      // The push being published edited one article.
      const file = path.join(checkout, 'content/2022/11/cop27-loss-and-damage.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nأضاف المحرر هذه الفقرة في التحديث رقم 70001 بعد نشر الخبر.\n`);
      const published = await build({ root: checkout, ...quiet });
      expect(published.prepared).toBeGreaterThanOrEqual(1);
      expect(published.prepared).toBeLessThan(published.articles / 2);
      expect(published.cached + published.prepared).toBe(published.articles + published.drafts);
      expect(published.searchChunks).toEqual({ indexed: 1, reused: expect.any(Number) });
      expect(published.searchChunks.reused).toBeGreaterThan(0);
      expect(published.pagesReused).toBeGreaterThan(published.articles);
      expect(readFileSync(path.join(checkout, '_site/2022/11/قمة-المناخ-في-شرم-الشيخ-تدخل-أسبوعها-الحاسم/index.html'), 'utf8')).toContain(
        '70001',
      );
      expect(readStamp(path.join(checkout, '.cache'))!.manifest).toEqual(outputManifest(path.join(checkout, '_site')));
      await build({ root: checkout, outDir: cold, cache: false, ...quiet });
      expect(diff(tree(path.join(checkout, '_site')), tree(cold))).toEqual([]);
    } finally {
      for (const d of [checkout, archive, cold]) rmSync(d, { recursive: true, force: true });
    }
  }, 600_000);
});
