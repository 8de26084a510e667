/**
 * Lead pictures kept between builds (src/site/images.ts): in a folder of `.cache/img/` named by the eleventy-img and sharp versions,
 * pruned after a build once unused files outnumber the used ones, made again when a kept file is gone (even in the process that pruned
 * it), and left alone when the cache is off. None of this changes a byte of the output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleSource, fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { tree } from '../helpers/output-tree.ts';
import { build } from '../../src/output/build.ts';

const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

function article(slug: string, picture: string | undefined): string {
  const image = picture ? `image:\n  src: media/${picture}\n  alt: "صورة الخبر"\n` : '';
  return articleSource(`خبر عن ${slug}`, 'نص الخبر عن الشركات والأسواق في المنطقة.', `slug: ${slug}\n${image}`);
}

/** File name → SHA-256 of its bytes, for every file of a (flat) folder; none when it does not exist. */
const files = (dir: string): Map<string, string> => (existsSync(dir) ? tree(dir) : new Map());

describe('kept lead pictures', () => {
  let project: FixtureProject;
  const img = () => path.join(project.root, '.cache', 'img');
  const kept = () => path.join(img(), `eleventy-img-${version('@11ty/eleventy-img')}-sharp-${version('sharp')}`);
  const site = () => path.join(project.root, '_site');
  let first: Map<string, string>;

  beforeAll(() => {
    project = fixtureProject();
    mkdirSync(path.join(project.root, 'content', 'media'), { recursive: true });
    for (const p of ['runway-dawn.png', 'stadium-lights.png'])
      copyFileSync(path.join(REPO, 'content', 'media', p), path.join(project.root, 'content', 'media', p));
    project.write('content/2023/03/one.md', article('one', 'runway-dawn.png'));
    project.write('content/2023/03/two.md', article('two', 'stadium-lights.png'));
  });
  afterAll(() => project?.remove());

  it('are kept in a folder named by the eleventy-img and sharp versions, beside which nothing is left', async () => {
    // What an older layout or another version left.
    mkdirSync(path.join(img(), 'eleventy-img-6.0.0-sharp-0.33.0'), { recursive: true });
    writeFileSync(path.join(img(), 'eleventy-img-6.0.0-sharp-0.33.0', 'AAAAAAAAAA-480.jpeg'), 'old');
    writeFileSync(path.join(img(), 'BBBBBBBBBB-480.jpeg'), 'old');
    await build({ root: project.root });
    first = files(path.join(site(), 'img'));
    expect(first.size).toBe(2 * 3 * 3); // two pictures, three widths, three formats
    expect(readdirSync(img())).toEqual([path.basename(kept())]);
    expect(files(kept())).toEqual(first);
  }, 300_000);

  it('unused files are pruned once they outnumber the used ones and the hundred kept', async () => {
    const stray = (n: number) => Array.from({ length: n }, (_, i) => `stray${String(i).padStart(5, '0')}-480.jpeg`);
    for (const f of stray(5)) writeFileSync(path.join(kept(), f), 'unused');
    project.write('content/2023/03/two.md', article('two', undefined)); // its picture is no longer used
    await build({ root: project.root });
    expect([...files(path.join(site(), 'img')).keys()].length).toBe(9);
    expect(files(kept()).size).toBe(first.size + 5); // 14 unused, fewer than 100: kept
    for (const f of stray(101)) writeFileSync(path.join(kept(), f), 'unused');
    // (A build that finds nothing changed writes nothing, and prunes nothing.)
    project.write('content/2023/03/one.md', article('one', 'runway-dawn.png').replace('في المنطقة', 'في المنطقة العربية'));
    await build({ root: project.root });
    expect(files(kept())).toEqual(files(path.join(site(), 'img')));
    expect(files(kept()).size).toBe(9);
    project.write('content/2023/03/two.md', article('two', 'stadium-lights.png'));
  }, 300_000);

  it('a kept file that is gone is made again, even by the process whose build removed it', async () => {
    // The picture of "two" was pruned by this process's last build; the one of "one" is removed by hand.
    for (const f of readdirSync(kept())) rmSync(path.join(kept(), f));
    await build({ root: project.root });
    expect(files(path.join(site(), 'img'))).toEqual(first);
    expect(files(kept())).toEqual(first);
  }, 300_000);

  it('with the cache off, .cache/img/ is neither read nor written, and the pictures are the same', async () => {
    rmSync(img(), { recursive: true });
    const out = path.join(project.root, '_site-no-cache');
    const saved = process.env.WARRAQ_NO_CACHE;
    process.env.WARRAQ_NO_CACHE = '1';
    try {
      await build({ root: project.root, outDir: out });
    } finally {
      if (saved === undefined) delete process.env.WARRAQ_NO_CACHE;
      else process.env.WARRAQ_NO_CACHE = saved;
    }
    expect(existsSync(img())).toBe(false);
    expect(files(path.join(out, 'img'))).toEqual(first);
  }, 300_000);
});
