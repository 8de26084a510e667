/**
 * Arabic and the other languages of the Arabic script (Persian, Urdu, Kurdish, Pashto, Ottoman Turkish) told apart in a stretch of
 * text: a line's text between quotation marks or brackets, or outside them. A stretch in another language is quoted as written;
 * an Arabic one may hold Persian letters typed on a Persian keyboard, or a name in another alphabet (گوگل). Pure.
 */
import { LETTER_SPAN } from './arabic.ts';

export interface Stretch {
  start: number;
  end: number;
  /** Enclosed in quotation marks or brackets on both sides. */
  quoted: boolean;
}

const OPENERS = '«(“';
const CLOSERS = '»)”';
/** Straight quotation marks open and close in turn within a line. */
const STRAIGHT = '"';

/** A character that ends a stretch: a line's end, an opener or a closer, the straight quotation mark. */
const BOUNDARY = /[\n«(“»)”"]/;

/** The text's stretches, in order: each line cut at quotation marks and brackets. */
export function stretches(text: string): Stretch[] {
  const found: Stretch[] = [];
  let start = 0;
  let opened = false;
  let straightOpen = false;
  const boundary = new RegExp(BOUNDARY.source, 'g');
  for (;;) {
    const m = boundary.exec(text);
    const k = m ? m.index : text.length;
    const c = m ? m[0] : '\n';
    const opener = OPENERS.includes(c) || (c === STRAIGHT && !straightOpen);
    const closer = CLOSERS.includes(c) || (c === STRAIGHT && straightOpen);
    if (k > start) found.push({ start, end: k, quoted: opened && closer });
    if (c === STRAIGHT) straightOpen = !straightOpen;
    if (c === '\n') straightOpen = false;
    opened = opener;
    start = k + 1;
    if (!m) return found;
  }
}

const ANY_YEH = `${LETTER_SPAN}\u06A9\u06CC`;
/** The article, ة, or a frequent preposition or relative (with either yeh), as a word: Arabic, not Persian. */
const ARABIC_SIGN = new RegExp(
  `\u0629|(?<![${ANY_YEH}])(?:[وفبلك]?ال[${ANY_YEH}]{2}|(?:[وف]?(?:في|فی|من|على|علی|إلى|إلی|الى|الی|عن|التي|التی|الذي|الذی))(?![${ANY_YEH}]))`,
);
/**
 * Signs of another language: letters Arabic does not use (not ڤ, which Arabic writes for v), the ezafe's هٔ, a ZERO WIDTH
 * NON-JOINER inside a word (می‌خواهم), or a frequent Persian or Urdu word in its own letters (که، کو، کر، یک، این، می).
 */
const OTHER_SIGN = new RegExp(
  `\u0647\u0654|[\u0679\u067C\u067E\u0681\u0685\u0686\u0688\u0689\u0691\u0693\u0695\u0696\u0698\u069A\u06AF\u06B5\u06BA\u06BE\u06C0\u06C1\u06C6\u06CE\u06D0\u06D2\u06D5]|[${ANY_YEH}]\u200C[${ANY_YEH}]|(?<![${ANY_YEH}])(?:که|کو|کر|یک|این|می)(?![${ANY_YEH}])`,
);

/** Does the text show a sign of Arabic (the article, ة, في، على …)? */
export function showsArabic(text: string): boolean {
  return ARABIC_SIGN.test(text);
}

/** A character every one of OTHER_SIGN's signs holds: the hamza above of هٔ, a letter of the other languages (ک and ی among them), ZWNJ. */
const OTHER_SIGN_LETTER = /[\u0654\u0679-\u06D5\u200C]/;

/** Does the text show a sign of another language of the Arabic script? */
export function showsOtherLanguage(text: string): boolean {
  return OTHER_SIGN_LETTER.test(text) && OTHER_SIGN.test(text);
}
