/**
 * Arabic folding for matching (related articles, search queries): harakat and tatweel removed,
 * أ/إ/آ/ٱ → ا, ى → ي, ة → ه. Never used for display — only to compare words.
 */
import { isArabicLetterCode, WORD_MARKS } from '../text/arabic.ts';

const MARKS = new RegExp(`[\u0610-\u061A${WORD_MARKS}\u06D6-\u06ED\u0640]`, 'g');

export function foldArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}

/** Function words that say nothing about what an article is about (already folded). */
export const STOP = new Set(
  (
    'في من على الي عن مع ان او ثم قد لا لم لن ما هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت يكون ' +
    'بين بعد قبل عند حتي منذ خلال كل بعض غير اي اذا لكن الا ايضا حيث كما وقال قال وقالت قالت واضاف اضاف ' +
    'وفق نحو لدي لها له لهم به بها فيه فيها عليه عليها منه منها الان امس اليوم وهو وهي التي وكان وفي ومن ' +
    'the a an of to in and or for on at by with from that this is are was were be it as its has have had not but will said'
  ).split(/\s+/),
);

const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = new Set(['ها', 'هم', 'ات', 'ون', 'ين']);

/** Length in code points (what the patterns this replaces counted). */
const codePoints = (s: string) => (/[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length);

/**
 * Light stemming: the article and one-letter conjunctions/prepositions glued to it, and a few
 * suffixes, each only when three letters stay. (String tests: this runs on every word of every
 * article, where two regular expressions per word were a measurable share of preparing it.)
 */
function stem(word: string): string {
  let w = word;
  for (const p of PREFIXES) {
    if (w.startsWith(p) && codePoints(w) - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  return w.length >= 5 && SUFFIXES.has(w.slice(-2)) ? w.slice(0, -2) : w;
}

/** The folded, stemmed content words of a text, in order. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldArabic(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 3 || STOP.has(raw) || (!isArabicLetterCode(raw.charCodeAt(0)) && /^\p{N}+$/u.test(raw))) continue;
    const w = stem(raw);
    if (w.length >= 3 && !STOP.has(w)) out.push(w);
  }
  return out;
}

/** The `limit` most frequent content words of a text (ties: first seen first). */
export function keyTerms(text: string, limit = 24): string[] {
  const counts = new Map<string, number>();
  for (const w of contentWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  // The best `limit` kept in order while the words are read in the order first seen: a word goes in
  // after every kept word with at least its count (what a stable sort of all of them would give).
  const top: Array<[string, number]> = [];
  for (const entry of counts) {
    if (top.length === limit && top[limit - 1]![1] >= entry[1]) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < entry[1]) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top.map(([w]) => w);
}
