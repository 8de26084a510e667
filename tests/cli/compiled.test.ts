/**
 * bin/warraq.js runs the CLI from dist/ (src/ compiled at install, bin/compile.js) while dist/ was
 * compiled from the current src/, and from src/ through tsx otherwise — silently, so these tests are
 * what notices a compiled CLI that no longer runs. They compile a copy of the checkout (its own dist/,
 * the repository's node_modules) and check that its CLI runs dist/, falls back to src/ when a source
 * file changed after compiling, and shares the prepared-article cache with the run from src/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceDigest } from '../../src/source-digest.js';
import { articleSource, fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { runCli, SEED } from './run.ts';

let checkout: string;
let bin: string;
let project: FixtureProject;
const MARK = 'warraq-test: ran from dist';

beforeAll(() => {
  checkout = mkdtempSync(path.join(os.tmpdir(), 'warraq-checkout-'));
  for (const f of ['src', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'])
    cpSync(path.join(REPO, f), path.join(checkout, f), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules'));
  const compiled = spawnSync(process.execPath, [path.join(checkout, 'bin', 'compile.js')], { cwd: checkout, encoding: 'utf8' });
  expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
  // dist/ is not part of the source digest: a line added to the compiled entry shows which code ran.
  appendFileSync(path.join(checkout, 'dist', 'cli', 'main.js'), `\nconsole.error(${JSON.stringify(MARK)});\n`);
  bin = path.join(checkout, 'bin', 'warraq.js');
  project = fixtureProject({ copyContent: true });
}, 180_000);

afterAll(() => {
  project?.remove();
  if (checkout) rmSync(checkout, { recursive: true, force: true });
});

const timings = (stderr: string) => JSON.parse(/warraq-timings (\{.*\})/.exec(stderr)![1]!) as { prepared: number; cached: number };
const fromSource = { WARRAQ_FROM_SOURCE: '1' };

describe('the compiled CLI', () => {
  it('is compiled from src/ and stamped with the digest of the source it was compiled from', () => {
    expect(readFileSync(path.join(checkout, 'dist', 'source-digest.txt'), 'utf8').trim()).toBe(sourceDigest(path.join(checkout, 'src')));
    // the worker's compiled JavaScript, and no half-made compilation left beside dist/
    expect(existsSync(path.join(checkout, 'dist', 'prepare', 'prepare-worker.js'))).toBe(true);
    expect(existsSync(path.join(checkout, 'dist', 'source-digest.js'))).toBe(true);
    // the source map names the TypeScript files
    expect(readFileSync(path.join(checkout, 'dist', 'cli', 'main.js.map'), 'utf8')).toContain('../../src/cli/main.ts');
  });

  it('runs from dist/ and repairs text exactly as the CLI run from src/ does', async () => {
    const input = readFileSync(SEED, 'utf8');
    const compiled = await runCli(['normalize', '--report'], { input, bin });
    const source = await runCli(['normalize', '--report'], { input, bin, env: fromSource });
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stderr).toContain(MARK);
    expect(source.stderr).not.toContain(MARK);
    expect(compiled.stdout.length).toBeGreaterThan(1000);
    expect(compiled.stdout).not.toBe(input); // (the seed is damaged)
    expect(compiled.stdout).toBe(source.stdout);
    expect(compiled.stderr.replace(`${MARK}\n`, '')).toBe(source.stderr);
  }, 120_000);

  it('shares the prepared-article cache with the CLI run from src/, and prepares on worker threads from dist/', async () => {
    const env = { WARRAQ_TIMINGS: '1' };
    const cold = await runCli(['build', '--root', project.root], { bin, env: { ...env, ...fromSource } });
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).not.toContain(MARK);
    expect(timings(cold.stderr).prepared).toBeGreaterThan(0);
    project.write(
      'content/2023/02/extra-line.md',
      readFileSync(path.join(project.root, 'content/2023/02/travel-demand-china-reopening.md'), 'utf8')
        .replace('title: "', 'title: "نسخة: ')
        .replace(/^slug:.*$/m, ''),
    );
    const warm = await runCli(['build', '--root', project.root], { bin, env });
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stderr).toContain(MARK);
    // only the new article is prepared: every other one comes from the cache the src/ run made
    expect(timings(warm.stderr)).toMatchObject({ prepared: 1, cached: timings(cold.stderr).prepared });
    // enough new articles that the build prepares them on a pool of worker threads (dist/prepare/prepare-worker.js)
    for (let i = 0; i < 70; i++)
      project.write(
        `content/2023/03/pool-${i}.md`,
        articleSource(`خبر رقم ${i} عن الأسواق`, `فقرة أولى من الخبر رقم ${i} عن الشركات والأسواق في المنطقة.`),
      );
    const pooled = await runCli(['build', '--root', project.root], { bin, env });
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stderr).toContain(MARK);
    expect(timings(pooled.stderr)).toMatchObject({ prepared: 70 });
    const site = path.join(project.root, '_site');
    const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html'));
    expect(pages.filter((f) => readFileSync(path.join(site, f), 'utf8').includes('فقرة أولى من الخبر رقم 69 ')).length).toBeGreaterThan(0);
  }, 300_000);

  it('runs from src/ when a source file changed after compiling', async () => {
    appendFileSync(path.join(checkout, 'src', 'cores.ts'), '\n// edited after compiling\n');
    const input = readFileSync(SEED, 'utf8');
    const edited = await runCli(['normalize'], { input, bin });
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).not.toContain(MARK);
    expect(edited.stdout).toBe((await runCli(['normalize'], { input, bin, env: fromSource })).stdout);
  }, 120_000);
});
