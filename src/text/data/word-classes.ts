/**
 * Word classes the split-word repair reasons with. Undiacritized forms. Each list is small and
 * says why it exists: these are the orthographic facts the lexicon cannot supply.
 */
/** Pronoun suffixes: never a word of their own after a particle or a verb. */
/**
 * Frequent words that are also the ends of longer words (تأهّ|له، يموّ|له، الأوّ|لي|ة، يؤيّ|دون): after a
 * piece that is no word they may be the tail a lost shadda split off.
 */
export const WORD_TAIL_FUNCTION_WORDS = new Set(['له', 'لها', 'لهم', 'لي', 'لنا', 'لك', 'لو', 'ان', 'ام', 'دون']);
/**
 * أن and أم written without their hamza, which are also word tails after a doubled letter
 * (السكّ|ان، الأيّ|ام، الرسّ|ام). A text that writes the particles with their hamza uses these
 * only as tails.
 */
export const HAMZALESS_PARTICLES = new Map([
  ['ان', ['أن', 'إن']],
  ['ام', ['أم']],
]);

export const SUFFIX_PRONOUNS = new Set(['ه', 'ها', 'هما', 'هم', 'ني', 'نا', 'ك', 'ي']);
/**
 * Particles that govern only verbs (لن، لم، سوف) and never take a pronoun suffix: a lone ي، ت، ن
 * or أ after them is the next verb's prefix (ولن يُطّلع), never a suffix (no «لني»).
 */
export const VERB_ONLY_PARTICLES = new Set(['لن', 'لم', 'سوف'].flatMap((p) => [p, `و${p}`, `ف${p}`]));
/** Particles that take a pronoun suffix, often with a shadda: أنّها، إنّني، لكنّهم. */
export const SHADDA_PARTICLES = new Set([
  'أن',
  'إن',
  'ان',
  'لكن',
  'كأن',
  'لأن',
  'لان',
  'وأن',
  'وإن',
  'فإن',
  'ولكن',
  'ضد',
  'وضد',
  'كل',
  'وكل',
]);
/** Frequent words that also begin common words with a shadda on their last letter (قدّم، أيّد، كمّية). */
export const PARTICLE_STEMS = new Set(['قد', 'وقد', 'أي', 'كم', 'كل', 'وكل', 'فكل', 'بكل', 'لكل']);
/** كلّ and prepositions: a noun follows them, never a word opened by the conjunction و or ف (وكلّ|ف الخزينة). */
export const NOUN_GOVERNORS = new Set(
  `كل وكل فكل بكل لكل في من على إلى الى عن مع بين عند لدى حول دون ضد خلال عبر بعد قبل أمام نحو`.split(' '),
);
/**
 * Words that open a clause, so a verb usually follows (في حين يُسمح، عندما تُعلن). Not function
 * words: as the tail of a split word (المرشّ|حين) they must still join.
 */
export const CLAUSE_OPENERS = new Set(['حين', 'حينما', 'عندما', 'لما']);
/** Frequent words whose last letter, split off, could also open the next word; they win (أوّل قمر، هنّأ الوزير، ممّن فُحصوا). */
export const PREFER_LEFT = new Set(['أول', 'اول', 'أولى', 'كل', 'قدم', 'إلي', 'علي', 'لدي', 'هنأ', 'ممن', 'عمن']);
/** أمّا، إمّا، and أوروبّا (a name: no tanween): the alef after them follows a shadda, not a tanween. */
export const SHADDA_BEFORE_ALEF = new Set([
  ...['', 'و', 'ف', 'ب', 'ل', 'وب', 'ول'].map((p) => `${p}أوروب`),
  'أم',
  'إم',
  'وأم',
  'وإم',
  'فأم',
  'أل',
  'إل',
  'وأل',
  'وإل',
  'عم',
  'وعم',
  'فعم',
  'مم',
  'ومم',
  'فمم',
  'لم',
  'ولم',
  'إن',
  'وإن',
  'أن',
  'كأن',
  'لكن',
  'كن',
  'وكن',
  'فكن',
  'من',
  'عن',
  'ومن',
  'وعن',
]);
/** Two-letter words that look like a conjunction + verb prefix but are words (فنّ، ستّ). */
export const WORD_LIKE_PREFIXES = new Set(['فن', 'ست', 'في', 'فت']);
/** Proclitics alone, in their only order: أ (question), و/ف, then ب/ك/ل/س. */
export const PROCLITIC_CHAIN = /^(?=.)أ?[وف]?[بكلس]?$/;
/** A conjunction and the future س before an imperfect prefix: ي|عدّ، ست|ستخدم، فست|تداول. */
export const VERB_PREFIX = /^[وف]?س?[يتنأ]$/;
export const VERB_PREFIXES = ['', 'و', 'ف']
  .flatMap((c) => ['', 'س'].flatMap((f) => [...'يتنأ'].map((p) => c + f + p)))
  .filter((p) => p.length > 1);
