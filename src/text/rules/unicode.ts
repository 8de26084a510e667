/**
 * Display-safe Unicode repairs. None of these folds letters the way search does
 * (أ→ا, ة→ه, ى→ي, stripping harakat): they only undo encoding debris.
 */
import type { Edit } from '../edits.ts';
import { showsArabic, showsOtherLanguage, stretches } from '../languages.ts';
import { HARAKAT, isArabicLetterCode, isHarakaCode, LETTER_SPAN } from '../arabic.ts';

/** NFC per cluster (base + combining marks), so each change is reported where it happened. */
export function nfcEdits(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const edits: Edit[] = [];
  for (const m of text.matchAll(/\P{M}?\p{M}+|[\u1100-\u11FF\u3130-\u318F\u2000-\u2FFF\uF900-\uFAFF]/gu)) {
    const n = m[0].normalize('NFC');
    if (n !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, replacement: n, rule: 'nfc' });
  }
  return edits;
}

// The rare characters four rules look for. Those inside the Arabic block and Latin-1 (tatweel,
// Persian yeh and keheh, soft hyphen, ALM) are searched one by one with indexOf, which scans for
// a single character several times faster than any class; those above U+2000 (bidi controls,
// zero-width characters, presentation forms) with one class whose ranges all lie up there.
// Each rule's pattern, and the searches that tell which kinds a text holds (rareKindsOf), are
// built from these.
const LOW_CHARS = { tatweel: '\u0640', persian: '\u06CC\u06A9', invisible: '\u00AD\u061C' };
/** Bidi marks and embeddings, isolates and zero-width characters: all above U+2000. */
const HIGH_INVISIBLE = '\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
/** Characters as escapes for a regex class. */
const escaped = (chars: string) => [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('');
const RARE_CLASSES = {
  tatweel: escaped(LOW_CHARS.tatweel),
  persian: escaped(LOW_CHARS.persian),
  /** bidi marks and embeddings, isolates, zero-width and soft-hyphen debris, ALM */
  invisible: HIGH_INVISIBLE + escaped(LOW_CHARS.invisible),
  /** Letter and word forms; not the phrase ligatures and the rial sign (U+FDFA–FDFF: ﷺ ﷻ ﷼ ﷽), which writers type as symbols. */
  presentation: '\\uFB50-\\uFDF9\\uFE70-\\uFEFE',
};
type RareKind = keyof typeof RARE_CLASSES;
const LOW = Object.entries(LOW_CHARS).flatMap(([kind, chars]) => [...chars].map((c) => [c, kind as RareKind] as const));
const HIGH: Record<'both' | 'invisible' | 'presentation', RegExp> = {
  both: new RegExp(`[${HIGH_INVISIBLE}${RARE_CLASSES.presentation}]`, 'g'),
  invisible: new RegExp(`[${HIGH_INVISIBLE}]`, 'g'),
  presentation: new RegExp(`[${RARE_CLASSES.presentation}]`, 'g'),
};
const IS_PRESENTATION = new RegExp(`[${RARE_CLASSES.presentation}]`);

/** Which kinds of rare character a text holds. */
export type RareKinds = ReadonlySet<RareKind>;

/**
 * Which kinds of rare character the text holds. Most articles have none or one kind, and a search
 * per rule over every article cost about a tenth of the normalizer's time: these searches answer
 * for all four rules, each stopping at the first character of a kind.
 */
export function rareKindsOf(text: string): RareKinds {
  const kinds = new Set<RareKind>();
  for (const [ch, kind] of LOW) if (!kinds.has(kind) && text.indexOf(ch) !== -1) kinds.add(kind);
  let search: RegExp | undefined = kinds.has('invisible') ? HIGH.presentation : HIGH.both;
  let from = 0;
  while (search) {
    search.lastIndex = from;
    const m = search.exec(text);
    if (!m) break;
    const kind: RareKind = IS_PRESENTATION.test(m[0]) ? 'presentation' : 'invisible';
    kinds.add(kind);
    search = kinds.has('presentation') ? (kinds.has('invisible') ? undefined : HIGH.invisible) : HIGH.presentation;
    from = m.index + 1;
  }
  return kinds;
}

/**
 * rareKindsOf that remembers its answer for the last text: the four rules run one after the other
 * on the same string until one edits it. One per normalize call.
 */
export function rareKindsOfLastText(): (text: string) => RareKinds {
  let lastText: string | undefined;
  let lastKinds: RareKinds = new Set();
  return (text) => {
    if (text !== lastText) {
      lastKinds = rareKindsOf(text);
      lastText = text;
    }
    return lastKinds;
  };
}

const PRESENTATION = new RegExp(`[${RARE_CLASSES.presentation}]`, 'g');

/**
 * Arabic presentation forms (U+FB50–FDF9, U+FE70–FEFE) to base letters, one character at a time.
 * Not NFKC on the whole text: that would also turn NO-BREAK SPACE into a space and put a space
 * before every spacing mark form.
 */
export function presentationFormEdits(text: string, kinds: RareKinds = rareKindsOf(text)): Edit[] {
  if (!kinds.has('presentation')) return [];
  const edits: Edit[] = [];
  for (const m of text.matchAll(PRESENTATION)) {
    const ch = m[0];
    const code = ch.charCodeAt(0);
    let base = ch.normalize('NFKC');
    // U+FE70–FE7F are spacing forms of harakat: NFKC gives a space (or tatweel) plus the mark.
    if (code >= 0xfe70 && code <= 0xfe7f) base = base.replace(/[ \u0640]/g, '');
    if (base !== ch) edits.push({ start: m.index, end: m.index + 1, replacement: base, rule: 'presentation-form' });
  }
  return edits;
}

/**
 * Tatweel (kashida) stretching a word (الســلام) is removed. One that attaches a proclitic to
 * what cannot join it (بـ«العنوان»، الـ186، لـNATO) is typography, and stays.
 */
export function tatweelEdits(text: string, kinds: RareKinds = rareKindsOf(text)): Edit[] {
  if (!kinds.has('tatweel')) return [];
  const edits: Edit[] = [];
  // The pattern's lookbehind would be tried at every position of the text: find the runs of
  // tatweel first and try it only on a window around each (the letter and harakat before, one
  // character after). Every match lies inside one run, so the results are the same.
  for (const run of text.matchAll(/\u0640+/g)) {
    const a = run.index;
    const b = a + run[0].length;
    let from = a;
    while (from > 0 && isHarakaCode(text.charCodeAt(from - 1))) from--;
    if (from > 0) from--;
    for (const m of text.slice(from, b + 1).matchAll(STRETCHING_TATWEEL)) {
      const start = from + m.index;
      if (start >= a) edits.push({ start, end: start + m[0].length, replacement: '', rule: 'tatweel' });
    }
  }
  return edits;
}

const STRETCHING_TATWEEL = new RegExp(`(?<=[${LETTER_SPAN}][${HARAKAT}]*)\u0640+(?=[${LETTER_SPAN}])`, 'g');

const isolateOpen = (c: number) => c >= 0x2066 && c <= 0x2068;

/**
 * Stray bidi controls and zero-width debris. Explicit marks and embeddings (LRM, RLM, ALM,
 * LRE…RLO) are removed: the site sets direction itself. Isolates (LRI, RLI, FSI … PDI) are kept
 * when paired, since an editor put them there on purpose. ZWJ/ZWNJ go only next to Arabic letters,
 * where they are paste debris; elsewhere (emoji sequences, Persian) they carry meaning.
 */
const INVISIBLE = new RegExp(`[${RARE_CLASSES.invisible}]`, 'g');

export function invisibleCharEdits(text: string, kinds: RareKinds = rareKindsOf(text)): Edit[] {
  if (!kinds.has('invisible')) return [];
  const found = [...text.matchAll(INVISIBLE)].map((m) => m.index);
  if (found.length === 0) return [];
  const edits: Edit[] = [];
  // Isolates pair within a paragraph: an opener still open at a line break, or a closer with
  // nothing open, is unpaired.
  const unpaired = new Set<number>();
  const open: number[] = [];
  let last = 0;
  for (const i of found) {
    const c = text.charCodeAt(i);
    if (open.length && text.lastIndexOf('\n', i) >= last) {
      for (const o of open) unpaired.add(o);
      open.length = 0;
    }
    last = i;
    if (isolateOpen(c)) open.push(i);
    else if (c === 0x2069) {
      if (open.length) open.pop();
      else unpaired.add(i);
    }
  }
  for (const o of open) unpaired.add(o);
  for (const i of found) {
    const c = text.charCodeAt(i);
    let drop = false;
    if (c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e)) drop = true;
    else if (c === 0x200b || c === 0x2060 || c === 0xfeff || c === 0x00ad) drop = true;
    else if (c === 0x200c || c === 0x200d) {
      drop = isArabicLetterCode(text.charCodeAt(i - 1)) || isArabicLetterCode(text.charCodeAt(i + 1));
    } else if (unpaired.has(i)) drop = true;
    if (drop) edits.push({ start: i, end: i + 1, replacement: '', rule: 'invisible-char' });
  }
  return edits;
}

