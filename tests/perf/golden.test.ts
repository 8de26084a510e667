/**
 * Nothing lost: the output is byte-identical (sha256 of every file) to the manifests of tests/fixtures/golden/, recorded by
 * `npm run golden` from cold builds, for the fixture site and a 1,000-article corpus: cold with the cache off, then in one folder a
 * first build with the cache, a warm one with no change, and a warm one after each of edit, add, delete, rename.
 * ICU: dates and numbers come from Intl (src/site/dates.ts) and Node's ICU data, so a manifest records Node's ICU/Unicode/CLDR
 * versions and every date, month and number string the site can show as that ICU wrote it. Same ICU: exact comparison. Another
 * ICU: a file whose only differences are strings that ICU writes otherwise is reported with them and accepted; any other
 * difference fails, so every other byte is still checked (all of them where that ICU writes the same strings). Other ICU effects
 * (normalisation, \p{L}, collation) are not excused: `npm run golden` on that Node shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CORPUS_SITE,
  FIXTURE_SITE,
  coldBuild,
  compareOutput,
  currentEnvironment,
  expectedOutput,
  firstLines,
  inputsDigest,
  intlDifferences,
  manifestFile,
  outputOf,
  readManifest,
  unsetOutputVariables,
  type GoldenSite,
  type Manifest,
} from '../helpers/golden.ts';
import { sha256 } from '../helpers/output-tree.ts';
import type { FixtureProject } from '../helpers/fixture-site.ts';
import { build } from '../../src/output/build.ts';

const env = currentEnvironment();
unsetOutputVariables();

function manifestOf(site: GoldenSite): Manifest {
  const manifest = readManifest(site);
  if (!manifest) throw new Error(`${manifestFile(site)} is missing: record it with \`npm run golden\``);
  return manifest;
}

/** The running ICU's strings that differ from the recorded ones (none when the ICU is the recorded one). */
function icuPairs(manifest: Manifest): Map<string, string> {
  const r = manifest.recordedWith;
  if (r.icu === env.icu && r.unicode === env.unicode && r.cldr === env.cldr) return new Map();
  const { pairs, ambiguous } = intlDifferences(manifest.intl);
  console.warn(
    `golden: recorded with ICU ${r.icu} (Unicode ${r.unicode}, CLDR ${r.cldr}, Node ${r.node}); running ICU ${env.icu} (Unicode ${env.unicode}, ` +
      `CLDR ${env.cldr}, Node ${env.node}): ${pairs.size} date or number strings differ${ambiguous.size ? `, ${ambiguous.size} ambiguously (not excused)` : ''}`,
  );
  return pairs;
}

/** Compares the output in dir with the manifest's state after `steps` changes; fails with the list of differing files. */
function expectGolden(manifest: Manifest, site: GoldenSite, root: string, dir: string, steps: number, what: string): void {
  const pairs = icuPairs(manifest);
  const verdict = compareOutput(dir, expectedOutput(manifest, steps), pairs);
  if (verdict.icuOnly.length) {
    const shown = [...pairs].slice(0, 5).map(([now, was]) => `${JSON.stringify(now)} (recorded ${JSON.stringify(was)})`);
    console.warn(
      `golden: ${what}: ${verdict.icuOnly.length} files differ only in ICU-formatted dates or numbers, e.g. ${shown.join(', ')}`,
    );
  }
  const recordedInputs = steps === 0 ? manifest.cold.inputs : manifest.steps[steps - 1]!.inputs;
  const recorded = manifest.recordedWith;
  const notes = [
    `${what}: the output differs from ${path.relative(process.cwd(), manifestFile(site))}.`,
    inputsDigest(root) === recordedInputs
      ? 'The inputs are the recorded ones, so the code writes other bytes than when the manifest was recorded.'
      : 'The inputs (content, templates, public, config or the corpus generator) are not the recorded ones.',
    pairs.size ? `The running ICU (${env.icu}) is not the recorded one (${recorded.icu}).` : '',
    recorded.platform !== env.platform
      ? `Recorded on ${recorded.platform}, running on ${env.platform}: pictures (sharp) and search indexes (Pagefind) come from platform binaries.`
      : '',
    'If the change is intended, run `npm run golden` (it lists what changed) and commit the manifests.',
  ].filter(Boolean);
  expect(firstLines(verdict.problems), notes.join('\n')).toEqual([]);
}

const quiet = { progress: undefined };