/** Letters that never begin a word: a piece starting with one is the tail of a broken word. */
export const NEVER_INITIAL = new Set(['ة', 'ى', 'ؤ', 'ئ']);
/** Letters after which no haraka can stand, so a gap right after them is a real space. */
export const NO_MARK_AFTER = new Set(['ا', 'ة', 'ى', 'آ']);
/** One-letter words: و is written apart by careless typists; the others never stand alone. */
export const LONE_LETTER_WORDS = new Set(['و']);
/**
 * First words of names written in two words: kunyas and patronyms (أبو مازن، عبد الله، بن سلمان),
 * and places (أبو ظبي، بيت لحم، رأس الخيمة، كفر الشيخ، شرم الشيخ، عين التينة، دير الزور).
 * The gap after one is a word boundary; with و، ف، ب، ل before them too.
 */
export const NAME_HEADS = new Set(
  `أبو أبي أبا عبد بن ابن بنت ولد أم آل ذي ذو بيت رأس دار عين كفر شرم سيدي بني تل جبل وادي بئر دير مرج باب خان برج سوق قصر حي بندر أولاد مار سان ولي`
    .split(' ')
    .flatMap((w) => ['', 'و', 'ف', 'ب', 'ل'].map((p) => p + w)),
);
/** The names of Latin letters, as Arabic spells out an acronym (بي بي سي، أر تي أس، إف بي آي): two side by side are no split word. */
export const LATIN_LETTER_NAMES = new Set(
  `إيه بي سي دي إي إف جي إتش آي جاي كي إل إم إن أو كيو أر آر إس أس تي يو في دبليو إكس واي زد زي`.split(' '),
);
/** News agencies credited by their initials, written with spaces (أ ف ب، د ب أ). */
export const AGENCY_INITIALS = new Set(['أ ف ب', 'ا ف ب', 'د ب أ', 'أ ش أ', 'ا ش ا', 'أ ب', 'و م ع', 'ي ب أ', 'ب ن أ', 'ق ن ا']);
/**
 * Prepositions, particles and pronouns that follow a letter written alone on purpose (فيتامين د
 * في، الفئة أ من) and never end a word broken after its first letter (unlike قد in عُ|قد).
 */
export const STANDALONE_AFTER_LETTER = new Set(
  (
    `في من على إلى الى عن مع أو او ثم بين حتى منذ عند لدى التي الذي الذين أن إن لكن لكنه لكنها كان كانت وفي ومن وعلى ` +
    // a blood group's sign (فصيلة الدم ب سالب، أ موجب)
    `سالب موجب`
  ).split(' '),
);
/** Nouns that a lone letter labels: الفئة أ، المجموعة ب، فيتامين د، حرف ك، البند ج. */
export const LABEL_NOUNS = new Set(
  (
    `فئة فئتي مجموعة فيتامين حرف درجة بند نوع قسم مستوى جدول ملحق شكل طراز مرحلة خطة فقرة مادة رقم نموذج صنف فصل مربع قائمة ` +
    // a school's class or stream and a grade (الشعبة ك، بتقدير د)
    `شعبة تقدير ` +
    // letters that name a variable, an angle, a side, a root's radicals or a spoon's size (المتغير س، المثلث أ ب ج، الجذر ك ت ب، ملعقة ك)
    `متغير قيمة زاوية ضلع مثلث محور دالة رمز جذر ملعقة ` +
    // a virus's type (الإنفلونزا ب، سلالة أ، التهاب الكبد ب), a blood group (فصيلة ب الموجبة، زمرة أ)
    `إنفلونزا انفلونزا سلالة كبد فصيلة فصيلتي زمرة`
  )
    .split(' ')
    .flatMap((w) => [w, `ال${w}`, `و${w}`, `وال${w}`, `بال${w}`, `لل${w}`, `ب${w}`])
    // a point, a party or a line only with the article (النقطة أ، الطرف ب، الخط ب): برصيد 17 نقطة فِي is a vowelled word after it, خط ط is خطّط
    .concat(['النقطة', 'والنقطة', 'الطرف', 'والطرف', 'الخط', 'والخط'])
    .concat(['الحرفين', 'الفئتين', 'المجموعتين', 'فيتامينات', 'الفيتامينات', 'المتغيرين', 'المتغيران', 'النقطتين', 'الضلعين']),
);
/**
 * Places that a letter labels (برج ب، جناح ج، البوابة أ), which a vocalised preposition may follow too (القاعة بِسرعة): a label
 * unless it is ب، ل، ك، ف or و opening a word with what follows.
 */
