/**
 * Does a text hold any of the rare characters that four rules look for: a presentation form, a
 * tatweel, an invisible or bidi control, a Persian letter? Almost no article does, and a search
 * per rule over every article cost about a tenth of the normalizer's time; one search answers for
 * all four. The answer for the last text asked about is remembered: the rules run one after the
 * other on the same string until one of them edits it.
 */
const RARE = /[\u0640\u06CC\u06A9\u061C\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFB50-\uFDFF\uFE70-\uFEFF]/;

let lastText: string | undefined;
let lastAnswer = false;

export function mayHoldRareChars(text: string): boolean {
  if (text !== lastText) {
    lastAnswer = RARE.test(text);
    lastText = text;
  }
  return lastAnswer;
}
