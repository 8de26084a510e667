/**
 * The thread of build-thread.ts: takes the source folder and digest bin/warraq.js found (source-root.ts reads them when it loads,
 * so the build is loaded after), runs build() and posts its progress, then its summary or failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildThreadData, BuildThreadMessage } from './build-thread.ts';

const { options, source } = workerData as BuildThreadData;
if (source) (globalThis as Record<symbol, BuildThreadData['source']>)[Symbol.for('warraq.source')] = source;
const { build } = await import('./build.ts');
const { ContentError } = await import('../content/errors.ts');
const post = (m: BuildThreadMessage) => parentPort!.postMessage(m);
try {
  post({ summary: await build({ ...options, progress: (done, total) => post({ progress: [done, total] }) }) });
} catch (error) {
  post({
    failed:
      error instanceof ContentError ? { problems: error.problems } : { message: (error as Error).message, stack: (error as Error).stack },
  });
}
