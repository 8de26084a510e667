import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/prepare/prepare-article.ts';

describe('countWords (reading time)', () => {
  it('counts a word written with harakat once, and punctuation as no word', () => {
    expect(countWords('تكبّدت المدرّعاتُ خسائرَ كبيرةً، وقال: «نعم» ؟')).toBe(6);
  });
  it('counts Latin words, numbers and letters outside the BMP', () => {
    expect(countWords('COVID-19 hit 3.5 million in 2020; naïve café 𝐀𝐁𝐂 x')).toBe(12); // 3.5 counts as two, as before
    expect(countWords('')).toBe(0);
    expect(countWords('  \n— * _ ')).toBe(0);
  });
});
