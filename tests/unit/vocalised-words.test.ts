import { describe, expect, it } from 'vitest';
import { loadQuran, lazyQuran } from '../../src/store/quran.ts';
import { contextMarks, mayBeVocalisedWord, shapeMarks, wordMarks } from '../../src/text/vocalised-words.ts';
import { normalize } from '../../src/text/normalize.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { damage } from '../../scripts/lib/damage.ts';
import { DAMMA, FATHA, KASRA, SHADDA, SUKUN } from '../../src/text/arabic.ts';

const repair = (text: string, quran = true) =>
  normalize(text, { lexicon: lazyLexicon, quran: quran ? lazyQuran : undefined, evidence: new WordCounts().add(text) }).text;
/** A word without its last letter's marks (the case ending, which final-marks.ts restores apart). */
const inner = (word: string) => word.replace(/[\u064B-\u0652]+$/, '');
/** The vocalised words of `clean` whose marks inside the word come back in `repaired`. */
const wordsBack = (clean: string, repaired: string) => {
  const got = new Set(repaired.split(/[\s«»،.:]+/).map(inner));
  return clean
    .split(/[\s«»،.:]+/)
    .map(inner)
    .filter((w) => /[\u064B-\u0652]/.test(w) && got.has(w));
};

describe('the marks of a fully vocalised word, from the vocalised Quran', () => {
  it('gives the marks of every gap when the ways the Quran writes the word with marks just there agree', () => {
    const quran = loadQuran();
    expect(wordMarks(quran, ['ق', 'ل', 'ب', 'ي'], [1, 1, 1], 0)).toEqual([FATHA, SUKUN, KASRA]);
    // The article's lam without the sukun the Quran writes on it, as vocalised prose has it (الأَرْض).
    expect(wordMarks(quran, ['الأ', 'ر', 'ض'], [1, 1], 1)).toEqual([FATHA, SUKUN]);
    // Two spaces: a shadda and its vowel (النَّاس).
    expect(wordMarks(quran, ['الن', 'اس'], [2], 1)).toEqual([(FATHA + SHADDA).normalize('NFC')]);
    // A one-letter conjunction or preposition before a word the Quran writes without it takes its own vowel.
    expect(wordMarks(quran, ['ب', 'ق', 'ل', 'ب'], [1, 1, 1], 1)).toEqual([KASRA, FATHA, SUKUN]);
  });
  it('gives nothing where no vocalisation fits the gaps: the sparse marks of news (تكبّدت), or one mark too few', () => {
    const quran = loadQuran();
    expect(wordMarks(quran, ['تكب', 'دت'], [1], 1)).toBeUndefined();
    // … nor where the last letter lost another number of marks than the Quran's word carries there (أَهَمِّ is no أَهُمْ)
    expect(wordMarks(quran, ['أ', 'ه', 'م'], [1, 1], 2)).toBeUndefined();
    expect(wordMarks(quran, ['الن', 'ا', 'س'], [2, 1], 1)).toBeUndefined();
  });
  it('is asked only about words whose letters all stand apart but the long vowels and the article', () => {
    expect(mayBeVocalisedWord(['الم', 'ه', 'د'])).toBe(true);
    expect(mayBeVocalisedWord(['ط', 'و', 'يل'])).toBe(true);
    expect(mayBeVocalisedWord(['تكب', 'دت'])).toBe(false);
    expect(mayBeVocalisedWord(['مد', 'ة'])).toBe(false);
  });
  it('guesses by the letters: the vowel a long letter lengthens, sukun after a vowel, fatha after a sukun', () => {
    expect(shapeMarks(['ط', 'و', 'يل'], [1, 1], true, 0)).toEqual(['', KASRA]); // طَوِيل: the first letter is not guessed
    expect(shapeMarks(['م', 'ر', 'وم'], [1, 1], true, 0)).toEqual(['', DAMMA]); // مَرُوم
    expect(shapeMarks(['ت', 'ق', 'ط', 'ع', 'ه'], [1, 1, 1, 1], true, 0)).toEqual(['', SUKUN, FATHA, '']); // تَقْطَعْهُ
    expect(shapeMarks(['م', 'ك', 'ات', 'ب'], [1, 1, 1], true, 0)).toEqual(['', FATHA, '']); // a letter before a long ا
    // Without an article (والدته، بالغة: the caller's lexicon says what follows ال is no word), no sukun on a lam.
    expect(shapeMarks(['و', 'ال', 'د', 'ت', 'ه'], [1, 1, 1, 1], true, 0).slice(0, 2)).toEqual([FATHA, KASRA]); // وَالِد…
    // The article's lam with its sukun, the first letter after it with the fatha most words give it; a proclitic's own vowel.
    expect(shapeMarks(['ال', 'م', 'ط', 'ال', 'ب'], [1, 1, 1, 1], true, 2)).toEqual([SUKUN, FATHA, FATHA, '']); // الْمَطَالِب
    expect(shapeMarks(['ب', 'ال', 'ق', 'ل', 'م'], [1, 1, 1, 1], true, 3)).toEqual([KASRA, SUKUN, FATHA, '']); // بِالْقَلَم
  });
  it('fills what the shape leaves from the Quran letters in the same neighbourhood: a word the Quran never writes', () => {
    const quran = loadQuran();
    // تَنْتَظِرُ, which the Quran never writes: the shape gives the sukun after the first vowel, the Quran's letters the rest.
    const pieces = ['ت', 'ن', 'ت', 'ظ', 'ر'];
    expect(wordMarks(quran, pieces, [1, 1, 1, 1], 1)).toBeUndefined();
    const shape = shapeMarks(pieces, [1, 1, 1, 1], true, 0);
    const context = contextMarks(quran, pieces, [1, 1, 1, 1]);
    expect(shape).toEqual(['', SUKUN, FATHA, '']);
    expect(shape.map((mark, k) => mark || context[k])).toEqual([FATHA, SUKUN, FATHA, KASRA]);
    // Two spaces are a shadda and its vowel, never a single mark (قَدَّر، كَبِّر: whichever vowel, with its shadda).
    for (const [pieces, counts] of [
      [
        ['ق', 'د', 'ر'],
        [1, 2],
      ],
      [
        ['ك', 'ب', 'ر'],
        [1, 2],
      ],
    ] as const) {
      const marks = contextMarks(quran, pieces, counts);
      expect(marks[1]).toHaveLength(2);
      expect(marks[1]).toContain(SHADDA);
      expect(marks[0]).toHaveLength(1);
    }
  });
});

