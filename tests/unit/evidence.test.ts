/**
 * The site's word evidence answers "was this joined form seen intact?" for forms that are almost
 * never words. A key shared with any word of the site says yes, and two clean words are joined:
 * with 32-bit keys the join الكاميرون|دراس had the key of رمى, and a site that wrote رمى anywhere
 * turned "الكاميرون دراس" into "الكاميرونّدراس".
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts, wordKey } from '../../src/text/evidence.ts';

describe('word evidence', () => {
  it('counts words by their letters, harakat aside', () => {
    const evidence = new WordCounts().add('تكبّدت الشركة خسائر، وتكبدت أخرى أرباحًا. تكبدت');
    expect(evidence.count('تكبدت')).toBe(2); // وتكبدت is another form
    expect(evidence.count('أرباحا')).toBe(1);
    expect(evidence.count('تكب')).toBe(0);
    expect(evidence.countHash(wordKey('الشركة'))).toBe(1);
  });

  it('tells a joined form from a word whose 32-bit hash it shares', () => {
    expect(wordKey('الكاميروندراس')).not.toBe(wordKey('رمى'));
    const text = 'قال المسؤول إن الكاميرون دراس مهمة.';
    const evidence = new WordCounts().add('رمى اللاعب الكرة بعيدًا.').add(text);
    expect(evidence.count('الكاميروندراس')).toBe(0);
    expect(normalize(text, { lexicon: lazyLexicon, evidence })).toEqual({ text, changes: [], doubts: [] });
  });
});
