/**
 * The publishing workflow runs what the README tells a developer to run (one build job, or shard
 * jobs and their assembly), and the pre-commit hook is the one the README documents.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, cpSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO } from '../helpers/fixture-site.ts';
import { configSchema } from '../../src/config.ts';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Job {
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  needs?: string | string[];
  outputs?: Record<string, string>;
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

const readWorkflow = (name: string) => parse(readFileSync(path.join(REPO, '.github/workflows', name), 'utf8')) as Workflow;
const workflow = readWorkflow('publish.yml');
const pullRequest = readWorkflow('pull-request.yml');
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

const runs = (job: Job) =>
  job.steps.flatMap((s) =>
    s.run
      ? s.run
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : [],
  );
const uses = (job: Job) => job.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
const needsOf = (job: Job) => [job.needs ?? []].flat();
const jobUsing = (w: Workflow, action: string) => Object.entries(w.jobs).find(([, j]) => uses(j).includes(action))!;
/** The single build job (shards = 1), the first to upload the Pages artifact. */
const publishJob = () => jobUsing(workflow, 'actions/upload-pages-artifact')[1];
const deployJob = () => jobUsing(workflow, 'actions/deploy-pages')[1];
const step = (job: Job, test: (s: Step) => boolean) => job.steps.find(test)!;

/** Runs `commands` in order within the job's steps (each after the one before). */
/** An actions/cache step keyed per commit (an entry cannot be overwritten) and restored from the newest entry by the key's prefix. */
function expectKeyPerCommit(cache: Step): void {
  const key = String(cache.with?.key);
  expect(key).toMatch(/\$\{\{ github\.sha \}\}$/);
  const prefix = key.slice(0, key.indexOf('${{ github.sha }}'));
  expect(
    String(cache.with?.['restore-keys'])
      .split('\n')
      .map((l) => l.trim()),
  ).toContain(prefix);
}

function expectInOrder(job: Job, commands: string[]): void {
  const steps = runs(job);
  let at = -1;
  for (const c of commands) {
    const i = steps.indexOf(c);
    expect(i, `the job runs "${c}" after "${steps[at] ?? 'the start'}"`).toBeGreaterThan(at);
    at = i;
  }
}

/**
 * Evaluates a job's `if:` the way the runner does for the expressions used here: contexts given as
 * values, ==/!= on strings, !, && and || (which return an operand, as JavaScript's do).
 */
function evaluate(expression: string, context: Record<string, string | boolean>): boolean {
  const js = expression
    .replace(/^\s*\$\{\{|\}\}\s*$/g, '')
    .replace(/'[^']*'|[A-Za-z_][\w.-]*(?:\(\))?/g, (token) => {
      if (token.startsWith("'")) return JSON.stringify(token.slice(1, -1));
      if (!(token in context)) throw new Error(`no value given for ${token} in ${expression}`);
      return JSON.stringify(context[token]);
    })
    .replace(/([!=])=/g, '$1==');
  return Boolean(new Function(`return (${js});`)());
}

type Result = 'success' | 'failure' | 'skipped';

/**
 * The jobs' results of a run, as the deploy job sees them: one build job (shards = 1, the shard
 * and assemble jobs skipped), or, given `assemble`, shards (the build job skipped).
 */
function run(contentOnly: boolean, test: Result, build: Result, assemble?: Result) {
  return {
    'needs.changes.outputs.content-only': String(contentOnly),
    'needs.changes.outputs.shards': assemble ? '4' : '1',
    'needs.changes.result': 'success',
    'needs.test.result': test,
    'needs.build.result': assemble ? 'skipped' : build,
    'needs.assemble.result': assemble ?? 'skipped',
    'github.ref': 'refs/heads/main',
    'cancelled()': false,
    'always()': true,
  };
}

