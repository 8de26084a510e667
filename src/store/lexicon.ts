/**
 * The Arabic lexicon (@cspell/dict-ar), loaded on first use and kept decoded as cspell-trie-lib's binary trie in
 * `node_modules/.cache/warraq/`, named by a digest of the dictionary's bytes and both packages' versions. The text core never reads it:
 * the normalizer is handed it (NormalizeOptions.lexicon) and asks it only to veto a join.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie, encodeITrieToBTrie, type ITrie } from 'cspell-trie-lib';
import type { Lexicon } from '../text/options.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { packageVersion } from '../package-version.ts';

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const trie = loadTrie();
  // cspell-trie-lib's public look-up; no memo here: the normalizer remembers answers by word
  // hash (rules/split-context.ts), so each distinct joined form is asked once per process.
  cached = { has: (word: string): boolean => trie.has(word) };
  return cached;
}

/** A lazy getter for NormalizeOptions.lexicon. */
export const lazyLexicon = (): Lexicon => loadLexicon();

/** Where the dictionary is, and the name its binary form is cached under. */
function source(): { gz: string; binary: string } {
  const require = createRequire(import.meta.url);
  const gz = path.join(path.dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz');
  return { gz, binary: path.join(path.dirname(gz), '..', '..', '.cache', 'warraq', binaryTrieName(gz)) };
}

/**
 * The file name of a dictionary's decoded trie: its package's version, a digest of its bytes and the trie library's version, so that
 * any change to the dictionary file or either package decodes it again.
 */
export function binaryTrieName(gz: string): string {
  const dict = packageVersion(path.dirname(gz));
  const lib = packageVersion(import.meta.resolve('cspell-trie-lib'));
  const digest = createHash('sha256').update(readFileSync(gz)).digest('hex').slice(0, 16);
  const key = `ar-${dict}-${digest}-trie-${lib}`.replace(/[^\w.-]/g, '_');
  return `${key}.btrie`;
}

export function loadTrie(options: { useCache?: boolean } = {}): ITrie {
  const { gz, binary } = source();
  if (options.useCache !== false) {
    try {
      return decodeTrie(new Uint8Array(readFileSync(binary)));
    } catch {
      // absent or unreadable: decode the text form below
    }
  }
  const trie = decodeTrie(gunzipSync(readFileSync(gz)).toString('utf8'));
  if (options.useCache !== false) {
    // Kept when it can be (with a read-only node_modules, the next load decodes the text form again).
    if (writeFileAtomically(binary, encodeITrieToBTrie(trie))) {
      // Tries of other dictionary bytes or versions are never read again.
      for (const f of readdirSync(path.dirname(binary)))
        if (f.startsWith('ar-') && f.endsWith('.btrie') && f !== path.basename(binary))
          rmSync(path.join(path.dirname(binary), f), { force: true });
    }
  }
  return trie;
}
