/**
 * Every article prepared the way `warraq build` does it: scan and check the cache (site-scan.ts), then prepare the misses in this thread
 * when they are few, or in batches on a pool of worker threads (prepare-worker.ts) when there are many.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WarraqConfig } from '../config.ts';
import { availableCores } from '../cores.ts';
import { SOURCE_ROOT } from '../source-root.ts';
import {
  cacheEnabled,
  checkCached,
  finish,
  scan,
  sourceText,
  type PrepareOptions,
  type PrepareSiteResult,
  type Scan,
  type Slot,
} from './site-scan.ts';
import type { PreparedEntry } from './prepare-task.ts';
import { headKey } from '../store/prepared-cache.ts';

export type { PrepareOptions, PrepareSiteResult, Progress } from './site-scan.ts';

/** Below this many uncached articles, starting workers costs more than it saves. */
const POOL_THRESHOLD = 64;
const BATCH = 16;
/** Batches sent to each worker ahead of its results. */
const BATCHES_IN_FLIGHT = 4;

/** Stages 1–5, with uncached articles prepared by a pool of worker threads when there are many. */
export async function prepareSiteParallel(root: string, config: WarraqConfig, options: PrepareOptions = {}): Promise<PrepareSiteResult> {
  const s = scan(root, config, cacheEnabled(options), options.seen);
  const misses = checkCached(s, Boolean(options.heads));
  await prepareSlots(root, s, misses, options, Boolean(options.heads));
  const bodies = options.heads ? (slots: Slot[]) => prepareSlots(root, s, slots, { workers: options.workers }, false) : undefined;
  return finish(root, config, s, misses.length, options.deferCacheSave, bodies);
}

/** Prepares the given slots (in full, or `heads` only), in this thread when they are few, else on a pool of worker threads. */
async function prepareSlots(root: string, s: Scan, misses: Slot[], options: PrepareOptions, heads: boolean): Promise<void> {
  const cores = availableCores();
  const workers = Math.min(options.workers ?? (misses.length >= POOL_THRESHOLD ? cores : 0), Math.ceil(misses.length / BATCH));
  if (workers <= 1) {
    // The Markdown and normalizer code is loaded only when something is to be prepared (half a
    // second of start-up from dist/, a second through tsx, that a build finding every
    // article in the cache never pays).
    if (misses.length > 0) (await import('./prepare-in-thread.ts')).prepareInThread(root, s, misses, options.progress, heads);
    return;
  }
  const total = s.slots.length;
  let done = total - misses.length;
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    // compiled (dist/, bin/warraq.js): the worker's JavaScript beside this file; from src/: the
    // worker that registers the TypeScript loader in its thread first
    filename: import.meta.url.endsWith('.js')
      ? new URL('./prepare-worker.js', import.meta.url).href
      : pathToFileURL(path.join(SOURCE_ROOT, 'prepare', 'prepare-worker.mjs')).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    workerData: { evidence: s.counts, normalizeConfig: s.normalizeConfig },
  });
  try {
    // A few batches per worker in flight, each article's text read when its batch is sent: all of them queued at once held every
    // article's text until a worker took it (docs/archives.md, memory per article).
    let next = 0;
    const lane = async () => {
      while (next < misses.length) {
        const batch = misses.slice(next, (next += BATCH));
        const items = batch.map((slot) => ({
          file: slot.file,
          source: sourceText(root, slot.file),
          key: slot.key,
          entryPath: s.cache?.pathOf(heads ? headKey(slot.key) : slot.key),
          head: heads,
        }));
        const { entries } = (await pool.run({ items })) as {
          entries: Array<{ json: string; lookups: Uint8Array; size: number; html: string | undefined }>;
        };
        entries.forEach(({ json, lookups, size, html }, k) => {
          const slot = batch[k]!;
          slot.entry = JSON.parse(json) as PreparedEntry;
          slot.headOnly = heads;
          slot.head = { json: Buffer.from(json), lookups: Buffer.from(lookups.buffer, lookups.byteOffset, lookups.byteLength), size };
          slot.html = heads ? undefined : html;
        });
        done += batch.length;
        options.progress?.(done, total);
      }
    };
    await Promise.all(Array.from({ length: workers * BATCHES_IN_FLIGHT }, lane));
  } finally {
    await pool.destroy();
  }
}
