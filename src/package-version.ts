/**
 * The installed version of a dependency, for cache keys that must change when it does (the lexicon's binary trie, search index shards):
 * the first package.json naming a version found walking up from a file or folder of the package.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `from`: a path or file: URL inside the package (e.g. `import.meta.resolve('pagefind')`). */
export function packageVersion(from: string): string {
  const start = from.startsWith('file:') ? fileURLToPath(from) : from;
  for (let d = start; ; d = path.dirname(d)) {
    try {
      const { version } = JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    } catch {
      // no package.json here
    }
    if (path.dirname(d) === d) return 'unknown';
  }
}
