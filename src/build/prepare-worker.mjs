// Piscina worker for the pipeline's per-article work. Plain JavaScript so that it can register the
// TypeScript loader (tsx) in this thread before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
const { prepareOne } = await import('./prepare-task.ts');
const { writeEntry } = await import('./cache.ts');
const { EvidenceBuilder, evidenceFrom } = await import('./evidence-cache.ts');
const { LexiconMemo } = await import('./lexicon-memo.ts');
const evidence = evidenceFrom(workerData.evidence);
const lexicon = new LexiconMemo(workerData.lexicon);
const { normalizeConfig, cacheRoot } = workerData;

/**
 * task: { items: [{ file, source, key, entryPath }] } → { jsons: the JSON text of each entry, in
 * order (also written to entryPath); lexicon: answers the lexicon gave that the memo lacked }.
 */
export default function run(task) {
  const jsons = task.items.map((item) => {
    const json = prepareOne(item.file, item.source, normalizeConfig, evidence, lexicon.getter);
    if (item.entryPath) writeEntry(item.entryPath, json);
    if (cacheRoot) EvidenceBuilder.store(cacheRoot, item.key, item.source);
    return json;
  });
  return { jsons, lexicon: lexicon.drain() };
}
