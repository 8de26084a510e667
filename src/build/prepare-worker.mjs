// Piscina worker for the pipeline's per-article work. Plain JavaScript so that it can register the
// TypeScript loader (tsx) in this thread before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
const { prepareOne, mapEvidence } = await import('./prepare-task.ts');
const { writeEntry } = await import('./cache.ts');
const evidence = mapEvidence(workerData.evidence);
const normalizeConfig = workerData.normalizeConfig;

/** task: { items: [{ file, source, path }] } → JSON text of each entry, in order (also written to its cache path). */
export default function run(task) {
  return task.items.map((item) => {
    const json = prepareOne(item.file, item.source, normalizeConfig, evidence);
    if (item.path) writeEntry(item.path, json);
    return json;
  });
}
