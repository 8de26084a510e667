/** Cores this process may use (availableParallelism where Node has it: it respects CPU affinity). */
import os from 'node:os';

export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
