/**
 * Sharded builds: a shard's output folder keeps its own pages and search chunks (shard 1 also the files of the whole site) and a
 * `warraq-shard.json` naming the shard and the digest of its inputs; `assemble` checks that folders are shards 1…n of the same inputs
 * and merges them, each file from exactly one shard, into the output folder, replaced only when all succeeded.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { linkOrCopy } from '../link-files.ts';
import type { ShardPlan } from '../site/shards.ts';
import type { WrittenPage } from '../site/page-reuse.ts';
import { writeAtomically } from './swap.ts';

export const SHARD_FILE = 'warraq-shard.json';
const FORMAT = 'warraq-shard-1';

const shardFile = z.strictObject({
  format: z.literal(FORMAT),
  shard: z.number().int().min(1),
  of: z.number().int().min(1),
  /** Digest of everything the site is built from (articles, templates, public files, configuration, code). */
  inputs: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.number().int().min(0),
});
export type ShardFile = z.infer<typeof shardFile>;

/**
 * Leaves in a shard's finished output only what it owns: for shard k > 1, the pages of its plan and its search chunks (every shard
 * writes the site's other files with the same bytes: shard 1 keeps them). Writes the shard file; returns how many files it keeps.
 */
export function finishShard(dir: string, plan: ShardPlan, inputs: string, written: readonly WrittenPage[]): number {
  if (plan.k > 1) {
    const urls = new Set([...plan.pages.articles, ...plan.pages.home, ...plan.pages.listingPages].map((p) => p.url));
    const keep = new Set<string>();
    for (const page of written) if (urls.has(String(page.url))) keep.add(path.resolve(String(page.outputPath)));
    for (const chunk of plan.chunks) keep.add(path.join(path.resolve(dir), 'pagefind', chunk));
    prune(path.resolve(dir), keep);
  }
  const files = countFiles(dir);
  const record: ShardFile = { format: FORMAT, shard: plan.k, of: plan.n, inputs, files };
  writeFileSync(path.join(dir, SHARD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return files;
}

export interface AssembleSummary {
  shards: number;
  files: number;
  ms: number;
  outDir: string;
}

/** Merges shard folders 1…n of one build into `outDir` (atomically); throws, naming the folder, when they are not that. */
export async function assemble(shardDirs: readonly string[], outDir: string): Promise<AssembleSummary> {
  const started = performance.now();
  if (shardDirs.length === 0) throw new Error('no shard folders given: pass the folders `warraq build --shard K/N --out DIR` wrote');
  const shards = shardDirs.map((dir) => ({ dir: path.resolve(dir), record: readShardFile(dir) }));
  const n = shards[0]!.record.of;
  const inputs = shards[0]!.record.inputs;
  for (const { dir, record } of shards) {
    if (record.of !== n || record.inputs !== inputs)
      throw new Error(
        `${dir} is shard ${record.shard}/${record.of} of other inputs than ${shards[0]!.dir} (shard ${shards[0]!.record.shard}/${n}): build every shard from the same commit`,
      );
  }
  const seen = new Map<number, string>();
  for (const { dir, record } of shards) {
    const other = seen.get(record.shard);
    if (other) throw new Error(`${dir} and ${other} are both shard ${record.shard}/${n}`);
    seen.set(record.shard, dir);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`shard ${missing.join(', ')} of ${n} missing: every shard's folder is needed`);
  let files = 0;
  await writeAtomically(path.resolve(outDir), async (tmp) => {
    for (const { dir } of [...shards].sort((a, b) => a.record.shard - b.record.shard)) files += merge(dir, tmp, dir);
  });
  return { shards: n, files, ms: Math.round(performance.now() - started), outDir: path.resolve(outDir) };
}

function readShardFile(dir: string): ShardFile {
  const file = path.join(dir, SHARD_FILE);
  if (!existsSync(file))
    throw new Error(`${dir} is not a shard's output (no ${SHARD_FILE}): make it with warraq build --shard K/N --out ${dir}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}): build that shard again`);
  }
  const parsed = shardFile.safeParse(json);
  if (!parsed.success || parsed.data.shard > parsed.data.of)
    throw new Error(`${file}: not a shard file of this Warraq version: build that shard again`);
  return parsed.data;
}

/** Links (or copies) the files under `from` into `to`, apart from the shard file; a file already there is an error. Returns the count. */
function merge(from: string, to: string, shardDir: string, top = true): number {
  let count = 0;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (top && e.name === SHARD_FILE) continue;
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) {
      mkdirSync(b, { recursive: true });
      count += merge(a, b, shardDir, false);
    } else {
      try {
        linkOrCopy(a, b);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new Error(`${path.relative(shardDir, a)} is in two shards' output (the second: ${shardDir}): the shards overlap`);
        throw error;
      }
      count++;
    }
  }
  return count;
}

/** Removes every file under `dir` that is neither in `keep` nor under a folder in `keep`, and the folders left empty. */
function prune(dir: string, keep: ReadonlySet<string>): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (keep.has(full)) {
      empty = false;
      continue;
    }
    if (e.isDirectory()) {
      if (prune(full, keep)) rmSync(full, { recursive: true, force: true });
      else empty = false;
    } else rmSync(full, { force: true });
  }
  return empty;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}
