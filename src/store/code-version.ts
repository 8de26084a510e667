/**
 * codeVersion(): SHA-256 of the entry format, Node's, ICU's and Unicode's versions, the digest of every file under src/, package.json,
 * package-lock.json and the Quran texts of data/quran/ (store/quran.ts); computed once per process. It keys prepared entries, the source index, the evidence, the stamp, page render keys and
 * the admin script (not search indexes, pictures or the lexicon). entryKey(): an article's key from it, the options, its path and bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT, sourceDigestOfRoot } from '../source-root.ts';
import { QURAN_FILES } from './quran.ts';

const REPO = path.dirname(SOURCE_ROOT);
/** Bump when the format of entries changes. */
const FORMAT = 'prepared-v6'; // v2: evidence lookups recorded by word hash; v3: the HTML after the JSON; v4: lookups as base64, output hash; v5: lookups as bytes beside the JSON; v6: the file's word counts in its entry

let codeVersionMemo: string | undefined;

/** Hash of the code and dependencies that prepare an article. */
export function codeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${process.versions.node}\0${process.versions.icu ?? ''}\0${process.versions.unicode ?? ''}\0`);
  h.update(`${sourceDigestOfRoot()}\0`);
  for (const f of ['package-lock.json', 'package.json', ...QURAN_FILES.map((q) => path.relative(REPO, q))]) {
    try {
      h.update(readFileSync(path.join(REPO, f)));
    } catch {
      h.update(`no ${f}`);
    }
  }
  return (codeVersionMemo = h.digest('hex'));
}

export function entryKey(version: string, optionsKey: string, file: string, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(version)
    .update('\0')
    .update(optionsKey)
    .update('\0')
    .update(file)
    .update('\0')
    .update(bytes)
    .digest('hex');
}