export const LETTERED_PLACES = new Set(
  `برج مبنى عمارة بلوك جناح قاعة بوابة مدخل صالة مجمع`.split(' ').flatMap((w) => [w, `ال${w}`, `و${w}`, `وال${w}`]),
);
/** Number words, written before the noun they count (ألف طنّ، مليون دولار): never the start of a broken word. */
export const NUMBER_WORDS = new Set(
  `ألف الف آلاف الاف مليون ملايين مليار مليارات مئة مائة مئات`.split(' ').flatMap((w) => ['', 'و', 'ب', 'ل'].map((p) => p + w)),
);
/** Cardinals that stand before the noun they count (ثلاث تهم، سبع سنوات), alone or after و، ب or ل; not ست, whose ستّ|ين lost a shadda. */
export const CARDINALS = new Set(
  ['ثلاث', 'أربع', 'خمس', 'سبع', 'ثماني', 'تسع', 'عشر'].flatMap((w) => ['', 'و', 'ب', 'ل'].map((p) => p + w)),
);
/** Nouns news counts with a cardinal: of time, of times and countries (ست ساعات، سبع سنوات، ثلاث مرات، ست دول). */
export const COUNTED_NOUNS = new Set(`ساعات سنوات سنين أيام ايام ليال أشهر شهور أسابيع دقائق ثوان مرات دول`.split(' '));
/** Particles before an imperfect verb (لم يُ|بنَ، لن تُ|بنى): those that take only a verb, and كي. */
export const VERB_PARTICLES = new Set([...VERB_ONLY_PARTICLES, 'كي', 'لكي']);
/** Words that stand before a person's name, the name's initial among them (الحاج م. عبد الستار، الدكتورة ع. الصالح). */
export const TITLES = new Set(
  `الحاج الحاجة الشيخ الشيخة السيد السيدة الدكتور الدكتورة المهندس المهندسة الأستاذ الأستاذة المحامي المحامية القاضي القاضية
  العميد اللواء العقيد الرائد النقيب الأمير الأميرة`.split(/\s+/),
);
/** Names' first words that are never a broken word's tail (عين and دار are: المشجّ|عين، مد|ار). */
export const NAME_HEADS_NOT_TAILS = new Set(['بن', 'ابن', 'بنت', 'أبو', 'أبي', 'أبا', 'عبد', 'آل', 'ذي', 'ذو', 'بني']);
/**
 * A piece after which a lost mark leaves a long rest: form VIII's اتّ (واتّ|صالات، الاتّ|حاد، للاتّ|هامات), with the article its
 * assimilated ادّ، اطّ، اظّ too (الادّ|عاءات، الاطّ|لاع), or the article and one letter (العُ|مانية).
 */
export const OPEN_STEM = /^(?:[وفب]?(?:ال)?ات|[وفبك]?الا[دطظ]|[وف]?للا[تدطظ]|ال[\u0621-\u064A])$/;
/**
 * The article and two letters, no long vowel among them (المح|ترفون، المع|روضات، الإع|لانات، والمق|بل): a writer who marks the sukun
 * of a closed syllable leaves a long rest after it; looked at in a document that shows damage only.
 */
export const ARTICLE_AND_TWO = /^(?:[وف]?[بلك]?ال|[وف]?لل)[\u0621-\u0626\u0628\u062A-\u0647][\u0621-\u0626\u0628\u062A-\u0647]$/;
/** The feminine plural's ات with a pronoun, a nisba's tail once its shadda is lost (إحداثيّ|اتها). */
export const NISBA_PLURAL_PRONOUN = /^ات(?:ه|ها|هم|هما|هن|نا|كم|ك)$/;
/**
 * A trade's noun (فعّال) split at its shadda: the article and two letters, then ا, a letter and a plural's or ة's ending
 * (النحّ|الين، البحّ|ارة).
 */
