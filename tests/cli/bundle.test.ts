/**
 * bin/warraq.js runs the CLI from an esbuild bundle of src/ (bin/bundle.js) and falls back to the
 * TypeScript loader when it cannot make one — silently, so these tests are what notices a bundle
 * that no longer builds. The bundle must be the current source, and a build run from it must share
 * the prepared-article cache with one run from src/ (the cache is keyed by the files in src/,
 * wherever the running code was loaded from).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript without declarations
import { bundle, sourceDigest } from '../../bin/bundle.js';
import { fixtureProject, REPO, type FixtureProject } from '../helpers/fixture-site.ts';
import { runCli, SEED } from './run.ts';

let project: FixtureProject;

beforeAll(() => {
  project = fixtureProject({ copyContent: true });
});

afterAll(() => project?.remove());

const timings = (stderr: string) => JSON.parse(/warraq-timings (\{.*\})/.exec(stderr)![1]!) as { prepared: number; cached: number };

describe('the bundled CLI', () => {
  it('is made from the current source', async () => {
    const entry = (await bundle()) as string | undefined;
    expect(entry).toBeDefined();
    expect(existsSync(entry!)).toBe(true);
    expect(path.relative(path.join('node_modules', '.cache', 'warraq', 'bundle'), path.relative(path.resolve(import.meta.dirname, '../..'), entry!)).split(path.sep)[0]).toBe(sourceDigest());
    // the source map names the TypeScript files
    expect(readFileSync(`${entry}.map`, 'utf8')).toContain('src/cli/main.ts');
  }, 60_000);

  it('repairs text exactly as the CLI run from src/ does', async () => {
    const input = readFileSync(SEED, 'utf8');
    const bundled = await runCli(['normalize', '--report'], { input });
    const fromSource = await runCli(['normalize', '--report'], { input, env: { WARRAQ_NO_BUNDLE: '1' } });
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.length).toBeGreaterThan(1000);
    expect(bundled.stdout).not.toBe(input); // (the seed is damaged)
    expect(bundled.stdout).toBe(fromSource.stdout);
    expect(bundled.stderr).toBe(fromSource.stderr);
  }, 120_000);

  it('shares the prepared-article cache with the CLI run from src/', async () => {
    const env = { WARRAQ_TIMINGS: '1' };
    const cold = await runCli(['build', '--root', project.root], { env: { ...env, WARRAQ_NO_BUNDLE: '1' } });
    expect(cold.code, cold.stderr).toBe(0);
    expect(timings(cold.stderr).prepared).toBeGreaterThan(0);
    project.write('content/2023/02/extra-line.md', readFileSync(path.join(project.root, 'content/2023/02/travel-demand-china-reopening.md'), 'utf8').replace('title: "', 'title: "نسخة: ').replace(/^slug:.*$/m, ''));
    const warm = await runCli(['build', '--root', project.root], { env });
    expect(warm.code, warm.stderr).toBe(0);
    // only the new article is prepared: every other one comes from the cache the src/ run made
    expect(timings(warm.stderr)).toMatchObject({ prepared: 1, cached: timings(cold.stderr).prepared });
  }, 240_000);

  it("keys the cache by the src/ it was bundled from, also when reached through another checkout's node_modules", async () => {
    // A snapshot of the code beside the repository, using its node_modules (as npm run bench runs
    // it), with one comment added: its bundle and its cache keys are its own.
    const snapshot = mkdtempSync(path.join(os.tmpdir(), 'warraq-snapshot-'));
    try {
      for (const f of ['src', 'bin', 'package.json', 'package-lock.json']) cpSync(path.join(REPO, f), path.join(snapshot, f), { recursive: true });
      symlinkSync(path.join(REPO, 'node_modules'), path.join(snapshot, 'node_modules'));
      const file = path.join(snapshot, 'src', 'cores.ts');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n// a snapshot\n`);
      const env = { WARRAQ_TIMINGS: '1' };
      const first = await runCli(['build', '--root', project.root], { env });
      expect(first.code, first.stderr).toBe(0);
      const fromSnapshot = await runCli(['build', '--root', project.root], { env, bin: path.join(snapshot, 'bin', 'warraq.js') });
      expect(fromSnapshot.code, fromSnapshot.stderr).toBe(0);
      expect(timings(fromSnapshot.stderr)).toMatchObject({ prepared: timings(first.stderr).prepared + timings(first.stderr).cached, cached: 0 });
    } finally {
      rmSync(snapshot, { recursive: true, force: true });
    }
  }, 240_000);
});
