/**
 * Which of the rare characters that four rules look for a text holds: presentation forms, tatweel,
 * invisible and bidi controls, Persian letters. Most articles have none or one kind, and a search
 * per rule over every article cost about a tenth of the normalizer's time; one search that visits
 * only the rare characters themselves answers for all four. The answer for the last text asked
 * about is remembered: the rules run one after the other on the same string until one edits it.
 */
export const TATWEEL_CHAR = 1;
export const PERSIAN_LETTER = 2;
/** U+200B–200F, U+202A–202E, U+2060, U+2066–2069, U+FEFF, U+00AD, U+061C */
export const INVISIBLE_CHAR = 4;
/** U+FB50–FDFF, U+FE70–FEFE */
export const PRESENTATION_FORM = 8;

const RARE = /[\u0640\u06CC\u06A9\u061C\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFB50-\uFDFF\uFE70-\uFEFF]/g;

let lastText: string | undefined;
let lastKinds = 0;

export function rareKinds(text: string): number {
  if (text === lastText) return lastKinds;
  let kinds = 0;
  for (const m of text.matchAll(RARE)) {
    const c = m[0].charCodeAt(0);
    if (c === 0x0640) kinds |= TATWEEL_CHAR;
    else if (c === 0x06cc || c === 0x06a9) kinds |= PERSIAN_LETTER;
    else if (c >= 0xfb50 && c !== 0xfeff) kinds |= PRESENTATION_FORM;
    else kinds |= INVISIBLE_CHAR;
    if (kinds === 15) break;
  }
  lastText = text;
  lastKinds = kinds;
  return kinds;
}
