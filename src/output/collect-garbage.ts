/**
 * A full garbage collection on demand, run before each Eleventy run so the site stage does not start on the prepare stage's garbage.
 * The collector is reached the documented way: the --expose-gc flag set now, and the `gc` function of a new context created after it.
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
