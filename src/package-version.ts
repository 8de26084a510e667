/**
 * What an installed dependency's package.json says (its version, for cache keys that must change when it does; its command line, by
 * npm's documented `bin` field): the first package.json naming a version found walking up from a file or folder of the package.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  version: string;
  bin?: string | Record<string, string>;
}

/** `from`: a path or file: URL inside the package (e.g. `import.meta.resolve('pagefind')`). */
function packageJson(from: string): { dir: string; json: PackageJson } | undefined {
  const start = from.startsWith('file:') ? fileURLToPath(from) : from;
  for (let d = start; ; d = path.dirname(d)) {
    try {
      const json = JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')) as Partial<PackageJson>;
      if (typeof json.version === 'string') return { dir: d, json: json as PackageJson };
    } catch {
      // no package.json here
    }
    if (path.dirname(d) === d) return undefined;
  }
}

export function packageVersion(from: string): string {
  return packageJson(from)?.json.version ?? 'unknown';
}

/** The absolute path of the package's command `name` (its only one when `bin` is a string), or undefined. */
export function packageBin(from: string, name: string): string | undefined {
  const found = packageJson(from);
  const bin = typeof found?.json.bin === 'string' ? found.json.bin : found?.json.bin?.[name];
  return found && bin ? path.join(found.dir, bin) : undefined;
}
