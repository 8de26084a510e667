/**
 * An output folder as a map of relative path → sha256 of its bytes, and the differences between two such maps as
 * sorted, readable lines (for failure messages). Used by the incremental and golden-output tests and `npm run golden`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under dir (relative paths with '/'), each with the sha256 of its bytes. */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join('/'), sha256(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

/** Differences between two trees, readable in a failure message; `names` say what a and b are. */
export function diff(a: Map<string, string>, b: Map<string, string>, names: [string, string] = ['warm', 'cold']): string[] {
  const out: string[] = [];
  for (const [f, h] of a) if (b.get(f) !== h) out.push(b.has(f) ? `changed ${f}` : `only in ${names[0]}: ${f}`);
  for (const f of b.keys()) if (!a.has(f)) out.push(`only in ${names[1]}: ${f}`);
  return out.sort();
}
