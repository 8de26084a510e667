/**
 * The Arabic lexicon (@cspell/dict-ar, a Hunspell-derived word list), loaded on first use.
 * Loading takes about two seconds, so the normalizer asks for it only when a join candidate
 * needs a veto. This module is the one place the text core touches the file system.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import type { Lexicon } from './options.ts';

let cached: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@cspell/dict-ar/cspell-ext.json'));
  const trie = decodeTrie(gunzipSync(readFileSync(path.join(dir, 'ar.trie.gz'))).toString('utf8'));
  // No memo here: the normalizer remembers answers by word hash (rules/split-words.ts), and the
  // build keeps its own across runs (build/lexicon-memo.ts).
  cached = { has: (word: string): boolean => trie.has(word) };
  return cached;
}

/** A lazy getter for NormalizeOptions.lexicon. */
export const lazyLexicon = (): Lexicon => loadLexicon();
