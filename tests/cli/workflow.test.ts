/**
 * The publishing workflow runs what the README tells a developer to run, and the pre-commit hook
 * is the one the README documents.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, cpSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO } from '../helpers/fixture-site.ts';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  environment?: { name: string };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(REPO, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');

/** Commands of the README's fenced sh blocks under a heading, comments and blank lines left out. */
function readmeCommands(heading: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(heading));
  expect(section, `README.md has a "## ${heading}" section`).toBeDefined();
  return [...section!.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? s.run.split('\n').map((l) => l.trim()).filter(Boolean) : []));
const uses = (job: Job) => job.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
const publishJob = () => Object.values(workflow.jobs).find((j) => uses(j).includes('actions/upload-pages-artifact'))!;
const deployJob = () => Object.values(workflow.jobs).find((j) => uses(j).includes('actions/deploy-pages'))!;
const prJob = () => Object.entries(workflow.jobs).find(([, j]) => j.if?.includes("github.event_name == 'pull_request'"))![1];

describe('publish workflow', { timeout: 180_000 }, () => {
  const commands = readmeCommands('Build and test');

  it('README gives install, test and build commands, and .ci/run runs the same test command', () => {
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run build']));
    expect(readFileSync(path.join(REPO, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('node bin/warraq.js build');
    for (const s of ['new', 'import', 'lint', 'start']) expect(pkg.scripts[s]).toMatch(/^node bin\/warraq\.js /);
  });

  it('on push to main: runs the README commands in order, then uploads _site/ for Pages', () => {
    expect(workflow.on).toHaveProperty('push');
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(['main']);
    const job = publishJob();
    expect(job).toBeDefined();
    const steps = runs(job);
    let at = -1;
    for (const c of commands) {
      const i = steps.indexOf(c);
      expect(i, `the publish job runs "${c}"`).toBeGreaterThan(at);
      at = i;
    }
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!;
    expect(upload.with?.path).toMatch(/^_site\/?$/);
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm run build'));
  });

  it('restores the last build\'s cache after npm ci and before the build, saving a new one per commit', () => {
    const job = publishJob();
    const cache = job.steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache, 'the publish job uses actions/cache').toBeDefined();
    const paths = String(cache.with?.path).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining(['.cache', '_site', 'node_modules/.cache/warraq']));
    // npm ci empties node_modules: the lexicon's cache must be restored after it.
    const at = job.steps.indexOf(cache);
    expect(at).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm ci'));
    expect(at).toBeLessThan(job.steps.findIndex((s) => s.run === 'npm run build'));
    // A key per commit (a cache entry cannot be overwritten), restored from the newest by prefix.
    const key = String(cache.with?.key);
    expect(key).toMatch(/\$\{\{ github\.sha \}\}$/);
    const prefix = key.slice(0, key.indexOf('${{ github.sha }}'));
    expect(String(cache.with?.['restore-keys']).split('\n').map((l) => l.trim())).toContain(prefix);
  });

  it('builds with WARRAQ_BASE_PATH taken from the repository name', () => {
    const job = publishJob();
    const build = job.steps.find((s) => s.run === 'npm run build')!;
    const base = build.env?.WARRAQ_BASE_PATH ?? job.env?.WARRAQ_BASE_PATH ?? workflow.env?.WARRAQ_BASE_PATH;
    expect(base).toMatch(/github\.event\.repository\.name/);
    expect(base).toMatch(/format\('\/\{0\}\/'/);
  });

  it('deploys with the permissions and concurrency GitHub Pages needs', () => {
    const job = deployJob();
    expect(job).toBeDefined();
    expect(job.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(job.environment?.name).toBe('github-pages');
    expect(job.concurrency?.group).toBeTruthy();
    expect([job.needs].flat()).toContain(Object.entries(workflow.jobs).find(([, j]) => j === publishJob())![0]);
    expect(job.if).toMatch(/refs\/heads\/main/);
    // Nothing else in the workflow may write.
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('on pull requests: the tests, then lint of the articles changed against the base', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    const job = prJob();
    const steps = runs(job);
    expect(steps.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('npm test')).toBeGreaterThan(steps.indexOf('npm ci'));
    const lint = job.steps.find((s) => s.run?.includes('warraq lint'))!;
    expect(lint.run).toMatch(/git diff --name-only[^\n]*\$BASE_SHA[^\n]*\.\.\.HEAD[^\n]*content\/\*\.md/);
    expect(lint.env?.BASE_SHA).toMatch(/github\.event\.pull_request\.base\.sha/);
    expect(uses(job)).not.toContain('actions/deploy-pages');
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('the pull-request lint command works on a real diff', () => {
    const lint = prJob().steps.find((s) => s.run?.includes('warraq lint'))!.run!;
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'warraq-pr-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: tmp, encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      for (const d of ['templates', 'public']) cpSync(path.join(REPO, d), path.join(tmp, d), { recursive: true });
      symlinkSync(path.join(REPO, 'node_modules'), path.join(tmp, 'node_modules'));
      cpSync(path.join(REPO, 'bin'), path.join(tmp, 'bin'), { recursive: true });
      symlinkSync(path.join(REPO, 'src'), path.join(tmp, 'src'));
      writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'warraq', type: 'module', bin: { warraq: 'bin/warraq.js' } }));
      mkdirSync(path.join(tmp, 'content/2022/12'), { recursive: true });
      const ok = '---\ntitle: "خبر"\ndate: 2022-12-19T18:30:00+03:00\nsection: سياسة\nauthors: [س]\nsummary: "ملخص."\n---\n\nنص سليم.\n';
      writeFileSync(path.join(tmp, 'content/2022/12/old.md'), ok.replace('section: سياسة\n', ''));
      git('add', '.');
      git('commit', '-qm', 'base');
      const base = git('rev-parse', 'HEAD').trim();
      writeFileSync(path.join(tmp, 'content/2022/12/new.md'), ok);
      git('add', '.');
      git('commit', '-qm', 'change');
      // Only the changed article is linted: the broken one on the base is not this PR's.
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', lint], { cwd: tmp, env: { ...process.env, BASE_SHA: base }, encoding: 'utf8' });
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toMatch(/Linted 1 files \(1 valid articles\): 0 errors/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('pre-commit hook', { timeout: 180_000 }, () => {
  it('is executable and documented in the README with the command that enables it', () => {
    expect(statSync(path.join(REPO, 'hooks/pre-commit')).mode & 0o111).not.toBe(0);
    expect(readmeCommands("Editors' tools")).toContain('git config core.hooksPath hooks');
  });

  it('stops a commit of a broken article and lets a good one through', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'warraq-hook-'));
    try {
      const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: tmp, encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      cpSync(path.join(REPO, 'hooks'), path.join(tmp, 'hooks'), { recursive: true });
      cpSync(path.join(REPO, 'bin'), path.join(tmp, 'bin'), { recursive: true });
      symlinkSync(path.join(REPO, 'src'), path.join(tmp, 'src'));
      symlinkSync(path.join(REPO, 'node_modules'), path.join(tmp, 'node_modules'));
      git('config', 'core.hooksPath', 'hooks');
      mkdirSync(path.join(tmp, 'content/2022/12'), { recursive: true });
      const ok = '---\ntitle: "خبر"\ndate: 2022-12-19T18:30:00+03:00\nsection: سياسة\nauthors: [س]\nsummary: "ملخص."\n---\n\nنص سليم.\n';
      writeFileSync(path.join(tmp, 'content/2022/12/a.md'), ok.replace('2022-12-19T18:30:00+03:00', 'yesterday'));
      git('add', '.');
      const bad = git('commit', '-qm', 'bad');
      expect(bad.status).not.toBe(0);
      expect(bad.stdout + bad.stderr).toMatch(/content\/2022\/12\/a\.md:3:1 {2}front-matter {2}error/);
      writeFileSync(path.join(tmp, 'content/2022/12/a.md'), ok);
      git('add', '.');
      const good = git('commit', '-qm', 'good');
      expect(good.status, good.stderr).toBe(0);
    } finally {
      rmSync(path.join(tmp), { recursive: true, force: true });
    }
  });
});
