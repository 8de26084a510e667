/**
 * The check that the last output is as its stamp says (store/stamp.ts outputIntact), run in a worker thread while this thread
 * prepares the articles. Resolves to the verdict and the identity of the stamp file it was made against, or undefined when the
 * thread could not make it (the build then checks in this thread).
 */
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../worker-url.ts';

export interface OutputCheck {
  /** stampIdentity() of the stamp the output was checked against. */
  stamp: string;
  intact: boolean;
}

export function checkOutputBeside(cacheRoot: string, outDir: string): Promise<OutputCheck | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl(import.meta.url, 'output-check-worker'), { workerData: { cacheRoot, outDir } });
    } catch {
      resolve(undefined);
      return;
    }
    worker.unref(); // (a build that fails before it needs the verdict does not wait for it)
    worker.once('message', (m: OutputCheck | undefined) => resolve(m));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