const PERSIAN = new RegExp(`[${RARE_CLASSES.persian}]`, 'g');

/**
 * Persian yeh and keheh typed on a Persian keyboard, in an Arabic article (يتلقی الرئيس دعوة من الکويت): folded, but in a quotation
 * or brackets that show another language or no Arabic, which quote Persian, Urdu or Ottoman Turkish as written (قال بالفارسية:
 * «نان، کار، آزادی»؛ (کرمانشاه)); languages.ts tells them apart.
 */
export function persianLetterEdits(text: string, kinds: RareKinds = rareKindsOf(text)): Edit[] {
  if (!kinds.has('persian')) return [];
  const edits: Edit[] = [];
  const all = stretches(text);
  let at = 0;
  let foreign: boolean | undefined;
  for (const m of text.matchAll(PERSIAN)) {
    while (at < all.length && all[at]!.end <= m.index) {
      at++;
      foreign = undefined;
    }
    const s = all[at];
    foreign ??= s !== undefined && s.quoted && (showsOtherLanguage(text.slice(s.start, s.end)) || !showsArabic(text.slice(s.start, s.end)));
    if (!foreign)
      edits.push({ start: m.index, end: m.index + 1, replacement: m[0] === '\u06CC' ? '\u064A' : '\u0643', rule: 'persian-letter' });
  }
  return edits;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/** Digits to one numbering system, only when configured; `keep` leaves them as the editor wrote. */
export function digitEdits(text: string, digits: 'keep' | 'latn' | 'arab'): Edit[] {
  if (digits === 'keep') return [];
  const edits: Edit[] = [];
  if (digits === 'latn') {
    for (const m of text.matchAll(/[\u0660-\u0669\u06F0-\u06F9]/g)) {
      const d = ARABIC_INDIC.indexOf(m[0]);
      edits.push({ start: m.index, end: m.index + 1, replacement: String(d >= 0 ? d : PERSIAN_INDIC.indexOf(m[0])), rule: 'digits' });
    }
  } else {
    // Latin-script runs keep Western digits (COVID-19, iPhone 15): only digits not touching a Latin letter.
    for (const m of text.matchAll(/(?<![A-Za-z0-9\-_/.,:])[0-9]+(?:[.,:][0-9]+)*(?![A-Za-z0-9_/])/g)) {
      edits.push({
        start: m.index,
        end: m.index + m[0].length,
        replacement: m[0].replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!),
        rule: 'digits',
      });
    }
    for (const m of text.matchAll(/[\u06F0-\u06F9]/g)) {
      edits.push({ start: m.index, end: m.index + 1, replacement: ARABIC_INDIC[PERSIAN_INDIC.indexOf(m[0])]!, rule: 'digits' });
    }
  }
  return edits;
}
