/**
 * The command line's build, on a thread of its own whose young generation is sized for an archive's bookkeeping (BUILD_YOUNG_MB):
 * everything else as build.ts does it. Progress, the summary and a failure (the content problems, or the error's message) come back
 * as messages; the thread ends when the build's own work has (a removal left to the background included).
 */
import { Worker } from 'node:worker_threads';
import { ContentError } from '../content/errors.ts';
import type { BuildOptions, BuildSummary } from './build.ts';

/**
 * The build thread's young generation: V8's default (16 MB semi-spaces) copies the heads, listings and page index a rebuild of a
 * large archive holds until the end again and again (docs/performance.md, the young generation). The prepare workers keep V8's.
 */
export const BUILD_YOUNG_MB = 192;

/** What build-worker.ts is given: the options (no functions) and the source folder and digest bin/warraq.js found, if it ran. */
export interface BuildThreadData {
  options: Omit<BuildOptions, 'progress' | 'onCommitStep' | 'config'>;
  source: { root: string; digest: string } | undefined;
}

/** What build-worker.ts posts. */
export type BuildThreadMessage =
  | { progress: [done: number, total: number] }
  | { summary: BuildSummary }
  | { failed: { problems: ContentError['problems'] } | { message: string; stack?: string | undefined } };

export function buildInThread(options: BuildThreadData['options'] & Pick<BuildOptions, 'progress'>): Promise<BuildSummary> {
  const { progress, ...rest } = options;
  const data: BuildThreadData = {
    options: rest,
    source: (globalThis as Record<symbol, BuildThreadData['source']>)[Symbol.for('warraq.source')],
  };
  // compiled (dist/): the worker's JavaScript beside this file; from src/: the one that registers the TypeScript loader first
  const file = import.meta.url.endsWith('.js') ? './build-worker.js' : './build-worker.mjs';
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(file, import.meta.url), {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: BUILD_YOUNG_MB },
    });
    let outcome: { summary: BuildSummary } | { error: Error } | undefined;
    worker.on('message', (m: BuildThreadMessage) => {
      if ('progress' in m) progress?.(...m.progress);
      else if ('summary' in m) outcome = { summary: m.summary };
      else if ('problems' in m.failed) outcome = { error: new ContentError(m.failed.problems) };
      else outcome = { error: Object.assign(new Error(m.failed.message), { stack: m.failed.stack }) };
    });
    worker.on('error', (error) => (outcome ??= { error }));
    worker.on('exit', (code) => {
      if (outcome && 'summary' in outcome) resolve(outcome.summary);
      else reject(outcome?.error ?? new Error(`the build's thread stopped (exit code ${code}) before it finished`));
    });
  });
}
