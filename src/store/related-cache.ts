/**
 * The related articles of the last build (`.cache/related.bin`, site/data.ts relate): a line of JSON naming the format, the code
 * version and the digest of what relate read, then each article's related ones as 32-bit indices. Given back only for that
 * digest and code version, with the expected number of indices; anything else is a miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { codeVersion } from './code-version.ts';

const FORMAT = 'warraq-related-v1';

export class RelatedCache {
  private readonly file: string;

  constructor(cacheRoot: string) {
    this.file = path.join(cacheRoot, 'related.bin');
  }

  read(digest: string, rows: number, width: number): Int32Array | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return undefined;
    }
    const newline = bytes.indexOf(10);
    if (newline < 0) return undefined;
    let head: { format?: unknown; version?: unknown; digest?: unknown };
    try {
      head = JSON.parse(bytes.toString('utf8', 0, newline)) as typeof head;
    } catch {
      return undefined;
    }
    if (head.format !== FORMAT || head.version !== codeVersion() || head.digest !== digest) return undefined;
    const body = bytes.subarray(newline + 1);
    if (body.length !== rows * width * 4) return undefined;
    const out = new Int32Array(rows * width);
    for (let k = 0; k < out.length; k++) {
      const j = body.readInt32LE(k * 4);
      if (j < -1 || j >= rows) return undefined;
      out[k] = j;
    }
    return out;
  }

  write(digest: string, related: Int32Array): void {
    const body = Buffer.alloc(related.length * 4);
    for (let k = 0; k < related.length; k++) body.writeInt32LE(related[k]!, k * 4);
    writeFileAtomically(this.file, [Buffer.from(`${JSON.stringify({ format: FORMAT, version: codeVersion(), digest })}\n`), body]);
  }
}
