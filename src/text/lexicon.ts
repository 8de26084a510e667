/**
 * The Arabic lexicon (@cspell/dict-ar, a Hunspell-derived word list), loaded on first use.
 * The package ships it as a text trie that takes about two seconds to decode; decoded once, it
 * is kept as cspell-trie-lib's binary trie in `node_modules/.cache/warraq/`, which loads in tens
 * of milliseconds (each build worker and every rebuild after an edit loads the lexicon).
 * The normalizer still asks for it only when a join candidate needs a veto.
 * This module is the one place the text core touches the file system.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { decodeTrie, encodeITrieToBTrie, type ITrie } from 'cspell-trie-lib';
import type { Lexicon } from './options.ts';
import { packageVersion } from '../package-version.ts';

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const trie = loadTrie();
  // No memo here: the normalizer remembers answers by word hash (rules/split-words.ts).
  const has = nodeArrayHas(trie) ?? ((word: string): boolean => trie.has(word));
  cached = { has };
  return cached;
}

/** The binary trie's public layout (cspell-trie-lib's TrieBlob), as far as nodeArrayHas reads it. */
interface TrieBlobLayout {
  nodes: Uint32Array;
  stringTable: { length: number };
}

/**
 * `trie.has(word)` read straight off the binary trie's node array. On first sight of an archive
 * the normalizer asks about some 150,000 joined forms per 20 MB, nearly all absent; the library's
 * look-up builds a UTF-8 cursor object per word and per step, and was a sixth of the
 * normalizer's time. This walks the same array with no allocation.
 *
 * TrieBlob's layout: a node is a header word (bits 0–7: number of children; bit 8: end of word;
 * bits 9 and up: an index into the string table when the node has a byte prefix) followed by one
 * word per child (bits 0–7: the UTF-8 byte; bits 8 and up: the child's index), sorted by byte;
 * the root is node 0. Only tries without forbidden or compound words and without byte prefixes
 * (@cspell/dict-ar has none) are read this way; for any other, undefined: use `trie.has`.
 * tests/unit/lexicon.test.ts checks the answers against `trie.has` word for word.
 */
function nodeArrayHas(trie: ITrie): ((word: string) => boolean) | undefined {
  const blob = (trie as unknown as { data?: Partial<TrieBlobLayout> }).data;
  if (!blob || !(blob.nodes instanceof Uint32Array) || blob.stringTable?.length !== 0) return undefined;
  if (trie.hasForbiddenWords || trie.hasCompoundWords) return undefined;
  const nodes = blob.nodes;
  /** The child of `node` reached by `byte`, or -1. */
  const child = (node: number, byte: number): number => {
    const count = nodes[node]! & 255;
    let lo = node + 1;
    let hi = node + count;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = nodes[mid]! & 255;
      if (b === byte) return nodes[mid]! >>> 8;
      if (b < byte) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  return (word: string): boolean => {
    let node = 0;
    for (let i = 0; i < word.length && node >= 0; i++) {
      const c = word.charCodeAt(i);
      if (c < 0x80) node = child(node, c);
      else if (c < 0x800) {
        node = child(node, 0xc0 | (c >> 6));
        if (node >= 0) node = child(node, 0x80 | (c & 0x3f));
      } else if (c >= 0xd800 && c <= 0xdfff) {
        return trie.has(word); // beyond the BMP: rare enough to leave to the library
      } else {
        node = child(node, 0xe0 | (c >> 12));
        if (node >= 0) node = child(node, 0x80 | ((c >> 6) & 0x3f));
        if (node >= 0) node = child(node, 0x80 | (c & 0x3f));
      }
    }
    return node >= 0 && (nodes[node]! & 256) !== 0;
  };
}

/** A lazy getter for NormalizeOptions.lexicon. */
export const lazyLexicon = (): Lexicon => loadLexicon();

/** Where the dictionary is, and the name its binary form is cached under. */
function source(): { gz: string; binary: string } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@cspell/dict-ar/cspell-ext.json'));
  const gz = path.join(dir, 'ar.trie.gz');
  // Invalidated by the dictionary's version and bytes and by the trie library's version.
  const dict = packageVersion(dir);
  const lib = packageVersion(import.meta.resolve('cspell-trie-lib'));
  const key = `ar-${dict}-${statSync(gz).size}-trie-${lib}`.replace(/[^\w.-]/g, '_');
  return { gz, binary: path.join(dir, '..', '..', '.cache', 'warraq', `${key}.btrie`) };
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
    try {
      mkdirSync(path.dirname(binary), { recursive: true });
      // Unique per writer (test workers and build workers may be threads of one process), then
      // renamed into place: a reader sees a whole file or none.
      const tmp = `${binary}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, encodeITrieToBTrie(trie));
      renameSync(tmp, binary);
    } catch {
      // a read-only node_modules: the next load decodes the text form again
    }
  }
  return trie;
}
