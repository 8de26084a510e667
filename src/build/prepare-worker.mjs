// Piscina worker for the pipeline's per-article work. Plain JavaScript so that it can register the
// TypeScript loader (tsx) in this thread before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
const { prepareOne } = await import('./prepare-task.ts');
const { writeEntry } = await import('./cache.ts');
const { EvidenceBuilder, evidenceFrom } = await import('./evidence-cache.ts');
const { lazyLexicon } = await import('../text/lexicon.ts');
const evidence = evidenceFrom(workerData.evidence);
const { normalizeConfig, cacheRoot } = workerData;

/**
 * task: { items: [{ file, source, key, entryPath }] } → { jsons: the JSON text of each entry, in
 * order (also written to entryPath) }.
 */
export default function run(task) {
  const jsons = task.items.map((item) => {
    const json = prepareOne(item.file, item.source, normalizeConfig, evidence, lazyLexicon);
    if (item.entryPath) writeEntry(item.entryPath, json);
    if (cacheRoot) EvidenceBuilder.store(cacheRoot, item.key, item.source);
    return json;
  });
  return { jsons };
}
