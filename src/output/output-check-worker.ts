/**
 * Worker thread of output-check.ts: reads the stamp (without its page index), walks the output against its manifest and posts the
 * verdict with the stamp file's identity taken before reading it; nothing when there is no stamp of this output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { outputIntact, readStamp, stampIdentity } from '../store/stamp.ts';
import type { OutputCheck } from './output-check.ts';

const { cacheRoot, outDir } = workerData as { cacheRoot: string; outDir: string };
const identity = stampIdentity(cacheRoot);
const stamp = identity === undefined ? undefined : readStamp(cacheRoot, { pageIndex: false });
const verdict: OutputCheck | undefined =
  identity !== undefined && stamp?.outDir === outDir ? { stamp: identity, intact: outputIntact(stamp) } : undefined;
parentPort!.postMessage(verdict);
