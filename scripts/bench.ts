/**
 * `npm run bench [-- --quick | --huge | --sizes 1000,10000 | --runs N | --keep | --no-ref | --worktree]`: builds a synthetic corpus
 * per size with Warraq (cold, warm, one edit, as CI does), bare Eleventy and Hugo as child processes; prints wall and CPU time, peak RSS.
 * `--shards 2,4,8 [--no-single]` instead: per size and N, the N shard builds one after another (each cold) and their assembly, the CI
 * wall time (slowest shard + assembly) against bare Eleventy's cold build, every process's peak RSS, and whether the assembled site is
 * byte for byte the one-machine build's.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { writeCorpus, type CorpusArticle } from './corpus/generate.ts';
import { linkTree } from '../src/link-files.ts';
import { availableCores } from '../src/cores.ts';

const REPO = path.resolve(new URL('..', import.meta.url).pathname);
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    huge: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-ref': { type: 'boolean', default: false },
    worktree: { type: 'boolean', default: false },
    shards: { type: 'string' },
    'no-single': { type: 'boolean', default: false },
  },
});
const shardCounts = args.shards?.split(',').map(Number);
if (shardCounts?.some((n) => !Number.isInteger(n) || n < 1 || n > 64))
  throw new Error(`--shards ${args.shards}: give shard counts from 1 to 64, separated by commas (e.g. --shards 2,4,8)`);
const sizes = args.quick ? [200] : [...(args.sizes ?? '1000,10000').split(',').map(Number), ...(args.huge ? [100_000] : [])];
const runs = Math.max(1, Number(args.runs ?? 1));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const HUGO = findExecutable('hugo');
const base = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'warraq-bench-'));

interface Measure {
  wall: number;
  cpu: number;
  rssMiB: number;
  ok: boolean;
  note?: string | undefined;
  timings?: Record<string, number> | undefined;
}

function findExecutable(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const f = path.join(dir, name);
    if (dir && existsSync(f)) return f;
  }
  return undefined;
}

/** Runs a command as a child under /usr/bin/time; wall and CPU seconds, peak RSS. */
function run(cmd: string, argv: string[], cwd: string, env: Record<string, string> = {}): Measure {
  const started = performance.now();
  const full = TIME ? [TIME, '-f', 'BENCH-TIME %e %U %S %M', cmd, ...argv] : [cmd, ...argv];
  const r = spawnSync(full[0]!, full.slice(1), { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - started) / 1000;
  const m = /BENCH-TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const t = /warraq-timings (\{.*\})/.exec(r.stderr ?? '');
  const ok = r.status === 0;
  if (!ok)
    process.stderr.write(
      `\n${cmd} ${argv.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-3000)}\n${(r.stdout ?? '').slice(-1000)}\n`,
    );
  return {
    wall: m ? Number(m[1]) : wall,
    cpu: m ? Number(m[2]) + Number(m[3]) : NaN,
    rssMiB: m ? Number(m[4]) / 1024 : NaN,
    ok,
    timings: t ? (JSON.parse(t[1]!) as Record<string, number>) : undefined,
  };
}

function median(ms: Measure[]): Measure {
  const sorted = [...ms].sort((a, b) => a.wall - b.wall);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return { ...mid, rssMiB: Math.max(...ms.map((m) => m.rssMiB)), ok: ms.every((m) => m.ok) };
}

/**
 * Waits until the last build's old site is gone: the command line returns once the new site is in
 * place and leaves the old one to a background `rm` (atomic.ts), whose work must not be counted in
 * the next measured build.
 */
function settle(root: string, name = '_site'): void {
  const pending = () => existsSync(root) && readdirSync(root).some((n) => n.startsWith(`${name}.old-`));
  for (let waited = 0; pending() && waited < 60_000; waited += 50) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
}

function repeat(n: number, setup: () => void, f: () => Measure): Measure {
  const out: Measure[] = [];
  for (let i = 0; i < n; i++) {
    setup();
    out.push(f());
  }
  return median(out);
}

/**
 * A copy of the code (src/, bin/, templates/, public/, package files) with node_modules linked and
 * src/ compiled into its dist/ (bin/compile.js, as npm ci does): a stable code version for the whole run. From the last commit (git archive HEAD), so that others'
 * half-saved edits in the working tree cannot break a long run; --worktree copies the working tree.
 */
function snapshotCode(): string {
  const dir = path.join(base, 'code');
  mkdirSync(dir);
  const parts = ['src', 'bin', 'templates', 'public', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].filter(
    (f) => existsSync(path.join(REPO, f)),
  );
  if (args.worktree) {
    for (const f of parts) cpSync(path.join(REPO, f), path.join(dir, f), { recursive: true });
  } else {
    const tar = spawnSync('sh', ['-c', `git -C "$0" archive HEAD ${parts.join(' ')} | tar -x -C "$1"`, REPO, dir], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`git archive failed: ${tar.stderr}`);
  }
  mkdirSync(path.join(dir, 'public'), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  const compiled = spawnSync(process.execPath, [path.join(dir, 'bin', 'compile.js')], { cwd: dir, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`compiling the snapshot failed: ${compiled.stdout}${compiled.stderr}`);
  return dir;
}

/** A plain-text table: the header, a rule, the rows, each column as wide as its widest cell. */
function textTable(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}

function fmtS(m: Measure | undefined): string {
  if (!m) return '—';
  if (!m.ok) return 'FAILED';
  return `${m.wall.toFixed(2)} s (cpu ${m.cpu.toFixed(1)})`;
}
const fmtMiB = (m: Measure | undefined) => (m && m.ok ? `${Math.round(m.rssMiB)} MiB` : '—');
const ratio = (a: Measure | undefined, b: Measure | undefined) => (a?.ok && b?.ok ? `${(a.wall / b.wall).toFixed(2)}×` : '—');

interface Row {
  n: number;
  cold: Measure;
  warm: Measure;
  edit: Measure;
  editVisible: boolean;
  restored: Measure;
  restoredVisible: boolean;
  bare?: Measure | undefined;
  hugo?: Measure | undefined;
}

/** The edit a measured rebuild publishes: a closing paragraph with a marker that must reach its page. */
const withEdit = (original: string, marker: string) => `${original}\nأضاف المحرر هذه الفقرة في التحديث رقم ${marker} بعد نشر الخبر.\n`;
const shows = (page: string, marker: string) => existsSync(page) && readFileSync(page, 'utf8').includes(marker);

/** A project of `n` synthetic articles with the snapshot's templates and public files; Node's heap flags for its builds. */
function makeCorpus(code: string, n: number): { root: string; articles: CorpusArticle[]; heap: string[] } {
  const root = path.join(base, `warraq-${n}`);
  process.stderr.write(`\n[${n}] generating corpus… `);
  const t0 = performance.now();
  const articles: CorpusArticle[] = writeCorpus(root, { count: n });
  process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  cpSync(path.join(code, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(code, 'public'), path.join(root, 'public'), { recursive: true });
  return { root, articles, heap: n >= 50_000 ? ['--max-old-space-size=4096'] : [] };
}

/** `warraq build` of the project at `root` (after the last one's old site is gone), and a cold start for it. */
function warraqBuilder(code: string, root: string, heap: string[]): { warraq: () => Measure; clean: () => void } {
  return {
    warraq: () => {
      settle(root);
      return run(process.execPath, [...heap, path.join(code, 'bin/warraq.js'), 'build', '--root', root], root, { WARRAQ_TIMINGS: '1' });
    },
    clean: () => {
      rmSync(path.join(root, '.cache'), { recursive: true, force: true });
      rmSync(path.join(root, '_site'), { recursive: true, force: true });
    },
  };
}

/** Bare Eleventy's cold build of the same Markdown files (hard links), with its own layout and paginated index. */
function bareEleventy(root: string, n: number, heap: string[]): Measure {
  const bareRoot = path.join(base, `bare-${n}`);
  cpSync(path.join(REPO, 'scripts/bare-eleventy'), bareRoot, { recursive: true });
  linkTree(path.join(root, 'content'), path.join(bareRoot, 'posts'));
  cpSync(path.join(bareRoot, 'posts.11tydata.json'), path.join(bareRoot, 'posts', 'posts.11tydata.json'));
  rmSync(path.join(bareRoot, 'posts.11tydata.json'));
  const eleventyCmd = path.join(REPO, 'node_modules/@11ty/eleventy/cmd.cjs');
  process.stderr.write(`[${n}] bare eleventy cold… `);
  const bare = repeat(
    runs,
    () => rmSync(path.join(bareRoot, '_site'), { recursive: true, force: true }),
    () => run(process.execPath, [...heap, eleventyCmd, '--config=eleventy.config.mjs', '--quiet'], bareRoot),
  );
  process.stderr.write(`${fmtS(bare)}\n`);
  rmSync(bareRoot, { recursive: true, force: true });
  return bare;
}

function benchSize(code: string, n: number): Row {
  const { root, articles, heap } = makeCorpus(code, n);
  const { warraq, clean } = warraqBuilder(code, root, heap);

  process.stderr.write(`[${n}] warraq cold… `);
  const cold = repeat(runs, clean, warraq);
  process.stderr.write(`${fmtS(cold)} ${JSON.stringify(cold.timings)}\n`);
  if (!cold.ok) throw new Error(`Warraq's cold build of ${n} articles failed (output above)`);
  process.stderr.write(`[${n}] warraq warm, no change… `);
  const warm = repeat(runs, () => {}, warraq);
  process.stderr.write(`${fmtS(warm)} ${JSON.stringify(warm.timings)}\n[${n}] warraq warm, one article edited… `);
  // Edit the article in the middle (withEdit).
  const victim = articles[Math.floor(articles.length / 2)]!;
  const victimFile = path.join(root, victim.file);
  const original = readFileSync(victimFile, 'utf8');
  let marker = '';
  let edition = 0;
  const edit = repeat(
    runs,
    () => {
      marker = `${70000 + ++edition}`;
      writeFileSync(victimFile, withEdit(original, marker));
    },
    warraq,
  );
  const page = path.join(root, '_site', victim.file.replace(/^content\//, '').replace(/\.md$/, ''), 'index.html');
  const editVisible = shows(page, marker);
  process.stderr.write(`${fmtS(edit)} ${JSON.stringify(edit.timings)}${editVisible ? '' : ' (EDIT NOT IN OUTPUT!)'}\n`);
  writeFileSync(victimFile, original);

  let bare: Measure | undefined;
  let hugo: Measure | undefined;
  if (!args['no-ref']) {
    bare = bareEleventy(root, n, heap);
    if (HUGO) {
      const hugoRoot = path.join(base, `hugo-${n}`);
      cpSync(path.join(REPO, 'scripts/hugo-site'), hugoRoot, { recursive: true });
      linkTree(path.join(root, 'content'), path.join(hugoRoot, 'content'));
      process.stderr.write(`[${n}] hugo cold… `);
      hugo = repeat(
        runs,
        () => rmSync(path.join(hugoRoot, 'public'), { recursive: true, force: true }),
        () => run(HUGO, ['--quiet', '-s', hugoRoot, '-d', path.join(hugoRoot, 'public')], hugoRoot),
      );
      process.stderr.write(`${fmtS(hugo)}\n`);
      rmSync(hugoRoot, { recursive: true, force: true });
    }
  }
  const { restored, restoredVisible } = restoredCheckout(root, victimFile, page, warraq);
  if (!args.keep) rmSync(root, { recursive: true, force: true });
  return { n, cold, warm, edit, editVisible, restored, restoredVisible, bare, hugo };
}

/**
 * The publishing workflow's build (.github/workflows/publish.yml): its runner checks out a new clone
 * at the same path and restores `.cache/` and `_site/` from a tar (actions/cache), and the push
 * being published edited one article. Each run starts from the same archive of the last build.
 */
function restoredCheckout(
  root: string,
  victimFile: string,
  page: string,
  warraq: () => Measure,
): { restored: Measure; restoredVisible: boolean } {
  const archive = `${root}.tar`;
  const tar = (argv: string[]) => {
    const r = spawnSync('tar', argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tar ${argv.join(' ')} failed: ${r.stderr}`);
  };
  // The last build's old site, still being removed in the background, shares its files with .cache/ (hard links): wait for it, or
  // tar sees their link counts change as it reads them.
  settle(root);
  tar(['--posix', '-cf', archive, '-C', root, '.cache', '_site']);
  const original = readFileSync(victimFile, 'utf8');
  let marker = '';
  let edition = 0;
  process.stderr.write(`[${path.basename(root)}] warraq, new checkout with .cache/ and _site/ restored, one article edited… `);
  const restored = repeat(
    runs,
    () => {
      settle(root);
      for (const d of ['.cache', '_site']) rmSync(path.join(root, d), { recursive: true, force: true });
      // A clone writes every file anew: new inodes and times.
      for (const d of ['content', 'templates', 'public']) {
        cpSync(path.join(root, d), path.join(root, `${d}.clone`), { recursive: true });
        rmSync(path.join(root, d), { recursive: true, force: true });
        renameSync(path.join(root, `${d}.clone`), path.join(root, d));
      }
      tar(['-xf', archive, '-C', root]);
      marker = `${80000 + ++edition}`;
      writeFileSync(victimFile, withEdit(original, marker));
    },
    warraq,
  );
  const restoredVisible = shows(page, marker);
  process.stderr.write(`${fmtS(restored)} ${JSON.stringify(restored.timings)}${restoredVisible ? '' : ' (EDIT NOT IN OUTPUT!)'}\n`);
  rmSync(archive, { force: true });
  writeFileSync(victimFile, original);
  return { restored, restoredVisible };
}

/** The sha256 of every file under `dir`, by path relative to it. */
function treeDigests(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else
        out.set(
          child,
          createHash('sha256')
            .update(readFileSync(path.join(dir, child)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}

/** File-by-file comparison of two built sites: "identical (N files)", or what differs. */
function compareSites(single: string, assembled: string): { same: boolean; summary: string } {
  const a = treeDigests(single);
  const b = treeDigests(assembled);
  const differ = [...a].filter(([f, h]) => b.has(f) && b.get(f) !== h).map(([f]) => f);
  const onlySingle = [...a.keys()].filter((f) => !b.has(f));
  const onlyAssembled = [...b.keys()].filter((f) => !a.has(f));
  if (!differ.length && !onlySingle.length && !onlyAssembled.length) return { same: true, summary: `identical (${a.size} files)` };
  const some = (files: string[]) => files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : '');
  return {
    same: false,
    summary: [
      differ.length ? `${differ.length} files differ (${some(differ)})` : '',
      onlySingle.length ? `${onlySingle.length} only in the one-machine build (${some(onlySingle)})` : '',
      onlyAssembled.length ? `${onlyAssembled.length} only in the assembled one (${some(onlyAssembled)})` : '',
    ]
      .filter(Boolean)
      .join('; '),
  };
}

interface ShardRun {
  shards: number;
  each: Measure[];
  assembly: Measure;
  /** What the workflow waits for: the slowest shard, then the assembly (GitHub's per-job cost left out). */
  ciWall: Measure;
  comparison?: { same: boolean; summary: string } | undefined;
}

interface ShardRow {
  n: number;
  single?: Measure | undefined;
  bare?: Measure | undefined;
  runs: ShardRun[];
}

/**
 * The publishing workflow's sharded build, on this machine: for each N, `warraq build --shard K/N` for K = 1..N one after another,
 * each cold (no .cache/, as on a runner without a cache; the decoded lexicon in node_modules/.cache is kept, as in every cold build
 * here), then `warraq build --assemble` of the N folders; the assembled site compared with the one-machine cold build of the same run.
 */
function benchShards(code: string, n: number, counts: number[]): ShardRow {
  const { root, heap } = makeCorpus(code, n);
  const { warraq, clean } = warraqBuilder(code, root, heap);
  const cli = path.join(code, 'bin/warraq.js');
  let single: Measure | undefined;
  if (!args['no-single']) {
    process.stderr.write(`[${n}] warraq cold, one machine… `);
    single = repeat(runs, clean, warraq);
    process.stderr.write(`${fmtS(single)} ${fmtMiB(single)}\n`);
  }
  const bare = args['no-ref'] ? undefined : bareEleventy(root, n, heap);
  const shardRuns: ShardRun[] = [];
  for (const count of counts) {
    const folder = path.join(base, `shards-${n}-of-${count}`);
    const site = path.join(base, `assembled-${n}-of-${count}`);
    const dirs = Array.from({ length: count }, (_, i) => path.join(folder, String(i + 1)));
    const each: Measure[] = [];
    for (let k = 1; k <= count; k++) {
      process.stderr.write(`[${n}] warraq build --shard ${k}/${count}, cold… `);
      const m = repeat(
        runs,
        () => {
          rmSync(path.join(root, '.cache'), { recursive: true, force: true });
          rmSync(dirs[k - 1]!, { recursive: true, force: true });
          settle(folder, String(k));
        },
        () => run(process.execPath, [...heap, cli, 'build', '--root', root, '--shard', `${k}/${count}`, '--out', dirs[k - 1]!], root),
      );
      process.stderr.write(`${fmtS(m)} ${fmtMiB(m)}\n`);
      each.push(m);
      if (!m.ok) break;
    }
    let assembly: Measure = { wall: NaN, cpu: NaN, rssMiB: NaN, ok: false, note: 'not run: a shard failed' };
    if (each.length === count && each.every((m) => m.ok)) {
      process.stderr.write(`[${n}] warraq build --assemble (${count} folders)… `);
      assembly = repeat(
        runs,
        () => {
          rmSync(site, { recursive: true, force: true });
          settle(path.dirname(site), path.basename(site));
        },
        () => run(process.execPath, [...heap, cli, 'build', '--root', root, '--assemble', ...dirs, '--out', site], root),
      );
      process.stderr.write(`${fmtS(assembly)} ${fmtMiB(assembly)}\n`);
    }
    const slowest = each.reduce((a, b) => (b.wall > a.wall ? b : a), each[0]!);
    const all = [...each, assembly];
    const ciWall: Measure = {
      wall: slowest.wall + assembly.wall,
      cpu: all.reduce((sum, m) => sum + m.cpu, 0),
      rssMiB: Math.max(...all.map((m) => m.rssMiB)),
      ok: all.every((m) => m.ok),
    };
    let comparison: ShardRun['comparison'];
    if (single?.ok && assembly.ok) {
      comparison = compareSites(path.join(root, '_site'), site);
      process.stderr.write(`[${n}] N = ${count}: the assembled site against the one-machine build: ${comparison.summary}\n`);
    }
    shardRuns.push({ shards: count, each, assembly, ciWall, comparison });
    if (!args.keep) rmSync(folder, { recursive: true, force: true });
    if (!args.keep) rmSync(site, { recursive: true, force: true });
  }
  if (!args.keep) rmSync(root, { recursive: true, force: true });
  return { n, single, bare, runs: shardRuns };
}

/** The report of `--shards`: a line per size and N, then every process's time and peak RSS. */
function shardReport(rows: ShardRow[]): string[] {
  const lines: string[] = [];
  lines.push('sharded builds: the shards run one after another here, each cold, as N runners would run them at once');
  lines.push(
    'CI wall = slowest shard + assembly (GitHub starting the jobs, checkout, npm ci and the artifacts not counted); cpu = all processes',
  );
  lines.push('');
  const head = [
    'articles',
    'N',
    'slowest shard',
    'assembly',
    'CI wall (cpu of all)',
    'bare eleventy cold',
    'CI wall / eleventy',
    'one machine cold',
    'largest peak RSS',
    'same bytes as one machine',
  ];
  const table = rows.flatMap((r) =>
    r.runs.map((s) => {
      const slowest = s.each.reduce((a, b) => (b.wall > a.wall ? b : a), s.each[0]!);
      return [
        r.n.toLocaleString('en'),
        String(s.shards),
        `${fmtS(slowest)} (${s.each.indexOf(slowest) + 1}/${s.shards})`,
        fmtS(s.assembly),
        fmtS(s.ciWall),
        r.bare ? `${fmtS(r.bare)} ${fmtMiB(r.bare)}` : '—',
        ratio(s.ciWall, r.bare),
        r.single ? `${fmtS(r.single)} ${fmtMiB(r.single)}` : 'not built',
        fmtMiB(s.ciWall),
        s.comparison ? (s.comparison.same ? 'yes' : 'NO') : 'not compared',
      ];
    }),
  );
  lines.push(...textTable(head, table));
  lines.push('');
  for (const r of rows)
    for (const s of r.runs) {
      const processes = s.each.map((m, i) => `shard ${i + 1}/${s.shards} ${fmtS(m)} ${fmtMiB(m)}`);
      processes.push(`assembly ${s.assembly.note ?? `${fmtS(s.assembly)} ${fmtMiB(s.assembly)}`}`);
      lines.push(`${r.n.toLocaleString('en')}, N = ${s.shards}: ${processes.join('; ')}; largest peak RSS ${fmtMiB(s.ciWall)}`);
      if (s.comparison) lines.push(`  assembled site against the one-machine build: ${s.comparison.summary}`);
    }
  return lines;
}

/**
 * Normalizer throughput: MB (UTF-8) of article bodies per second, lexicon loaded first (timed
 * apart). Measured over ~20 MB of bodies, after a warm-up on 200 others, the way a build meets
 * them: each body once, the site's evidence counted beforehand. Best of `runs` passes, each in
 * the same process on the same bodies (the normalizer's lexicon memo is warm after the first).
 */
async function normalizerThroughput(code: string): Promise<{ mbPerS: number; firstPassMbPerS: number; lexiconS: number; mb: number }> {
  const from = (f: string) => pathToFileURL(path.join(code, f)).href;
  const { normalize } = (await import(from('src/text/normalize.ts'))) as typeof import('../src/text/normalize.ts');
  const { loadLexicon } = (await import(from('src/store/lexicon.ts'))) as typeof import('../src/store/lexicon.ts');
  const { WordCounts } = (await import(from('src/text/evidence.ts'))) as typeof import('../src/text/evidence.ts');
  const { generateCorpus } = await import('./corpus/generate.ts');
  const t0 = performance.now();
  const lexicon = loadLexicon();
  const lexiconS = (performance.now() - t0) / 1000;
  const all = [...generateCorpus({ count: 2_400 })].map((a) => a.text.slice(a.text.indexOf('\n---\n') + 5));
  const warmUp = all.slice(0, 200);
  const bodies = all.slice(200);
  const evidence = new WordCounts();
  for (const b of all) evidence.add(b);
  const options = { lexicon: () => lexicon, evidence };
  for (const b of warmUp) normalize(b, options);
  const bytes = bodies.reduce((s, b) => s + Buffer.byteLength(b), 0);
  const rates: number[] = [];
  for (let r = 0; r < Math.max(runs, 2); r++) {
    const t1 = performance.now();
    for (const b of bodies) normalize(b, options);
    rates.push(bytes / 1e6 / ((performance.now() - t1) / 1000));
  }
  return { mbPerS: Math.max(...rates.slice(1)), firstPassMbPerS: rates[0]!, lexiconS, mb: bytes / 1e6 };
}

async function main() {
  const cores = availableCores();
  process.stderr.write(`bench folder ${base}; ${cores} cores; runs ${runs}; hugo ${HUGO ?? 'not installed (skipped)'}\n`);
  const code = snapshotCode();
  const rows: Row[] = [];
  if (shardCounts) {
    try {
      const shardRows = sizes.map((n) => benchShards(code, n, shardCounts));
      const load = os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ');
      const lines = [
        `Warraq sharded build benchmark — ${cores} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, median of ${runs}, load avg ${load}`,
        'times are wall clock (cpu = user+sys seconds of the process and its children); RSS = peak of the process',
        ...shardReport(shardRows),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      if (shardRows.some((r) => r.runs.some((s) => !s.ciWall.ok || s.comparison?.same === false))) process.exitCode = 1;
    } finally {
      if (!args.keep) rmSync(base, { recursive: true, force: true });
      else process.stderr.write(`kept ${base}\n`);
    }
    return;
  }
  try {
    for (const n of sizes) rows.push(benchSize(code, n));
    const norm = await normalizerThroughput(code);
    const load = os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    const lines: string[] = [];
    lines.push(
      `Warraq benchmark — ${cores} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${base.startsWith('/dev/shm') ? 'tmpfs' : 'tmpdir'}, median of ${runs}, load avg ${load}`,
    );
    lines.push('times are wall clock (cpu = user+sys seconds of the build and its children); RSS = peak of the build process');
    lines.push('');
    const head = [
      'articles',
      'warraq cold',
      'warm, no change',
      'warm, 1 edit',
      'checkout + cache, 1 edit',
      'warraq peak RSS',
      'bare eleventy cold',
      'hugo cold',
      'cold / eleventy',
      'edit / hugo',
    ];
    const table = rows.map((r) => [
      r.n.toLocaleString('en'),
      fmtS(r.cold),
      fmtS(r.warm),
      fmtS(r.edit) + (r.editVisible ? '' : ' STALE!'),
      fmtS(r.restored) + (r.restoredVisible ? '' : ' STALE!'),
      fmtMiB(r.cold),
      r.bare ? `${fmtS(r.bare)} ${fmtMiB(r.bare)}` : '—',
      r.hugo ? `${fmtS(r.hugo)} ${fmtMiB(r.hugo)}` : HUGO ? '—' : 'no hugo',
      ratio(r.cold, r.bare),
      ratio(r.edit, r.hugo),
    ]);
    lines.push(...textTable(head, table));
    lines.push('');
    for (const r of rows) {
      const t = (m: Measure) =>
        m.timings
          ? `prepare ${(m.timings.prepareMs! / 1000).toFixed(1)} s (${m.timings.prepared} prepared, ${m.timings.cached} cached), site ${(m.timings.siteMs! / 1000).toFixed(1)} s${m.timings.unchanged ? ' (nothing changed: site stage skipped)' : ` (Eleventy ${(m.timings.eleventyMs! / 1000).toFixed(1)} s, Pagefind ${(m.timings.searchMs! / 1000).toFixed(1)} s beside it, ${((m.timings.searchWaitMs ?? 0) / 1000).toFixed(1)} s waited for, ${m.timings.pagesReused ?? 0} pages reused, ${m.timings.searchYearsReused ?? 0} years' index reused)`}`
          : '';
      lines.push(
        `${r.n}: cold: ${t(r.cold)}; warm: ${t(r.warm)}; 1 edit: ${t(r.edit)}; new checkout with the cache restored, 1 edit: ${t(r.restored)}; warm RSS ${fmtMiB(r.warm)}, edit RSS ${fmtMiB(r.edit)}`,
      );
    }
    lines.push(
      `normalizer: ${norm.firstPassMbPerS.toFixed(1)} MB/s on first sight of ${norm.mb.toFixed(1)} MB of Arabic article bodies (2,200 articles, after a 200-article warm-up), ${norm.mbPerS.toFixed(1)} MB/s on later passes; lexicon loaded beforehand in ${norm.lexiconS.toFixed(2)} s`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (!args.keep) rmSync(base, { recursive: true, force: true });
    else process.stderr.write(`kept ${base}\n`);
  }
}

await main();
