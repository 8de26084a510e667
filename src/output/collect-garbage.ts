/**
 * A full garbage collection, on demand. V8 sizes its heap from how fast the program allocates:
 * after the prepare stage it lets garbage pile up, and Eleventy, which keeps every page of a run
 * until the run ends, then grew the heap to about 750 MiB at 10,000 articles (peak RSS about
 * 1 GB) though under 200 MiB of it was live. One collection before each Eleventy run keeps the
 * site stage under 500 MiB and the build's peak (now while preparing, with the worker threads)
 * around 730 MiB. It costs about a second of a 10,000-article build (four collections).
 *
 * The collector is reached the documented way for a running process: the --expose-gc flag set
 * now, and the `gc` function of a new context created after it.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
