/**
 * The lexicon is loaded from a binary copy of the dictionary's trie cached under
 * node_modules/.cache/warraq (tens of milliseconds instead of two seconds). The copy must give
 * the same answers as the trie decoded from the package's own text form.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { binaryTrieName, loadLexicon, loadTrie } from '../../src/store/lexicon.ts';

describe('the cached binary lexicon', () => {
  it('answers exactly as the text trie on fixture words, their joins and near-words', () => {
    const lexicon = loadLexicon(); // writes the binary copy when it is missing
    const fromText = loadTrie({ useCache: false });
    const words = new Set<string>();
    for (const dir of ['devset', 'fresh']) {
      const folder = new URL(`../fixtures/${dir}/`, import.meta.url);
      for (const f of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
        for (const w of readFileSync(new URL(f, folder), 'utf8')
          .replace(/[\u064B-\u0652]/g, '')
          .split(/[^\u0621-\u064A]+/))
          if (w) words.add(w);
      }
    }
    const list = [...words];
    const probes = [
      ...list,
      ...list.map((w, i) => w + list[(i * 31) % list.length]!.slice(0, 2)),
      ...list.map((w) => w.slice(0, -1)),
      ...list.map((w) => `${w}ها`),
    ];
    // Beyond bare Arabic letters (UTF-8 of one, two, three and four bytes): marks, Latin, digits,
    // the empty word, CJK and an emoji.
    probes.push('', 'a', 'the', '123', 'مدرّعات', 'سربًا', 'ك', 'و', 'abc\u0628', '\u0628abc', '中文', 'ب😀', '😀', 'ﻻ', 'پ', 'ڤ');
    for (const w of list.slice(0, 500)) probes.push(w.toUpperCase() + 'x', `${w}\u0651`, `\u200C${w}`);
    const differ = probes.filter((w) => lexicon.has(w) !== fromText.has(w));
    expect(probes.length).toBeGreaterThan(10_000);
    expect(probes.filter((w) => lexicon.has(w)).length).toBeGreaterThan(1_000);
    expect(differ).toEqual([]);
  }, 60_000);

  it('is named by the bytes of the dictionary file, not its size: a changed dictionary of the same size is decoded again', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warraq-lexicon-'));
    try {
      const real = path.join(path.dirname(createRequire(import.meta.url).resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz');
      const bytes = readFileSync(real);
      const changed = Buffer.from(bytes);
      const middle = changed.length >> 1;
      changed.writeUInt8(changed.readUInt8(middle) ^ 0x5a, middle); // one byte changed, the size kept
      const put = (folder: string, content: Buffer) => {
        mkdirSync(path.join(dir, folder));
        writeFileSync(path.join(dir, folder, 'ar.trie.gz'), content);
        return binaryTrieName(path.join(dir, folder, 'ar.trie.gz'));
      };
      const original = put('a', bytes);
      expect(put('b', changed)).not.toBe(original);
      expect(put('c', bytes)).toBe(original); // the same bytes elsewhere: the same name
      expect(binaryTrieName(real)).toMatch(/^ar-[\w.-]+\.btrie$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