describe('damaged vocalised quotations in news', () => {
  it('get back the marks inside their words, where the guesses made for news marks got few', () => {
    // Sayings written for this test, each word vocalised throughout.
    const text = [
      'وقال الخطيب: «إِنَّ فِي قَلْبِي نُورًا لَا يَنْطَفِئُ، وَالأَرْضُ تَشْهَدُ بِمَا عَمِلْنَا».',
      'وردّد الحضور: «العِلْمُ يَرْفَعُ بَيْتًا لَا عِمَادَ لَهُ، وَالجَهْلُ يَهْدِمُ بَيْتَ العِزِّ وَالشَّرَفِ».',
    ].join('\n');
    const damaged = damage(text).text;
    const back = wordsBack(text, repair(damaged));
    expect(back).toEqual(expect.arrayContaining(['وَالأَرْض', 'تَشْهَد', 'بِمَا', 'العِلْم', 'يَرْفَع', 'بَيْتًا', 'بَيْت']));
    expect(back.length).toBeGreaterThanOrEqual(wordsBack(text, repair(damaged, false)).length + 5);
  });
  it('leave a short news word whose every letter lost a mark to the news rules, among plain words (وُقّع، يُعِدّ)', () => {
    const damaged = damage('في مدّة قصيرة، وُقّع الاتفاق الذي يُعِدّ له الطرفان منذ عام، وتُقرّ الخطة، وهو ما تحقّق يُعَدّ إنجازا.').text;
    expect(repair(damaged)).toBe(repair(damaged, false));
    expect(repair(damaged)).toContain('وُقّع الاتفاق');
  });
});
