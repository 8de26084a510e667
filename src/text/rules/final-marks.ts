/**
 * Word-final damage (a haraka turned NO-BREAK SPACE or space): the mark is put back only on strong evidence (habitual final shadda: أنّ؛
 * doubled roots whose unmerged form the lexicon holds: تنضمّ؛ adverbial tanween fath: عادةً؛ tanween kasr on defective nouns: نادٍ,
 * and on a noun without the article after a preposition: منذ عقدٍ; the genitive's kasra on a noun with the article after one:
 * بالمرحلةِ; the sound plural's fatha: المواطنونَ); else nothing: better missing than wrong.
 */
import { DAMMA, DAMMATAN, FATHA, FATHATAN, KASRA, KASRATAN, SHADDA, SUKUN, NBSP } from '../arabic.ts';
import { FUNCTION_WORDS } from '../data/function-words.ts';

export interface FinalMarkContext {
  lex(word: string): boolean;
  /** The document shows damage elsewhere (split-words.ts showsDamage). */
  readonly damaged: boolean;
}

export const FINAL_SHADDA = new Set(
  `أن إن لكن كأن ثم أي أم عام خاص مهم هام حق ضد جد حد تم استمر مر رد شد أشد أهم أتم أقل أدق أحق أعم أخص أخف أحب أجل لعل
  يتم تتم يعد تعد يمر تمر يستمر تستمر ينضم تنضم انضم يضم تضم ضم يحق يهم يرد ترد يظل تظل ظل يقر تقر أقر يمتد تمتد امتد
  يحتل تحتل احتل يستعد تستعد استعد اضطر يضطر عد مد حل يحل تحل محل كل فن عدو قوي سري جوي بري بحري لابد`
    .split(/\s+/)
    .filter(Boolean),
);

const FINAL_TANWEEN_FATH = new Set(
  `عادة خاصة نتيجة مرة تارة فجأة بداية نهاية عامة كافة ثانية إضافة اضافة مساء بناء ابتداء انتهاء سواء إزاء ازاء جزء شيء
  قرابة رغبة تلبية مواكبة تزامنا مباشرة صراحة حقيقة ساعة دقيقة مدة عشية ليلة`
    .split(/\s+/)
    .filter(Boolean),
);

/** Is `word` (after و/ف and ب/ل/ك) an indefinite فاعٍ or مفاعٍ: ا before its last letter, ال + it no word, ال + it + ي one? */
function defectiveNoun(word: string, ctx: FinalMarkContext): boolean {
  const stem = /^(?:[وف]?[بلك]|[وف])?(.*)$/.exec(word)![1]!;
  for (const w of stem === word ? [word] : [word, stem])
    if (w.length >= 3 && w.at(-2) === 'ا' && !w.startsWith('ال') && !ctx.lex(`ال${w}`) && ctx.lex(`ال${w}ي`)) return true;
  return false;
}

