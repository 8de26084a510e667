/**
 * The thread of build-thread.ts: names Warraq's source folder and digest as bin/warraq.js does (source-root.ts reads them when it
 * loads, so the build is loaded after), runs build() and posts its progress, then its summary or failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ContentError } from '../content/errors.ts';
import type { BuildThreadData, BuildThreadMessage } from './build-thread.ts';

const { options, source } = workerData as BuildThreadData;
(globalThis as Record<symbol, BuildThreadData['source']>)[Symbol.for('warraq.source')] = source;
const { build } = await import('./build.ts');
const post = (m: BuildThreadMessage) => parentPort!.postMessage(m);
try {
  post({ summary: await build({ ...options, progress: (done, total) => post({ progress: [done, total] }) }) });
} catch (error) {
  post({
    failed:
      error instanceof ContentError ? { problems: error.problems } : { message: (error as Error).message, stack: (error as Error).stack },
  });
}
