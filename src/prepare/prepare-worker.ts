/**
 * Piscina worker for the per-article work (prepare-site.ts). Runs as compiled JavaScript from dist/; under the TypeScript loader it is
 * loaded by prepare-worker.mjs, which registers tsx in the worker thread first.
 */
import { workerData } from 'node:worker_threads';
import { prepareOne, type NormalizeConfig } from './prepare-task.ts';
import { writeEntry } from '../store/prepared-cache.ts';
import { evidenceFrom } from '../store/evidence-cache.ts';
import { lazyLexicon } from '../store/lexicon.ts';
import { lazyQuran } from '../store/quran.ts';

interface WorkerData {
  evidence: ReadonlyMap<number, number>;
  normalizeConfig: NormalizeConfig;
}

interface Item {
  file: string;
  source: string;
  key: string;
  entryPath: string | undefined;
  /** Only the article's head (no body rendered; entryPath is its head's). */
  head?: boolean | undefined;
}

const data = workerData as WorkerData;
const evidence = evidenceFrom(data.evidence);

/**
 * task: { items: [{ file, source, key, entryPath, head }] } → { entries: [{ json, lookups, size, html }] in
 * order }: each entry is written to entryPath when there is one (size: its byte length, 0 when not
 * written), and then its HTML is not sent back (the build reads it from there when it renders the
 * page; html is undefined).
 */
export default function run(task: { items: Item[] }) {
  const entries = task.items.map((item) => {
    const entry = prepareOne(item.file, item.source, data.normalizeConfig, evidence, lazyLexicon, lazyQuran, item.head);
    const size = item.entryPath === undefined ? 0 : writeEntry(item.entryPath, entry);
    return { json: entry.json, lookups: entry.lookups, size, html: size ? undefined : entry.html };
  });
  return { entries };
}
