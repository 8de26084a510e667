/**
 * Spelling-tolerant search for names, measured on the key function and the name test of the index
 * (src/site/name-key.js, src/site/names.ts) with the agency pairs of tests/fixtures/search-names/:
 * an article writing one spelling is found by a reader typing the other (recall, both directions),
 * and an ordinary word never finds its near neighbour (false matches, both directions).
 * A search finds an article's word when the folded words are equal (what Pagefind's Arabic
 * index does already), or when the word is name-like and the query's key is one of its keys.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLexicon } from '../../src/store/lexicon.ts';
import { foldArabic } from '../../src/terms/fold.ts';
import { nameKey } from '../../src/site/name-key.js';
import { keysOfWord, nameKeysOf } from '../../src/site/names.ts';
import { REPO } from '../helpers/fixture-site.ts';

const fixture = (f: string) => JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/search-names', f), 'utf8'));
const names: Array<{ a: string; b: string; how: string }> = fixture('names.json').pairs;
const words: Array<[string, string]> = fixture('words.json').pairs;
const lexicon = loadLexicon();

/** Does a search for `query` find an article that writes `written`? */
function finds(written: string, query: string): boolean {
  if (foldArabic(written) === foldArabic(query)) return true;
  const key = nameKey(query);
  return key !== undefined && keysOfWord(written, lexicon).includes(key);
}

describe('name keys', () => {
  it('the fixtures are big enough and name no pair twice', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(words.length).toBeGreaterThanOrEqual(40);
    expect(new Set(names.map((p) => `${p.a} ${p.b}`)).size).toBe(names.length);
    for (const [w, n] of words) expect(foldArabic(w), w).not.toBe(foldArabic(n));
  });

  it('recall on agency spellings of names, and no false match between ordinary words', () => {
    const missed = names.flatMap((p) => [
      ...(finds(p.a, p.b) ? [] : [`${p.b} → ${p.a} (${p.how})`]),
      ...(finds(p.b, p.a) ? [] : [`${p.a} → ${p.b} (${p.how})`]),
    ]);
    const recall = 1 - missed.length / (2 * names.length);
    const falseMatches = words.flatMap(([w, n]) => [...(finds(n, w) ? [`${w} → ${n}`] : []), ...(finds(w, n) ? [`${n} → ${w}`] : [])]);
    console.log(
      `names: recall ${(recall * 100).toFixed(1)}% (${2 * names.length - missed.length}/${2 * names.length}); missed: ${missed.join(', ')}`,
    );
    console.log(
      `ordinary words: ${falseMatches.length} false matches of ${2 * words.length} searches${falseMatches.length ? `: ${falseMatches.join(', ')}` : ''}`,
    );
    // The search page keys every query word (it has no lexicon): an ordinary word typed by a
    // reader finds a name-like word of the same key. Measured against the names of the pair set.
    const nameWords = names.flatMap((p) => [p.a, p.b]);
    const intoNames = words
      .flat()
      .flatMap((w) => nameWords.filter((n) => foldArabic(n) !== foldArabic(w) && finds(n, w)).map((n) => `${w} → ${n}`));
    console.log(
      `ordinary words typed: ${intoNames.length} of ${2 * words.length} find one of the ${nameWords.length} names${intoNames.length ? `: ${intoNames.join(', ')}` : ''}`,
    );
    expect(intoNames).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.75);
    expect(falseMatches).toEqual([]);
  });

  it('the seed article’s لوكاشنكو is keyed so that لوكاشينكو finds it, and keys are reserved to names', () => {
    const seed = readFileSync(path.join(REPO, 'content/2022/12/putin-minsk-visit.md'), 'utf8');
    const keys = nameKeysOf(seed, lexicon);
    expect(keys).toContain(nameKey('لوكاشينكو'));
    // ordinary words of the same article are not keyed
    for (const w of ['العلاقات', 'العسكرية', 'محادثات', 'مشترك']) expect(keysOfWord(w, lexicon), w).toEqual([]);
    expect(nameKey('غوتيريش')).toBe(nameKey('جوتيريس'));
    expect(nameKey('أنطونيو')).not.toBe(nameKey('نتنياهو'));
    expect(nameKey('شي')).toBeUndefined(); // too short to key
    expect(nameKey('iPhone')).toBeUndefined();
  });
});
