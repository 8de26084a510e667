/**
 * The command line's build, on a thread of its own whose young generation is sized for an archive's bookkeeping (BUILD_YOUNG_MB):
 * everything else as build.ts does it. Progress, the summary and a failure (the content problems, or the error's message) come back
 * as messages; the thread ends when the build's own work has (a removal left to the background included).
 */
import { Worker } from 'node:worker_threads';
import { ContentError } from '../content/errors.ts';
import { SOURCE_ROOT, sourceDigestOfRoot } from '../source-root.ts';
import { workerUrl } from '../worker-url.ts';
import type { BuildOptions, BuildSummary } from './build.ts';

/**
 * The build thread's young generation: V8's default (16 MB semi-spaces) copies the heads, listings and page index a rebuild of a
 * large archive holds until the end again and again (docs/performance.md, the young generation). The prepare workers keep V8's.
 */
export const BUILD_YOUNG_MB = 192;

/** What build-worker.ts is given: the options (no functions) and Warraq's source folder with its digest (source-root.ts). */
export interface BuildThreadData {
  options: Omit<BuildOptions, 'progress' | 'onCommitStep' | 'config'>;
  source: { root: string; digest: string };
}

/** What build-worker.ts posts. */
export type BuildThreadMessage =
  | { progress: [done: number, total: number] }
  | { summary: BuildSummary }
  | { failed: { problems: ContentError['problems'] } | { message: string; stack?: string | undefined } };

export function buildInThread(options: BuildThreadData['options'] & Pick<BuildOptions, 'progress'>): Promise<BuildSummary> {
  const { progress, ...rest } = options;
  // (the digest computed once, by this thread: bin/warraq.js's, or this process's when it did not run)
  const data: BuildThreadData = { options: rest, source: { root: SOURCE_ROOT, digest: sourceDigestOfRoot() } };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(import.meta.url, 'build-worker'), {
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
