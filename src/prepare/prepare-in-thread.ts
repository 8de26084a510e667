/**
 * Prepares articles in the calling thread: the dev server's rebuilds and a build's small batches when no thread is spare. Its own module so
 * the Markdown and normalizer code load only when something is to be prepared (prepare-site.ts loads it only then).
 */
import type { WarraqConfig } from '../config.ts';
import { headKey, writeEntry } from '../store/prepared-cache.ts';
import { lazyLexicon } from '../store/lexicon.ts';
import { lazyQuran } from '../store/quran.ts';
import {
  cacheEnabled,
  checkCached,
  finish,
  scan,
  sourceText,
  type PrepareOptions,
  type PrepareSiteResult,
  type Progress,
  type Scan,
  type Slot,
} from './site-scan.ts';
import { prepareOne, type PreparedEntry } from './prepare-task.ts';

/** Stages 1–5 in this thread. Throws ContentError listing every problem when any article is invalid. */
export function prepareSite(root: string, config: WarraqConfig, progress?: Progress, options: PrepareOptions = {}): PrepareSiteResult {
  const s = scan(root, config, cacheEnabled(options));
  const misses = checkCached(s);
  prepareInThread(root, s, misses, options.progress ?? progress);
  return finish(root, config, s, misses.length);
}

/** `heads`: only each article's head (site-scan.ts Slot.headOnly), cached under its headKey. */
export function prepareInThread(root: string, s: Scan, misses: Slot[], progress: Progress | undefined, heads = false): void {
  const total = s.slots.length;
  let done = total - misses.length;
  for (const slot of misses) {
    const text = sourceText(root, slot.file);
    const entry = prepareOne(slot.file, text, s.normalizeConfig, s.evidence, lazyLexicon, lazyQuran, heads);
    const size = s.cache === undefined ? 0 : writeEntry(s.cache.pathOf(heads ? headKey(slot.key) : slot.key), entry);
    slot.entry = JSON.parse(entry.json) as PreparedEntry;
    slot.headOnly = heads;
    slot.head = { json: Buffer.from(entry.json), lookups: Buffer.from(entry.lookups), size };
    slot.html = heads || size ? undefined : entry.html;
    progress?.(++done, total);
  }
}