describe('golden output: the fixture site', () => {
  let project: FixtureProject;
  let outDir: string;
  afterAll(() => {
    project?.remove();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('built cold (cache off), it is byte-identical to the recorded output', async () => {
    const manifest = manifestOf(FIXTURE_SITE);
    project = FIXTURE_SITE.make();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'warraq-golden-fixture-'));
    const output = await coldBuild(project.root, outDir);
    expect(Object.keys(output).length).toBe(manifest.cold.files);
    expectGolden(manifest, FIXTURE_SITE, project.root, outDir, 0, 'fixture site, cold');
  }, 300_000);

  it('a file that differs only where another ICU formats a date is told apart from any other difference', () => {
    // As if the manifest had been recorded by an ICU that wrote an article's date otherwise: that page is excused, and a
    // page changed in any other way is not.
    const manifest = manifestOf(FIXTURE_SITE);
    const [key, now] = Object.entries(manifest.intl).find(([k]) => k.startsWith('arDateTime|'))!;
    const expected = new Map(Object.entries(outputOf(outDir)));
    const page = [...expected.keys()].find((f) => f.endsWith('.html') && readFileSync(path.join(outDir, f), 'utf8').includes(now));
    expect(page, `no page shows ${now}`).toBeDefined();
    const older = `${now} (ICU 0)`;
    const pairs = intlDifferences({ ...manifest.intl, [key]: older }).pairs;
    expect(pairs).toEqual(new Map([[now, older]]));
    const text = readFileSync(path.join(outDir, page!), 'utf8');
    expected.set(page!, sha256(text.split(now).join(older)));
    expect(compareOutput(outDir, expected, pairs)).toEqual({ problems: [], icuOnly: [page] });
    expected.set(page!, sha256(text.split(now).join(older).replace('</main>', '<p>lost</p></main>')));
    expect(compareOutput(outDir, expected, pairs)).toEqual({ problems: [`different bytes: ${page}`], icuOnly: [] });
    // With the recorded ICU nothing is excused.
    expect(compareOutput(outDir, expected, new Map()).problems).toEqual([`different bytes: ${page}`]);
  });
});

describe(`golden output: the ${CORPUS_SITE.name} corpus`, () => {
  let manifest: Manifest;
  let project: FixtureProject;
  let outDir: string;
  const site = () => path.join(project.root, '_site');

  beforeAll(() => {
    manifest = manifestOf(CORPUS_SITE);
    project = CORPUS_SITE.make();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'warraq-golden-corpus-'));
  }, 120_000);

  afterAll(() => {
    project?.remove();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('built cold (cache off, no worker threads), it is byte-identical to the recorded output', async () => {
    // Recorded with a worker per core (2 here, 4 on CI); built here in one thread, and below with the default pool: the
    // number of cores, and how articles are spread over threads, must not change a byte.
    const output = await coldBuild(project.root, outDir, 0);
    expect(Object.keys(output).length).toBe(manifest.cold.files);
    expectGolden(manifest, CORPUS_SITE, project.root, outDir, 0, 'corpus, cold with the cache off');
    rmSync(outDir, { recursive: true, force: true });
  }, 600_000);

  it('a first build with the cache, then a warm build with no change, write the same bytes', async () => {
    const first = await build({ root: project.root, ...quiet });
    expect(first.prepared).toBe(first.articles + first.drafts);
    expectGolden(manifest, CORPUS_SITE, project.root, site(), 0, 'corpus, first build with the cache');
    const warm = await build({ root: project.root, ...quiet });
    expect(warm.prepared).toBe(0);
    expectGolden(manifest, CORPUS_SITE, project.root, site(), 0, 'corpus, warm build with no change');
  }, 600_000);

  // Each change in turn, then a warm build: it writes what the recorded cold build of the same content wrote.
  CORPUS_SITE.changes.forEach((change, i) => {
    it(`${change.name}: a warm build writes what a cold build of the same content writes`, async () => {
      expect(manifest.steps[i]?.change).toBe(change.name);
      change.apply(project.root);
      const warm = await build({ root: project.root, ...quiet });
      // Warm: articles whose split-word evidence the change did not reach come from the cache.
      expect(warm.cached).toBeGreaterThan(0);
      console.info(
        `golden: ${change.name}: ${warm.prepared} articles prepared, ${warm.cached} from the cache, ${warm.pagesReused} pages reused`,
      );
      expectGolden(manifest, CORPUS_SITE, project.root, site(), i + 1, `corpus, warm build after: ${change.name}`);
    }, 600_000);
  });

  it('the recorded changes are real ones: each but the rename changes the output', () => {
    const changed = manifest.steps.map((s) => Object.keys(s.changed).length + s.removed.length);
    expect(changed.slice(0, 3).every((n) => n > 0)).toBe(true);
  });
});
