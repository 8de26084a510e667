/**
 * Cores this process may use (availableParallelism where Node has it: it respects CPU affinity). The worker pool
 * and the search indexer size themselves by it.
 */
import os from 'node:os';

export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