/** A throwaway git repository; `git` runs in it. */
function tempRepo(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  const commit = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    git('add', '-A');
    git('commit', '-qm', 'change');
    return git('rev-parse', 'HEAD');
  };
  return { dir, git, commit, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('publish workflow', { timeout: 180_000 }, () => {
  const commands = readmeCommands('Build and test');

  it('README gives install, test and build commands, and .ci/run runs the same test command', () => {
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run build']));
    expect(readFileSync(path.join(REPO, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('node bin/warraq.js build');
    for (const s of ['new', 'import', 'lint', 'start']) expect(pkg.scripts[s]).toMatch(/^node bin\/warraq\.js /);
  });

  it('on push to main: the test job runs npm ci and npm test, the build job npm ci and npm run build, then uploads _site/ for Pages', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(commands.filter((c) => c.startsWith('npm '))).toEqual(['npm ci', 'npm test', 'npm run build']);
    expectInOrder(workflow.jobs.test!, ['npm ci', 'npm test']);
    const job = publishJob();
    expectInOrder(job, ['npm ci', 'npm run build']);
    expect(runs(job)).not.toContain('npm test');
    const upload = step(job, (s) => Boolean(s.uses?.startsWith('actions/upload-pages-artifact')));
    expect(upload.with?.path).toMatch(/^_site\/?$/);
    expect(job.steps.indexOf(upload)).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm run build'));
  });

  it("a first job classifies the push with .github/content-only.sh, from the push's before and after commits", () => {
    const changes = workflow.jobs.changes!;
    expect(changes.needs).toBeUndefined();
    expect(step(changes, (s) => Boolean(s.uses?.startsWith('actions/checkout'))).with?.['fetch-depth']).toBe(0);
    const classify = step(changes, (s) => s.id === 'classify');
    expect(classify.run).toMatch(/^\.github\/content-only\.sh "\$BEFORE" "\$AFTER" \| tee -a "\$GITHUB_OUTPUT"$/);
    expect(classify.env).toEqual({ BEFORE: '${{ github.event.before }}', AFTER: '${{ github.sha }}' });
    expect(changes.outputs?.['content-only']).toBe('${{ steps.classify.outputs.content-only }}');
    for (const job of ['test', 'build']) expect(needsOf(workflow.jobs[job]!)).toEqual(['changes']);
  });

  it('content only: no tests, lint of the changed articles as annotations, build, deploy', () => {
    const test = workflow.jobs.test!;
    expect(evaluate(test.if!, run(true, 'skipped', 'success'))).toBe(false);
    const lint = step(publishJob(), (s) => Boolean(s.run?.includes('warraq lint')));
    expect(lint.run).toBe('npx warraq lint --format github --changed-since "$BEFORE"');
    expect(lint.env?.BEFORE).toBe('${{ github.event.before }}');
    expect(evaluate(lint.if!, run(true, 'skipped', 'success'))).toBe(true);
    expect(lint['continue-on-error']).toBe(true);
    const deploy = deployJob();
    expect(needsOf(deploy).sort()).toEqual(['assemble', 'build', 'changes', 'test']);
    expect(evaluate(deploy.if!, run(true, 'skipped', 'success'))).toBe(true);
    expect(evaluate(deploy.if!, run(true, 'skipped', 'failure'))).toBe(false);
    // The history the lint step diffs against is fetched only on this path.
    const checkout = String(step(publishJob(), (s) => Boolean(s.uses?.startsWith('actions/checkout'))).with?.['fetch-depth']);
    expect(checkout.replace(/^\$\{\{|\}\}$/g, '').trim()).toBe("needs.changes.outputs.content-only == 'true' && '0' || '1'");
  });

  it('anything else: the full tests too, and deploy only when they passed', () => {
    const test = workflow.jobs.test!;
    expect(evaluate(test.if!, run(false, 'success', 'success'))).toBe(true);
    expect(evaluate(step(publishJob(), (s) => Boolean(s.run?.includes('warraq lint'))).if!, run(false, 'success', 'success'))).toBe(false);
    const deploy = deployJob();
    expect(evaluate(deploy.if!, run(false, 'success', 'success'))).toBe(true);
    expect(evaluate(deploy.if!, run(false, 'failure', 'success'))).toBe(false);
    // Tests skipped without the push being content only (a cancelled or broken classification): no deploy.
    expect(evaluate(deploy.if!, run(false, 'skipped', 'success'))).toBe(false);
    expect(evaluate(deploy.if!, { ...run(false, 'success', 'success'), 'github.ref': 'refs/heads/other' })).toBe(false);
  });

  it('.github/content-only.sh: true only when every changed file is under content/; false for code, the first push and a force push', () => {
    const repo = tempRepo('warraq-classify-');
    try {
      cpSync(path.join(REPO, '.github/content-only.sh'), path.join(repo.dir, 'content-only.sh'));
      const classify = (before: string, after: string) =>
        execFileSync('bash', ['content-only.sh', before, after], { cwd: repo.dir, encoding: 'utf8' }).trim();
      const first = repo.commit({ 'src/a.ts': 'x', 'content/2023/01/a.md': 'a' });
      const article = repo.commit({ 'content/2023/01/a.md': 'b', 'content/media/p.jpg': 'jpg' });
      expect(classify(first, article)).toBe('content-only=true');
      const code = repo.commit({ 'content/2023/01/a.md': 'c', 'src/a.ts': 'y' });
      expect(classify(article, code)).toBe('content-only=false');
      const config = repo.commit({ 'warraq.config.json': '{}' });
      expect(classify(code, config)).toBe('content-only=false');
      expect(classify('0000000000000000000000000000000000000000', config)).toBe('content-only=false');
      expect(classify('', config)).toBe('content-only=false');
      // A force push: the old head is not an ancestor of the new one (or is not in the clone at all).
      repo.git('checkout', '-q', '-b', 'rewritten', first);
      const rewritten = repo.commit({ 'content/2023/01/a.md': 'd' });
      expect(classify(config, rewritten)).toBe('content-only=false');
      expect(classify('1234567890123456789012345678901234567890', rewritten)).toBe('content-only=false');
      // Several commits in one push: judged on all of them together.
      repo.git('checkout', '-q', 'main');
      const one = repo.commit({ 'content/2023/01/b.md': 'b' });
      const two = repo.commit({ 'content/2023/01/c.md': 'c' });
      expect(classify(config, two)).toBe('content-only=true');
      expect(classify(first, one)).toBe('content-only=false');
    } finally {
      repo.remove();
    }
  });

  it("restores the last build's cache after npm ci and before the build, saving a new one per commit", () => {
    const job = publishJob();
    const cache = step(job, (s) => Boolean(s.uses?.startsWith('actions/cache@')));
    expect(cache, 'the publish job uses actions/cache').toBeDefined();
    const paths = String(cache.with?.path)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining(['.cache', '_site', 'node_modules/.cache/warraq']));
    // npm ci empties node_modules: the lexicon's cache must be restored after it.
    const at = job.steps.indexOf(cache);
    expect(at).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm ci'));
    expect(at).toBeLessThan(job.steps.findIndex((s) => s.run === 'npm run build'));
    // A key per commit (a cache entry cannot be overwritten), restored from the newest by prefix.
    expectKeyPerCommit(cache);
  });

  it('builds with WARRAQ_BASE_PATH taken from the repository name', () => {
    const job = publishJob();
    const build = step(job, (s) => s.run === 'npm run build');
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
    expect(needsOf(job)).toContain(jobUsing(workflow, 'actions/upload-pages-artifact')[0]);
    expect(job.if).toMatch(/refs\/heads\/main/);
    // Nothing else in the workflow may write.
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});

/** Replaces each `${{ expression }}` of a workflow value by its value in `context`. */
function expand(text: string, context: Record<string, string | number>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (!(expression in context)) throw new Error(`no value given for ${expression} in ${text}`);
    return String(context[expression]);
  });
}

/** Runs the changes job's "shards" step in a folder holding `config` as warraq.config.json (none when undefined). */
function shardsStep(config: string | undefined): { status: number | null; outputs: Record<string, string>; stderr: string } {
  const script = step(workflow.jobs.changes!, (s) => s.id === 'shards').run!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-shards-'));
  try {
    if (config !== undefined) writeFileSync(path.join(dir, 'warraq.config.json'), config);
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    const r = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
      cwd: dir,
      env: { ...process.env, GITHUB_OUTPUT: output },
      encoding: 'utf8',
    });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { status: r.status, outputs, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The README's sharded build: N shard commands `--shard K/N --out DIR` (K = 1..N) and one `--assemble DIR…` of their folders in order. */
function readmeShardedBuild(): { n: number; shard: (k: number) => string; assemble: string } {
  const commands = readmeCommands('Large archives: sharded builds');
  const shards = commands.map((c) => /^npx warraq build --shard (\d+)\/(\d+) --out (\S+)$/.exec(c)).filter((m) => m !== null);
  const n = Number(shards[0]?.[2]);
  expect(n, 'the README shows a sharded build of N > 1 shards').toBeGreaterThan(1);
  expect(shards.map((m) => `${m[1]}/${m[2]}`)).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
  const assemble = commands.filter((c) => c.startsWith('npx warraq build --assemble '));
  expect(assemble).toEqual([`npx warraq build --assemble ${shards.map((m) => m[3]).join(' ')}`]);
  return { n, shard: (k) => shards[k - 1]![0], assemble: assemble[0]! };
}

describe('publish workflow: a sharded build (warraq.config.json "shards" > 1)', { timeout: 180_000 }, () => {
  const shard = workflow.jobs.shard!;
  const assemble = workflow.jobs.assemble!;
  const onShard = (k: number, n: number) => ({ 'matrix.shard': k, 'needs.changes.outputs.shards': n });
  const uploadOf = (job: Job) => step(job, (s) => s.uses === 'actions/upload-artifact@v4');
  const shardCommand = () => step(shard, (s) => Boolean(s.run?.includes('--shard')));
  const assembleCommand = () => step(assemble, (s) => Boolean(s.run?.includes('--assemble')));

  it('the changes job reads N from warraq.config.json (1 when absent) and lists the shard jobs 1..N; it refuses what the configuration refuses', () => {
    const changes = workflow.jobs.changes!;
    expect(changes.outputs?.shards).toBe('${{ steps.shards.outputs.shards }}');
    expect(changes.outputs?.matrix).toBe('${{ steps.shards.outputs.matrix }}');
    expect(shardsStep(undefined)).toMatchObject({ status: 0, outputs: { shards: '1', matrix: '[1]' } });
    expect(shardsStep('{"sections": ["سياسة"]}')).toMatchObject({ status: 0, outputs: { shards: '1', matrix: '[1]' } });
    expect(shardsStep('{"shards": 4}')).toMatchObject({ status: 0, outputs: { shards: '4', matrix: '[1,2,3,4]' } });
    expect(JSON.parse(shardsStep('{"shards": 64}').outputs.matrix!)).toHaveLength(64);
    // The same values the configuration accepts, and only those.
    for (const value of [1, 2, 16, 64, 0, 65, -1, 2.5, '3', null, true]) {
      const r = shardsStep(JSON.stringify({ shards: value }));
      const accepted = value === null ? false : configSchema.shape.shards.safeParse(value).success;
      expect(r.status === 0, `shards: ${JSON.stringify(value)}`).toBe(accepted);
      if (!accepted) {
        expect(r.stderr).toContain(`warraq.config.json: "shards" is ${JSON.stringify(value)}`);
        expect(r.outputs).toEqual({});
      }
    }
    const broken = shardsStep('{"shards": 4,}');
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/^warraq\.config\.json: .*JSON/m);
  });

  it('N = 1 runs the single build job as before; N > 1 runs the shard and assemble jobs instead', () => {
    const when = (shards: string) => ({ 'needs.changes.outputs.shards': shards });
    expect(needsOf(workflow.jobs.build!)).toEqual(['changes']);
    expect(evaluate(workflow.jobs.build!.if!, when('1'))).toBe(true);
    expect(evaluate(workflow.jobs.build!.if!, when('4'))).toBe(false);
    for (const job of [shard, assemble]) {
      expect(evaluate(job.if!, when('1'))).toBe(false);
      expect(evaluate(job.if!, when('4'))).toBe(true);
    }
    // The single job keeps what it had: the content-only lint, its cache with _site/, npm run build, the Pages artifact.
    expect(uses(publishJob())).toEqual(expect.arrayContaining(['actions/cache', 'actions/upload-pages-artifact']));
    expect(publishJob()).toBe(workflow.jobs.build);
    expect(runs(publishJob())).toContain('npm run build');
  });

  it("one shard job per listed shard, each running the README's shard command after npm ci and its own cache", () => {
    expect(needsOf(shard)).toEqual(['changes']);
    expect(shard.strategy?.matrix).toEqual({ shard: '${{ fromJSON(needs.changes.outputs.matrix) }}' });
    expect(shard.strategy?.['fail-fast']).not.toBe(false);
    expect(step(shard, (s) => Boolean(s.uses?.startsWith('actions/setup-node'))).with).toEqual({ 'node-version': 20, cache: 'npm' });
    const readme = readmeShardedBuild();
    const folder = String(uploadOf(shard).with?.path).replace(/\/$/, '');
    for (let k = 1; k <= readme.n; k++)
      expect(expand(shardCommand().run!, onShard(k, readme.n))).toBe(readme.shard(k).replace(/--out \S+$/, `--out ${folder}`));
    expectInOrder(shard, ['npm ci', shardCommand().run!]);
    // The build job's cache, keyed per shard: .cache/ and the lexicon restored after npm ci, a key per commit.
    const cache = step(shard, (s) => Boolean(s.uses?.startsWith('actions/cache@')));
    const paths = String(cache.with?.path)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining(['.cache', 'node_modules/.cache/warraq']));
    const at = shard.steps.indexOf(cache);
    expect(at).toBeGreaterThan(shard.steps.findIndex((s) => s.run === 'npm ci'));
    expect(at).toBeLessThan(shard.steps.indexOf(shardCommand()));
    const key = String(cache.with?.key);
    const keys = [1, 2, 3].map((k) => expand(key, { ...onShard(k, 3), 'runner.os': 'Linux', 'github.sha': 'abc' }));
    expect(new Set(keys).size).toBe(3);
    expect(expand(key, { ...onShard(1, 3), 'runner.os': 'Linux', 'github.sha': 'abc' })).not.toBe(
      expand(key, { ...onShard(1, 4), 'runner.os': 'Linux', 'github.sha': 'abc' }),
    );
    expectKeyPerCommit(cache);
    // The site's address, as the build job has it.
    expect(shardCommand().env?.WARRAQ_SITE_URL).toBe(step(publishJob(), (s) => s.run === 'npm run build').env?.WARRAQ_SITE_URL);
    expect(shard.env?.WARRAQ_BASE_PATH ?? workflow.env?.WARRAQ_BASE_PATH).toMatch(/github\.event\.repository\.name/);
  });

  it('each shard uploads its folder with actions/upload-artifact@v4 under a name of its own, after building it', () => {
    const upload = uploadOf(shard);
    expect(shard.steps.indexOf(upload)).toBeGreaterThan(shard.steps.indexOf(shardCommand()));
    expect(shardCommand().run).toContain(`--out ${String(upload.with?.path).replace(/\/$/, '')}`);
    // An artifact's name is unique in a run: one per shard, and a re-run replaces its own.
    const names = Array.from({ length: 8 }, (_, i) => expand(String(upload.with?.name), onShard(i + 1, 8)));
    expect(new Set(names).size).toBe(8);
    expect(upload.with).toMatchObject({ 'if-no-files-found': 'error', 'include-hidden-files': true, overwrite: true });
  });

  it("assemble downloads every shard's artifact with actions/download-artifact@v4, a folder each, and runs the README's assemble command on them in order", () => {
    expect(needsOf(assemble).sort()).toEqual(['changes', 'shard']);
    const n = 11; // two digits: the folders must be given 1..N, not in the shell's sort order
    const names = Array.from({ length: n }, (_, i) => expand(String(uploadOf(shard).with?.name), onShard(i + 1, n)));
    const download = step(assemble, (s) => s.uses === 'actions/download-artifact@v4');
    expect(download.with?.name).toBeUndefined(); // a name would download that one artifact only
    expect(download.with?.['merge-multiple']).toBe(false);
    const pattern = expand(String(download.with?.pattern), onShard(0, n));
    const glob = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    expect(names.filter((name) => glob.test(name))).toEqual(names);
    expect(glob.test(expand(String(uploadOf(shard).with?.name), onShard(1, n + 1)))).toBe(false); // another N's are not this run's
    expect(assemble.steps.indexOf(download)).toBeLessThan(assemble.steps.indexOf(assembleCommand()));
    expectInOrder(assemble, ['npm ci', assembleCommand().run!]);
    // Run the assemble step with `npx` standing in, where merge-multiple: false puts each artifact: <path>/<name>/.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-assemble-'));
    try {
      const folders = names.map((name) => path.join(String(download.with?.path), name));
      for (const f of folders) mkdirSync(path.join(dir, f), { recursive: true });
      mkdirSync(path.join(dir, 'bin'));
      writeFileSync(path.join(dir, 'bin/npx'), '#!/bin/sh\nprintf "%s\\n" "npx $*"\n', { mode: 0o755 });
      const env = Object.fromEntries(
        Object.entries(assembleCommand().env ?? {}).map(([k, v]) => [
          k,
          expand(v, { ...onShard(0, n), 'steps.pages.outputs.origin': 'https://o.github.io' }),
        ]),
      );
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', assembleCommand().run!], {
        cwd: dir,
        env: { ...process.env, ...env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      // The README's command, on the folders the artifacts were downloaded to.
      expect(r.stdout.trim()).toBe(readmeShardedBuild().assemble.replace(/ --assemble .*$/, ` --assemble ${folders.join(' ')}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Then _site/ goes to Pages, as from the build job.
    const pages = step(assemble, (s) => Boolean(s.uses?.startsWith('actions/upload-pages-artifact')));
    expect(pages.uses).toBe(step(publishJob(), (s) => Boolean(s.uses?.startsWith('actions/upload-pages-artifact'))).uses);
    expect(pages.with?.path).toMatch(/^_site\/?$/);
    expect(assemble.steps.indexOf(pages)).toBeGreaterThan(assemble.steps.indexOf(assembleCommand()));
    expect(assembleCommand().env?.WARRAQ_SITE_URL).toBe('${{ steps.pages.outputs.origin }}');
  });

  it('the content-only path lints the changed articles once, in the assemble job, as the build job does', () => {
    const lint = step(assemble, (s) => Boolean(s.run?.includes('warraq lint')));
    const single = step(publishJob(), (s) => Boolean(s.run?.includes('warraq lint')));
    expect(lint).toEqual(single);
    expect(step(assemble, (s) => Boolean(s.uses?.startsWith('actions/checkout'))).with?.['fetch-depth']).toBe(
      step(publishJob(), (s) => Boolean(s.uses?.startsWith('actions/checkout'))).with?.['fetch-depth'],
    );
    for (const job of [shard, workflow.jobs.deploy!]) expect(runs(job).some((r) => r.includes('warraq lint'))).toBe(false);
  });

  it('deploy needs the assembly, and deploys a sharded build as it deploys a single one', () => {
    const deploy = deployJob();
    expect(needsOf(deploy)).toEqual(expect.arrayContaining(['assemble', 'build']));
    // Content only: no tests.
    expect(evaluate(deploy.if!, run(true, 'skipped', 'skipped', 'success'))).toBe(true);
    expect(evaluate(deploy.if!, run(true, 'skipped', 'skipped', 'failure'))).toBe(false);
    // A shard failed: assemble is skipped, nothing is deployed.
    expect(evaluate(deploy.if!, run(true, 'skipped', 'skipped', 'skipped'))).toBe(false);
    expect(evaluate(deploy.if!, run(false, 'success', 'skipped', 'skipped'))).toBe(false);
    // Anything else: the tests too.
    expect(evaluate(deploy.if!, run(false, 'success', 'skipped', 'success'))).toBe(true);
    expect(evaluate(deploy.if!, run(false, 'failure', 'skipped', 'success'))).toBe(false);
    expect(evaluate(deploy.if!, run(false, 'skipped', 'skipped', 'success'))).toBe(false);
  });

  it('the README explains when to raise "shards", with the commands the workflow runs', () => {
    const section = readme.split(/^## /m).find((s) => s.startsWith('Large archives: sharded builds'))!;
    expect(section).toContain('"shards"');
    expect(section).toContain('.github/workflows/publish.yml');
    readmeShardedBuild();
  });
});

describe('pull-request workflow', { timeout: 180_000 }, () => {
  const checks = pullRequest.jobs.checks!;

  it('on pull requests: checkout with history, Node 20 with the npm cache, npm ci, lint as annotations, build, the site as an artifact, a job summary', () => {
    expect(Object.keys(pullRequest.on)).toEqual(['pull_request']);
    expect(pullRequest.permissions).toEqual({ contents: 'read' });
    expect(step(checks, (s) => Boolean(s.uses?.startsWith('actions/checkout'))).with?.['fetch-depth']).toBe(0);
    expect(step(checks, (s) => Boolean(s.uses?.startsWith('actions/setup-node'))).with).toEqual({ 'node-version': 20, cache: 'npm' });
    expectInOrder(checks, ['npm ci', 'npx warraq lint --format github --changed-since "$BASE_SHA"', 'npm run build']);
    expect(checks.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    const upload = step(checks, (s) => s.uses === 'actions/upload-artifact@v4');
    expect(upload.with?.path).toMatch(/^_site\/?$/);
    expect(String(upload.with?.name)).toMatch(/github\.event\.pull_request\.number/);
    const build = step(checks, (s) => s.run === 'npm run build');
    expect(checks.steps.indexOf(upload)).toBeGreaterThan(checks.steps.indexOf(build));
    // Preview and report even when lint found errors: the build and the steps after it run unless cancelled.
    for (const s of checks.steps.slice(checks.steps.indexOf(build))) expect(s.if).toMatch(/!cancelled\(\)/);
    const summary = step(checks, (s) => Boolean(s.run?.includes('warraq summary')));
    expect(summary.run).toBe('npx warraq summary --changed-since "$BASE_SHA" --preview-url "$PREVIEW_URL" >> "$GITHUB_STEP_SUMMARY"');
    expect(summary.env?.PREVIEW_URL).toBe(`\${{ steps.${upload.id}.outputs.artifact-url }}`);
    expect(uses(checks)).not.toContain('actions/deploy-pages');
    expect(uses(checks)).not.toContain('actions/cache'); // restore only: a pull request never writes the site's cache
  });

  it('runs the full tests unless the pull request changes only articles and media, classified like a push', () => {
    const test = pullRequest.jobs.test!;
    expectInOrder(test, ['npm ci', 'npm test']);
    expect(needsOf(test)).toEqual(['changes']);
    expect(test.if).toBe(workflow.jobs.test!.if);
    expect(evaluate(test.if!, run(true, 'skipped', 'success'))).toBe(false);
    expect(evaluate(test.if!, run(false, 'skipped', 'success'))).toBe(true);
    const classify = step(pullRequest.jobs.changes!, (s) => s.id === 'classify');
    expect(classify.run).toBe(step(workflow.jobs.changes!, (s) => s.id === 'classify').run);
    expect(classify.env?.BEFORE).toBe('${{ github.event.pull_request.base.sha }}');
    expect(needsOf(checks)).toEqual([]); // the annotations and the preview do not wait for the tests
  });

  it('the lint and summary commands work on a real pull request: annotations and a report on the changed articles only', () => {
    const lint = step(checks, (s) => Boolean(s.run?.includes('warraq lint'))).run!;
    const summary = step(checks, (s) => Boolean(s.run?.includes('warraq summary'))).run!;
    const repo = tempRepo('warraq-pr-');
    try {
      for (const d of ['templates', 'public']) cpSync(path.join(REPO, d), path.join(repo.dir, d), { recursive: true });
      symlinkSync(path.join(REPO, 'node_modules'), path.join(repo.dir, 'node_modules'));
      cpSync(path.join(REPO, 'bin'), path.join(repo.dir, 'bin'), { recursive: true });
      symlinkSync(path.join(REPO, 'src'), path.join(repo.dir, 'src'));
      writeFileSync(
        path.join(repo.dir, 'package.json'),
        JSON.stringify({ name: 'warraq', type: 'module', bin: { warraq: 'bin/warraq.js' } }),
      );
      const ok = '---\ntitle: "خبر"\ndate: 2022-12-19T18:30:00+03:00\nsection: سياسة\nauthors: [س]\nsummary: "ملخص."\n---\n\nنص سليم.\n';
      const base = repo.commit({
        'warraq.config.json': JSON.stringify({ sections: ['سياسة'] }),
        'content/2022/12/old.md': ok.replace('section: سياسة\n', ''),
      });
      const damaged = ok
        .replace('"خبر"', '"القمة | تختتم"')
        .replace('section: سياسة', 'section: سياسه')
        .replace('نص سليم.', 'وقالت الوزارة إن القوات تكب دت خسائر كبيرة.');
      repo.commit({ 'content/2022/12/new.md': damaged, 'content/2022/12/fine.md': ok.replace('"خبر"', '"خبر آخر"') });
      const env = {
        ...process.env,
        BASE_SHA: base,
        PREVIEW_URL: 'https://github.com/o/r/actions/runs/1/artifacts/2',
        GITHUB_STEP_SUMMARY: path.join(repo.dir, 'summary.md'),
      };
      // Only the changed articles are linted: the broken one on the base is not this pull request's.
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', lint], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(r.status, r.stderr + r.stdout).toBe(1);
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
      expect(annotations).toEqual([
        '::error file=content/2022/12/new.md,line=4,col=1,title=warraq front-matter::section: "سياسه" is not a known section (fix: did you mean سياسة? (the sections in warraq.config.json))',
        '::error file=content/2022/12/new.md,line=9,col=28,title=warraq split-word::word split where a diacritic was lost (fix: "تكب دت" → "تكبّدت")',
      ]);
      expect(r.stdout).toMatch(/Linted 2 files/);
      const s = spawnSync('bash', ['-eo', 'pipefail', '-c', summary], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(s.status, s.stderr).toBe(0);
      const report = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
      expect(report).toMatch(/^### Warraq: 2 articles changed$/m);
      // The title is the editor's text: its | cannot break the table.
      expect(report).toContain('| القمة \\| تختتم<br>`content/2022/12/new.md` | added | سياسه | 1 | 2 | 0 |');
      expect(report).toContain('| خبر آخر<br>`content/2022/12/fine.md` | added | سياسة | 0 | 0 | 0 |');
      expect(report).toContain('**1** repair the build will make, **2** errors, **0** warnings.');
      expect(report).toContain('[download the built site](https://github.com/o/r/actions/runs/1/artifacts/2)');
    } finally {
      repo.remove();
    }
  });
});

describe("editors' guide", () => {
  it('is linked from the README, links the CMS sign-in page, and names the preview artifact the pull-request workflow uploads', () => {
    expect(readme).toContain('](docs/editors.md)');
    const guide = readFileSync(path.join(REPO, 'docs/editors.md'), 'utf8');
    expect(guide).toContain('](admin.md)');
    const upload = pullRequest.jobs.checks!.steps.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    const prefix = String(upload.with?.name).split('$')[0]!;
    expect(prefix).toBe('site-preview-');
    expect(guide.match(new RegExp(`${prefix}<`, 'g'))?.length).toBeGreaterThanOrEqual(2); // in Arabic and in English
    for (const c of ['warraq new', 'warraq import', 'warraq lint --fix', 'warraq serve', 'warraq admin']) expect(guide).toContain(c);
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
      const git = (...args: string[]) =>
        spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: tmp, encoding: 'utf8' });
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
