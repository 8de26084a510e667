// Piscina worker for the pipeline's per-article work. Plain JavaScript so that it can register the
// TypeScript loader (tsx) in this thread before loading the TypeScript it runs.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
const { prepareOne } = await import('./prepare-task.ts');
const { writeEntry } = await import('../store/prepared-cache.ts');
const { EvidenceBuilder, evidenceFrom } = await import('../store/evidence-cache.ts');
const { lazyLexicon } = await import('../text/lexicon.ts');
const evidence = evidenceFrom(workerData.evidence);
const { normalizeConfig, cacheRoot } = workerData;

/**
 * task: { items: [{ file, source, key, entryPath }] } → { entries: [{ json, lookups, size, html }] in
 * order }: each entry is written to entryPath when there is one (size: its byte length, 0 when not
 * written), and then its HTML is not sent back (the build reads it from there when it renders the
 * page; html is undefined).
 */
export default function run(task) {
  const entries = task.items.map((item) => {
    const entry = prepareOne(item.file, item.source, normalizeConfig, evidence, lazyLexicon);
    const size = item.entryPath === undefined ? 0 : writeEntry(item.entryPath, entry);
    if (cacheRoot) EvidenceBuilder.store(cacheRoot, item.key, item.source);
    return { json: entry.json, lookups: entry.lookups, size, html: size ? undefined : entry.html };
  });
  return { entries };
}
