import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { damage } from '../../scripts/lib/damage.ts';
import { normalize } from '../../src/text/normalize.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { loadQuran, QURAN_FILES } from '../../src/store/quran.ts';
import type { QuranText } from '../../src/text/options.ts';

// A verse between ﴿ ﴾ whose harakat all became spaces is restored from the Quran only when the spaces after each letter are exactly
// the harakat the Quran has there (one more at a word's end), at every place that fits; otherwise it is rejoined bare, as before.
const repair = (text: string, quran: () => QuranText = loadQuran) => normalize(text, { lexicon: lazyLexicon, quran });
const inNews = (verse: string) => `وتلا قوله تعالى: ﴿${verse}﴾، ثم  ألقى كلمة أك د فيها أن  المحطة جاهزة.`;

describe('damaged verses restored from the Quran', () => {
  it('restores a damaged verse exactly, its words and separators as written, and a second pass keeps it', () => {
    const clean = inNews('وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ');
    const damaged = damage(clean).text;
    expect(damaged.replace(/\u00A0/g, ' ')).toContain('﴿و ج ع ل ن ا م ن  ال م اء  ك ل   ش ي ء  ح ي  ﴾');
    const { text, changes } = repair(damaged);
    expect(text).toContain('﴿وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ﴾');
    expect(text).toContain('كلمة أكّد فيها');
    const inVerse = changes.filter((c) => c.offset > damaged.indexOf('﴿') && c.offset < damaged.indexOf('﴾'));
    expect(new Set(inVerse.map((c) => c.rule))).toEqual(new Set(['split-word', 'word-final-mark']));
    expect(repair(text).text).toBe(text);
  });

  it('restores a fragment of a verse, and one with a superscript alef (the 1.1 edition)', () => {
    for (const verse of ['لَا تَأْخُذُهُ سِنَةٌ وَلَا نَوْمٌ', 'ذَٰلِكَ الْكِتَابُ لَا رَيْبَ فِيهِ']) {
      const clean = inNews(verse);
      expect(repair(damage(clean).text).text).toContain(`﴿${verse}﴾`);
    }
  });

  it('restores a short verse with too few lone letters to be rejoined bare (kept as written before)', () => {
    const clean = inNews('وَحُورٌ عِينٌ');
    const damaged = damage(clean).text;
    expect(damaged.replace(/\u00A0/g, ' ')).toContain('﴿و ح ور  ع ين ﴾');
    expect(repair(damaged).text).toContain('﴿وَحُورٌ عِينٌ﴾');
    expect(repair(damaged, () => ({ editions: [] })).text).toContain(damaged.slice(damaged.indexOf('﴿'), damaged.indexOf('﴾') + 1));
  });

  it('falls back to the bare rejoin when the spaces disagree with the Quran (the writer left out a sukun)', () => {
    const damaged = damage(inNews('وَجَعَلنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ')).text;
    expect(repair(damaged).text).toContain('﴿وجعلنا من الماء كل شيء حي﴾');
  });

  it('falls back when two places fit with different marks, or the spelling mixes the editions', () => {
    // 26:24 رَبُّ and 44:7 رَبِّ: the same letters and spaces.
    const verseOf = (text: string) => text.slice(text.indexOf('﴿'), text.indexOf('﴾') + 1);
    const twice = damage(inNews('رَبُّ السَّمَاوَاتِ وَالْأَرْضِ وَمَا بَيْنَهُمَا إِنْ كُنْتُمْ مُوقِنِينَ')).text;
    expect(verseOf(repair(twice).text)).toMatch(/^﴿رب السم[^\u064B-\u0652]+﴾$/);
    const mixed = damage(inNews('حَتَّىٰ يُغَيِّرُوا مَا بِأَنْفُسِهِمْ')).text;
    expect(verseOf(repair(mixed).text)).toMatch(/^﴿حت[^\u064B-\u0652]+﴾$/);
  });

  it('leaves clean verses as written, vocalised or Uthmani, and asks for the Quran only when a damaged verse is there', () => {
    let asked = 0;
    const counting = () => {
      asked++;
      return loadQuran();
    };
    const uthmani = gunzipSync(readFileSync(new URL('../fixtures/quran/uthmani-kfgqpc.txt.gz', import.meta.url)))
      .toString('utf8')
      .split('\n')[254]!
      .split('|')[2]!;
    for (const verse of ['وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ', uthmani, 'ن والقلم وما يسطرون', 'وجعلنا من الماء كل شيء حي']) {
      const text = `قال تعالى ﴿${verse}﴾ وهذا بيان.`;
      expect(repair(text, counting).text).toBe(text.normalize('NFC'));
    }
    expect(asked).toBe(0);
    repair(damage(inNews('وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ')).text, counting);
    expect(asked).toBeGreaterThan(0);
  });
});