export const TRADE_STEM = /^[وف]?(?:[بلك]?ال|لل)[\u0621-\u064A]{2}$/;
export const TRADE_TAIL = /^ا[\u0621-\u064A](?:ين|ون|ات|ة)$/;
/** و/ف, alef, one letter and ت (ط after ص ض ط ظ): the stem of a form VIII or X verb (اعتُبر، استُخدم، افتُتح، اضطُرّ، اصطُحب). */
export const FORM_VIII_OR_X_STEM = /^[وف]?ا(?:[\u0621-\u064A]ت|[صضطظ]ط)$/;
/** Plural and dual pronoun suffixes that are also words (كم، هم): a doubled letter before them keeps its shadda (حقّكم). */
export const PLURAL_PRONOUNS = new Set(['كم', 'كما', 'هم', 'هما']);
/** Frequent words that never take a pronoun suffix or another letter: a lost final mark after them ends the word (ثمّ، بل، لم). */
export const NO_SUFFIX_WORDS = new Set(['ثم', 'وثم', 'بل', 'هل', 'لم', 'ولم', 'فلم', 'لن', 'ولن', 'فلن']);
/** Two-letter frequent words whose first letter editors mark to tell them apart (مَن from مِن، لَم، قَد، هَل، كَم). */
export const VOWELLED_SHORT_WORDS = new Set(['من', 'عن', 'لم', 'لن', 'قد', 'هل', 'كم', 'بل']);
/** Two-letter stems that ما ends, written joined with a shadda between (لا سيّما، ربّما). */
export const JOINED_WITH_MA = new Set(['سي', 'رب']);
/** Form VIII's اتّ with its proclitics and article, which opens the next piece's word (ضمن اتّ|فاقيات). */
export const FORM_VIII_OPENING = /^(?:[وفب]?(?:ال)?ات|[وف]?للات)$/;
/** Relative pronouns: after a noun and a list letter, the letter is the noun's label (المسار ب الذي). */
export const RELATIVE_PRONOUNS = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان', 'اللواتي', 'اللاتي']);
/** Is `A` the article (after و، ف، ب، ك, or as ل + ال's ل) and `rest` what a relative pronoun has after it (ال|ذي، وال|تي، لل|ذين)? */
export function articleBeforeRelative(A: string, rest: string): boolean {
  return /^(?:[وف]?[بك]?ال|[وف]?لل)$/.test(A) && RELATIVE_PRONOUNS.has(`ال${rest}`);
}

/** Frequent words typed with a bare alef for their hamza in unvocalised copy, after any word; no word's tail (في حق اي مواطن). */
export const HAMZALESS_WORDS = new Set(['اي', 'او', 'الى', 'اذا']);
/** Units news abbreviates after a number (500 كغ، 12 كلم، 80 سم): the next word stands apart. */
export const UNIT_ABBREVIATIONS = new Set(['كغ', 'كلم', 'كم', 'سم', 'مم', 'ملم', 'مل', 'غ', 'لتر', 'طن', 'ميل', 'هكتار', 'كيلو']);
/** Units written as symbols, which take no case ending after their number (5 كغ، 3 كم; not لترٍ، طنّ). */
export const UNIT_SYMBOLS = new Set(['كغ', 'كلم', 'كم', 'سم', 'مم', 'ملم', 'مل', 'غ']);
/** A preposition and a pronoun suffix spelled as one word (منّا، عنك، عليكم), besides the frequent ones in FUNCTION_WORDS. */
export const PREPOSITION_PRONOUNS = new Set(
  'منا عنا فينا علينا إلينا معنا بيننا منك عنك فيك عليك إليك معك منكم عنكم فيكم عليكم إليكم معكم بينهم بينها منهما عنهما'.split(' '),
);
/** Solfège syllables (دو ري مي فا صول لا سي): three in a row are notes, not a word's pieces. */
export const SOLFEGE = new Set(['دو', 'ري', 'مي', 'فا', 'صول', 'لا', 'سي']);

/**
 * Words of the spoken dialects that news quotes and the lexicon of the written language lacks (هاي، تاني، كتير، إزاي، شلون):
 * read as words, so that one after a word is not taken for the tail a lost mark split off (بس هاي, not بسّهاي; عالم تاني, not عالمّتاني).
 * None begins or ends a word of the written language that a lost mark splits.
 */
export const COLLOQUIAL_WORDS = new Set(
  `هاي هيك هلق هلأ هلقد قديش أديش كتير منيح علشان لسه لسا شلون اشلون ماكو كيفاش علاش امتى إمتى ازاي إزاي مافيش مفيش دلوقتي
  النهارده امبارح إمبارح ايش إيش ايه تاني تالت عايز عاوز عايزين عاوزين احنا انتو إنتو إللي اللى هيه هوه يالله ياريت منشان
  حنروح هنروح منروح ماعرفش مابعرف مابعرفش معلش معليش شنو ديال ديالي ديالنا كاين كلش هدول هيدول هذول ليكي بيه بيها وياه وياها
  هوايه شكد شقد`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * Spoken words that are words after a word (بس مو بإيدنا) but, as a first piece, more often a split word's (موّ|ل، مو|اده): not in
 * COLLOQUIAL_WORDS, asked only of a join's last piece.
 */
export const COLLOQUIAL_LAST_PIECES = new Set(['مو']);