/** The first word of a compound number or ordinal from eleven to nineteen (أحد عشر، ثلاثة عشر، الرابع عشر). */
const COMPOUND_UNIT =
  /^[وفبل]?(?:أحد|إحدى|ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|ثماني|تسعة|تسع|ال(?:حادي|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ة?)$/;
/** Does the next word make the noun before it the first of a construct: it has the article, or it is a number (ثلاث، خمسة، مئة)? */
function construct(after = ''): boolean {
  return /^ال/.test(after) || /^(?:ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر)(?:ة|ين)?$|^(?:مئة|مائة|ألف|آلاف)$/.test(after);
}

/** The article, after و or ف and ب، ل or ك (الـ، وبالـ، للـ). */
const ARTICLE = /^[وف]?(?:[بلك]?ال|لل)/;
/** Does the word begin with the article: not a masdar of form VIII whose root begins with ل (التزاماً، التقاءً)? */
function withArticle(word: string): boolean {
  return ARTICLE.test(word) && !/^[وف]?[بلك]?الت.ا.ا?$/.test(word);
}
/** Prepositions (with و or ف) after which a noun is genitive; not حتى (also "even"). */
export const PREPOSITION = /^[وف]?(?:في|من|إلى|الى|على|عن|حول|نحو|دون|عبر|ضد|خلال|منذ|لدى|عند|بعد|قبل|بين)$/;

/**
 * Is `word` the preposition ب (after و or ف) and a noun without the article (بخطٍّ، بفائدةٍ، وبتطبيقٍ): the rest a word, the whole no
 * word with the article (not بنك، برنامج, which take it), its last letter not doubled (بأقلّ)?
 */
function afterAttachedBa(word: string, ctx: FinalMarkContext): boolean {
  const rest = /^[وف]?ب(.{2,})$/.exec(word)?.[1];
  if (rest === undefined || rest.startsWith('ال') || FINAL_SHADDA.has(rest) || ctx.lex(rest + rest.at(-1)!)) return false; // (بأقلّ)
  return ctx.lex(rest) && !ctx.lex(`ال${word.replace(/^[وف]/, '')}`);
}

/**
 * The last mark of a fully vocalised word (its letters apart, each with its mark), when its shape tells it: هُمْ's sukun; the past's
 * feminine تْ (تِ before the article); the imperfect's damma, or its sukun after لم, fatha after لن، أن، كي; a past verb's fatha (قالَ،
 * أضافَ، انطلقَ). A word with the article, a plural or a tanween is left to the rules after.
 */
function vocalisedEnding(word: string, before: string, after: string, ctx: FinalMarkContext): string | undefined {
  const stem = word.replace(/^[وف]/, '');
  // (Not a nisba in ي or a word in و, whose mark is a shadda; nor a doubled root: تُفكّ، تُبثّ.)
  if (/^(?:[بلك]?ال|لل)/.test(stem) || /[وي]ن$|[اىةءيو]$/.test(stem) || ctx.lex(word + word.at(-1)!)) return undefined;
  if (stem.length >= 4 && stem.endsWith('هم')) return SUKUN;
  if (stem.length >= 3 && stem.endsWith('ت')) return /^ال|^ا/.test(after) ? KASRA : SUKUN;
  const verb = stem.replace(/^س(?=[يتنأ])/, '');
  if (FINAL_SHADDA.has(verb)) return undefined; // (سيُعِدّ)
  if (/^[يتن]/.test(verb) && verb.length >= 3) {
    // (After لم a defective verb lost its last letter and keeps the vowel before it: jussiveVowel, below.)
    if (/^[وف]?لم$/.test(before)) return jussiveVowel(verb, ctx) ? undefined : SUKUN;
    if (/^[وف]?(?:لن|أن|ان|كي|لكي)$/.test(before) || /^[وف]?ل[يتن]/.test(word)) return FATHA;
    return DAMMA;
  }
  if ((stem.length >= 3 && stem.length <= 4) || (stem.startsWith('ا') && stem.length <= 6)) return FATHA;
  return undefined;
}

/**
 * The vowel a defective verb keeps after لم once its last letter is gone (لم ننتهِ، لم يسعَ، لم تخلُ): the one whose long letter
 * (ي، ى، و) makes a word the lexicon knows, when only one does.
 */
function jussiveVowel(word: string, ctx: FinalMarkContext): string | undefined {
  const vowels = [
    [`${word}ي`, KASRA],
    [`${word}ى`, FATHA],
    [`${word}و`, DAMMA],
  ].filter(([w]) => ctx.lex(w!));
  return vowels.length === 1 ? vowels[0]![1] : undefined;
}

/**
 * The mark to restore at the end of `word` whose final haraka(s) became `gap`, or undefined. `before` is the word before it
 * (letters only), when known.
 */
export function finalMarkFor(
  word: string,
  gap: string,
  ctx: FinalMarkContext,
  before = '',
  agree?: string,
  around?: { after: string; vocalised: boolean; beforeAcrossDebris?: string },
): string | undefined {
  // One space is debris only before punctuation or a line's end in a text that shows damage (the caller checks where it stands).
  if (!/^[ \u00A0]+$/.test(gap) || (!gap.includes(NBSP) && gap.length < 2 && !ctx.damaged)) return undefined;
  // How many marks were lost: every character of the gap but a real space that follows them.
  const lost = gap.endsWith(' ') && gap.length > 1 ? gap.length - 1 : gap.length;
  if (lost > 2) return undefined;
  const last = word.at(-1)!;
  if (lost === 2) {
    // Shadda and fatha on a past verb whose last letter doubles: forms VII, VIII, X (اهتزَّ، امتدَّ، استمرَّ) or a short stem after
    // و or ف, which opens a clause with it (وردَّ، وتمَّ، فعدَّ).
    if (/^[وف]?ا[^ل].{2,}$/.test(word) || /^[وف]..$/.test(word)) return (FATHA + SHADDA).normalize('NFC');
    // Shadda and tanween together on a defective noun (تحدٍّ، تصدٍّ، مؤدٍّ) or an adjective (مستمرٌّ is rarer).
    return 'اىةءآأإؤئ'.includes(last) || word.length < 3 ? undefined : (KASRATAN + SHADDA).normalize('NFC');
  }
  // With or without a conjunction before it (وأنّ، فإنّ، وكلّ).
  if (FINAL_SHADDA.has(word) || (/^[وف]/.test(word) && FINAL_SHADDA.has(word.slice(1)))) return SHADDA;
  // … and the particles and كلّ after ب or ل (لأنّ، بأنّ، لكلّ، بكلّ).
  if (/^[وف]?[بل](?:أن|إن|كل)$/.test(word)) return SHADDA;
  // The numbers eleven to nineteen and their ordinals are built on the fatha, both words (أحدَ عشرَ، الرابعَ عشرَ).
  // (The word before may have lost its own final mark: أحدَ  عشرَ.)
  const unitBefore = COMPOUND_UNIT.test(around?.beforeAcrossDebris || before);
  if (ctx.damaged && (unitBefore ? /^عشرة?$/.test(word) : COMPOUND_UNIT.test(word) && /^عشرة?$/.test(around?.after ?? ''))) return FATHA;
  // A word whose every letter carried its mark (vocalised) ends in its verb's or pronoun's vowel.
  if (around?.vocalised && ctx.damaged) {
    const mark = vocalisedEnding(word, before, around.after, ctx);
    if (mark) return mark;
  }
  // A noun in ة or ء right after a preposition is genitive: its tanween is a kasr (في خطوةٍ، من جزءٍ), never the fath.
  // (Before a word with the article or a number it is the first of a construct, without tanween: في مدينةِ القاهرة، بفارقِ ثلاثِ.)
  // (Not a word with the article, which takes no tanween: إلى القاهرة is إلى القاهرةِ, below.)
  if (ctx.damaged && 'ةءأ'.includes(last) && !withArticle(word) && (PREPOSITION.test(before) || afterAttachedBa(word, ctx)))
    return construct(around?.after) ? KASRA : KASRATAN;
  if (FINAL_TANWEEN_FATH.has(word)) return FATHATAN;
  // A short particle whose letters stood apart keeps its sukun, or the vowel it takes before the article (مِنْ، عَنْ، لَمْ; مِنَ
  // الـ، عَنِ الـ); مَعَ its fatha.
  if (around?.vocalised && ctx.damaged && /^(?:من|عن|لم|لن|قد|هل|بل|كم|مع)$/.test(word)) {
    if (word === 'مع') return FATHA;
    return /^ال/.test(around.after) ? (word === 'من' ? FATHA : KASRA) : SUKUN;
  }
  if (FUNCTION_WORDS.has(word) || word.length < 2) return undefined;
  // A pronoun suffix ends the word: هُمْ and كُمْ take a sukun; ه a kasra after ي, in بِهِ and after a preposition (عليهِ، على
  // حسابهِ), else a damma (رصيدهُ، لهُ).
  // (Not a word with the article, which takes no suffix: الأهمّ، الفقه; nor a verb after لم, which lost its last letter.)
  const suffixed = ctx.damaged && word.length >= 3 && !ARTICLE.test(word) && !/^[وف]?لم$/.test(before); // (لم ننتهِ: jussiveVowel)
  if (suffixed && /[هك]م$/.test(word) && !FINAL_SHADDA.has(word.replace(/^[وف]/, ''))) return SUKUN;
  if (suffixed && word.endsWith('ه') && !'هة'.includes(word.at(-2)!)) {
    return word.endsWith('يه') || /^[وف]?به$/.test(word) || PREPOSITION.test(before) ? KASRA : DAMMA;
  }
  // An adjective without the article after a noun that got tanween kasr or damm back agrees with it (بخطٍّ سريعٍ، أمرٌ ضروريٌ;
  // في مدينةٍ كبيرةٍ); not a nisba in ي, whose mark is its shadda (تعاونٍ عربيّ), nor a doubled root (عملٍ جادّ).
  if (
    ctx.damaged &&
    (agree === KASRATAN || agree === DAMMATAN) &&
    !ARTICLE.test(word) &&
    !'اىآإؤئيءأ'.includes(last) &&
    !ctx.lex(word + last)
  )
    return agree;
  // A word with the article takes no tanween: after a preposition, attached (بالمرحلةِ، للوزاراتِ) or not (في المدينةِ), or after a
  // word that got it back (المركزِ الثالثِ), the genitive's kasra; else its case is not known. (Not a doubled last letter, which
  // takes a shadda: a stem of two letters, بالصفّ، للطبّ؛ فاعّ، للشابّ؛ one the lexicon shows apart; nor a nisba in ي or a word in و.)
  const stem = word.replace(ARTICLE, '');
  if (stem !== word) {
    const genitive = /^[وف]?(?:[بلك]ال|لل)/.test(word) || PREPOSITION.test(before) || agree === KASRA;
    const doubled = stem.length < 3 || /^.ا.$/.test(stem) || FINAL_SHADDA.has(stem) || ctx.lex(word + last);
    if (genitive && !doubled && !'اىآإؤئيوءأ'.includes(last)) return ctx.damaged ? KASRA : undefined;
    if (last === 'ة' || (stem.endsWith('ات') && stem.length >= 4)) return undefined;
  }
  // The sound plural's ن takes a fatha (المواطنونَ، المهندسينَ، عشرينَ), the dual's after ت a kasra (محافظتَينِ), never shadda.
  if (ctx.damaged && word.length >= 4 && /[وي]ن$/.test(word)) return word.endsWith('تين') ? KASRA : FATHA;
  // News writes tanween fath after ة, ء, أ and (in the older convention) after alef: خطوةً، مساءً، مبدأً، مؤكّداً.
  if ('ةءأا'.includes(last)) return ctx.damaged && !withArticle(word) ? FATHATAN : undefined;
  if ('ىآإؤئ'.includes(last)) return undefined;
  // A doubled root shows its two letters apart in some forms (تنضمم, استمررت): a final shadda then.
  if (ctx.lex(word + last) && finalShaddaShape(word, before)) return SHADDA;
  // After لم a verb of a defective root has lost its last letter: the mark is the vowel before it. Not form V, whose last
  // letter is doubled and keeps its shadda (لم نتلقّ).
  if (ctx.damaged && /^[وف]?لم$/.test(before) && /^[يتنأ]/.test(word) && !/^[يتنأ]ت..$/.test(word)) {
    const vowel = jussiveVowel(word, ctx);
    if (vowel) return vowel;
  }
  // A defective noun without the article drops its final ي and takes tanween kasr (نادٍ، ثانٍ، مبانٍ، أراضٍ): after ا, where
  // the lexicon knows the word with the article only with that ي (النادي، المباني; not الناد, while العامّ، الشابّ are words).
  if (defectiveNoun(word, ctx)) return KASRATAN;
  // Any other noun without the article right after a preposition is genitive and indefinite: tanween kasr (في موسمٍ، منذ عقدٍ).
  // Not a noun in و (نموّ، جوّ) nor the plural مفاعّ of a doubled root (موادّ، مهامّ، مسامّ), whose last mark is a shadda.
  if (
    ctx.damaged &&
    (PREPOSITION.test(before) || afterAttachedBa(word, ctx)) &&
    word.length >= 3 &&
    !ARTICLE.test(word) &&
    !/و$|^م.ا.$/.test(word)
  )
    return construct(around?.after) ? KASRA : KASRATAN;
  // A last letter after ي، و or ئ (وزير، مسؤول، الشعوب، نتائج) is no doubled root's: the lost mark was a case vowel, which is not guessed.
  if (/[يوئ][^يو]$/.test(word)) return undefined;
  // Otherwise the mark news writes at a word's end is a shadda (مهمّ، عامّ، الدوليّ، عدوّ), in text
  // that shows damage elsewhere; short vowels at a word's end are written only in vocalized text.
  return ctx.damaged && finalShaddaShape(word, before) ? SHADDA : undefined;
}

/**
 * Can a final shadda stand on this word's shape? A doubled root merges its last two letters only in these shapes: a stem of two
 * letters (حقّ، الحرّ), فاعّ (عامّ، الشابّ), مفعّ and أفعلّ (مهمّ، أهمّ، بأقلّ), an imperfect (يتمّ، تستمرّ، ينضمّ، يحتلّ), forms VII,
 * VIII and X and the participles of VIII and X (انضمّ، امتدّ، استمرّ؛ محتلّ، مستقلّ; not منفعّ, which منظر looks like), مفاعّ
 * (مهامّ); and the nisba in ي, a word in و (عدوّ، نموّ), the pronoun هنّ/كنّ, form V of a defective root after لم (لم نتلقّ). Not
 * a plural in ات, a broken plural or a noun of three root letters (ساعات، مدارس، محمد، رسم), whose lost mark was a vowel or tanween.
 */
export function finalShaddaShape(word: string, before: string): boolean {
  // (Not الله, whose shadda is on its lam: والله، بالله، لله.)
  if (/^[وف]?[بتلك]?ا?لله$/.test(word)) return false;
  // Form V of a defective root after لم keeps its doubled letter's shadda at the end (لم نتلقّ، لم يتبقّ).
  if (/^[وف]?لم$/.test(before) && /^[وف]?[يتنأ]ت..$/.test(word)) return true;
  const bare = word.replace(/^[وف](?=..)/, '').replace(/^س(?=[يتنأ]..)/, '');
  if (/..ات$/.test(bare)) return false;
  const stems = [bare, bare.replace(/^(?:[بلك]?ال|لل)(?=..)/, '')];
  const afterParticle = /^[بلك](..+)$/.exec(bare)?.[1];
  if (afterParticle && !afterParticle.endsWith('ت')) stems.push(afterParticle);
  return stems.some(
    (s) =>
      s.length === 2 ||
      /[يو]$|[هك]ن$/.test(s) ||
      /^ت?.ا.$|^م.ا.$/.test(s) ||
      /^[مأ]..$/.test(s) ||
      /^[يتنأا](?:ست|ن)?..$|^مست..$/.test(s) ||
      /^[يتنأام](?:.ت|[صضطظ]ط|[زذد]د).$/.test(s),
  );
}
