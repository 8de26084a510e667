import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.ts';
import { lazyLexicon } from '../../src/store/lexicon.ts';
import { lazyQuran } from '../../src/store/quran.ts';
import { WordCounts } from '../../src/text/evidence.ts';
import { damage } from '../../scripts/lib/damage.ts';

const repair = (text: string) => normalize(text, { lexicon: lazyLexicon, quran: lazyQuran, evidence: new WordCounts().add(text) }).text;
/** The words of a text without their marks: where the words begin and end, whatever marks came back. */
const bareWords = (text: string) =>
  text
    .replace(/[\u064B-\u0652]/g, '')
    .split(/[\s«»،.:]+/)
    .filter(Boolean);

describe('a fully vocalised passage whose every mark became a space is cut into its words all at once', () => {
  // Written for this test; none of these lines is in a fixture set.
  const passages = [
    // Poetry: a frequent word before a word where the lexicon also knows the two as one (حَتَّى|تَلْعَقَ), an article after a verb.
    'لَا تَحْسَبَنَّ الْمَجْدَ تَمْرًا أَنْتَ آكِلُهُ ... لَنْ تَبْلُغَ الْمَجْدَ حَتَّى تَلْعَقَ الصَّبِرَا',
    // A children's news line: في before the article, a verb in و, the article's bare lam before a sun letter.
    'ذَهَبَ الطُّلَّابُ إِلَى الْمَدْرَسَةِ فِي الصَّبَاحِ الْبَاكِرِ، وَجَلَسُوا فِي صُفُوفِهِمْ يَنْتَظِرُونَ الْمُعَلِّمَ',
    // A word in و before a word (نَحْوَ|أَرْبَعِينَ), ما زال before في.
    'مَا زَالَ فِي الْقَرْيَةِ نَحْوَ أَرْبَعِينَ صَانِعًا يَعْمَلُونَ بِأَيْدِيهِمْ',
    // One plain word end between two NO-BREAK SPACE ones: أَنْ|يَبِيعَهُ, not أنّي|بيعه (two words that the lexicon knows either way).
    'قَالَتْ إِنَّهَا وَرِثَتْهُ عَنْ أُمِّهَا، ثُمَّ رَفَضَتْ أَنْ يَبِيعَهُ أَحَدٌ.',
  ];
  for (const clean of passages)
    it(`finds every word of «${clean.slice(0, 24)}…»`, () => {
      expect(bareWords(repair(damage(clean).text))).toEqual(bareWords(clean));
    });

  it('gives no letter inside a word of the run a shadda without its vowel: one space is one mark lost (runMarks)', () => {
    const clean = 'ذَهَبَ الطُّلَّابُ إِلَى الْمَدْرَسَةِ فِي الصَّبَاحِ الْبَاكِرِ، وَجَلَسُوا فِي صُفُوفِهِمْ يَنْتَظِرُونَ الْمُعَلِّمَ، ثُمَّ كَتَبُوا دُرُوسَهُمْ';
    const repaired = repair(damage(clean).text);
    expect(repaired.match(/[\u0621-\u064A]\u0651(?=[\u0621-\u064A])/g) ?? []).toEqual([]);
    expect(bareWords(repaired)).toEqual(bareWords(clean));
  });

  it("keeps a run's letters apart from a digit, an abbreviation's dot or a unit's slash beside them (typedApart)", () => {
    // (ب12 ends the run: without the test, الصَّبَاحِ في ب12 would be read as one word, الصباحفيب12.)
    const damaged = `${damage('ذَهَبَ الطُّلَّابُ إِلَى الْمَدْرَسَةِ فِي الصَّبَاحِ').text} ف ي ب12 و ج.م.ع`;
    expect(bareWords(repair(damaged)).slice(-7)).toEqual(['الصباح', 'في', 'ب12', 'و', 'ج', 'م', 'ع']);
  });

  it('joins no two words where a frequent word and a word the lexicon knows would make one (في|حده، بما|دون)', () => {
    const clean = 'السَّيْفُ أَصْدَقُ أَنْبَاءً مِنَ الْكُتُبِ فِي حَدِّهِ الْحَدُّ بَيْنَ الْجِدِّ وَاللَّعِبِ، فَلَا تَقْنَعْ بِمَا دُونَ النُّجُومِ';
    expect(bareWords(repair(damage(clean).text))).toEqual(bareWords(clean));
  });

  it('ends a word at ة or ى even with no mark lost there (a text that leaves case endings out)', () => {
    const clean = 'يمتد طيفه من الأشعة تحت الحمراء إلى الأَشِعَّة السِّينِيَّة. وتلتقط هذا الضوء خطوط الحزم';
    expect(bareWords(repair(damage(clean).text))).toEqual(bareWords(clean));
  });

  it('leaves the word before the run, or after it, to the rules: a run starts at a word end (مُسرِّعًا خَطِّيًّا)', () => {
    const clean = 'تدخل هذه الجُسَيمات أولا مُسرِّعًا خَطِّيًّا قصيرا يرفع سرعتها';
    expect(bareWords(repair(damage(clean).text))).toEqual(bareWords(clean));
  });

  it('touches no clean line among damaged ones: an agency credit and a plate typed with double spaces, letters listed', () => {
    const damaged = damage('وَجَلَسُوا فِي صُفُوفِهِمْ يَنْتَظِرُونَ الْمُعَلِّمَ').text;
    const clean = [
      'بيروت  (أ  ف  ب)  -  قال  د.  م.  أ.  سليم',
      'اللوحة  ص  ط  ع  5432  في  الدور  ب',
      'الحروف أ ب ج د هـ و ز ح ط ي ك ل م ن',
    ];
    for (const line of clean) {
      const out = repair(`${damaged}\n${line}\n${damaged}`).split('\n')[1]!;
      expect(out.replace(/\s+/g, ' ')).toBe(line.replace(/\s+/g, ' '));
    }
  });
});