describe('damaged verses quoted outside ﴿ ﴾', () => {
  it('restores a verse in «» and one on a line of its own, when 20 letters or more prove it', () => {
    for (const clean of [
      'واستشهد الخطيب بقوله تعالى: «وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ أَفَلَا يُؤْمِنُونَ» في ختام كلمته.',
      'وقال الإمام في خطبته:\nوَتَعَاوَنُوا عَلَى الْبِرِّ وَالتَّقْوَى وَلَا تَعَاوَنُوا عَلَى الْإِثْمِ وَالْعُدْوَانِ\nثم دعا للمصلين.',
    ]) {
      const damaged = damage(clean).text;
      expect(repair(damaged).text).toBe(clean);
      expect(repair(damaged, () => ({ editions: [] })).text).not.toBe(clean);
    }
  });

  it('leaves to the repair what the Quran does not prove: vocalised poetry, a short phrase, a verse after words of the writer', () => {
    // The same words, each verse's in reverse order: what the repair learns of single words (vocalised-words.ts), no verse.
    const quran = loadQuran();
    const wordsOnly = { editions: quran.editions.map((verses) => verses.map((v) => v.split(' ').reverse().join(' '))) };
    for (const clean of [
      'وأنشد الشاعر: «وَمَا نَيْلُ الْمَطَالِبِ بِالتَّمَنِّي وَلَكِنْ تُؤْخَذُ الدُّنْيَا غِلَابَا» فصفق الحضور.',
      'وردد الحضور: «وَاللَّهُ غَفُورٌ رَحِيمٌ» بعد الخطبة.',
      'قال تعالى وَجَعَلْنَا مِنَ الْمَاءِ كُلَّ شَيْءٍ حَيٍّ أَفَلَا يُؤْمِنُونَ وهذا واضح.',
    ]) {
      const damaged = damage(clean).text;
      expect(repair(damaged).text).toBe(repair(damaged, () => wordsOnly).text);
    }
  });

  it('gives lines of lone letters that are no verse (an alphabet, a list of options) nothing from the Quran', () => {
    for (const text of ['أ ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ', 'اختر: أ ب ج د ه ز ح ط ي ك ل م ن']) {
      expect(repair(text).text).toBe(repair(text, () => ({ editions: [] })).text);
    }
  });
});

describe('the vendored Quran texts (data/quran)', () => {
  it('are the verbatim Tanzil files the README names, 6,236 verses each', () => {
    const digests = QURAN_FILES.map((f) =>
      createHash('sha256')
        .update(gunzipSync(readFileSync(f)))
        .digest('hex'),
    );
    expect(digests).toEqual([
      '7b2b601fa5e9b8253f42589a264daa16e1724a582b2b41ef016e8d392f0e3e42',
      'f6ffa464ad286c1d43df37ad0b9caf57bca5e82ee54e47228cd2a295ef597c54',
    ]);
    const readme = readFileSync(new URL('../../data/quran/README.md', import.meta.url), 'utf8');
    for (const d of digests) expect(readme).toContain(d);
    expect(loadQuran().editions.map((e) => e.length)).toEqual([6236, 6236]);
  });
});
