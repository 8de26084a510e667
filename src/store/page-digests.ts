/**
 * The article digests and page render keys of the last build (`.cache/page-digests.json`, site/page-reuse.ts pageKeys), kept with
 * what each was made from: the related articles' digest (site/data.ts) and the global render key, then by position in the site's
 * order the article's URL, its content key and the hash of its picture set. Given back only to the code version that wrote it;
 * anything else is none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { codeVersion } from './code-version.ts';

const FORMAT = 'warraq-page-digests-v2';
/** Characters of each content key, picture hash and digest (SHA-256 in hex). */
export const DIGEST_LENGTH = 64;

export interface KeptDigests {
  related: string;
  /** The global render key (page-reuse.ts globalRenderKey) the page keys were made with. */
  global: string;
  urls: string[];
  /** The content keys, picture hashes, digests and page render keys of the articles in order, each DIGEST_LENGTH characters, end to end. */
  contents: string;
  images: string;
  digests: string;
  keys: string;
}

export class PageDigestCache {
  private readonly file: string;

  constructor(cacheRoot: string) {
    this.file = path.join(cacheRoot, 'page-digests.json');
  }

  read(): KeptDigests | undefined {
    let kept: Partial<KeptDigests> & { format?: unknown; version?: unknown };
    try {
      kept = JSON.parse(readFileSync(this.file, 'utf8')) as typeof kept;
    } catch {
      return undefined;
    }
    if (kept?.format !== FORMAT || kept.version !== codeVersion()) return undefined;
    const { related, global, urls, contents, images, digests, keys } = kept;
    if (typeof related !== 'string' || typeof global !== 'string') return undefined;
    if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string')) return undefined;
    const length = urls.length * DIGEST_LENGTH;
    for (const s of [contents, images, digests, keys]) if (typeof s !== 'string' || s.length !== length) return undefined;
    return { related, global, urls, contents: contents!, images: images!, digests: digests!, keys: keys! };
  }

  write(kept: KeptDigests): void {
    writeFileAtomically(this.file, JSON.stringify({ format: FORMAT, version: codeVersion(), ...kept }));
  }
}
