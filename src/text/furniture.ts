/**
 * Page furniture scraped along with an article ("Related posts", "Top", "اقرأ أيضا" …), recognised only as whole lines at the end of the
 * body, where scrapers leave it, so a sentence that happens to contain these words is never touched.
 */
const FURNITURE = [
  'related posts',
  'related articles',
  'related',
  'top',
  'back to top',
  'read more',
  'share',
  'share this',
  'tweet',
  'print',
  'advertisement',
  'comments',
  'leave a comment',
  'tags',
  'اقرأ أيضا',
  'اقرأ أيضًا',
  'اقرأ ايضا',
  'مواضيع ذات صلة',
  'أخبار ذات صلة',
  'مقالات ذات صلة',
  'شارك',
  'شارك الخبر',
  'طباعة',
  'إعلان',
  'للأعلى',
  'أعلى الصفحة',
  'التعليقات',
];
const SET = new Set(FURNITURE.map((s) => s.normalize('NFC')));

const isFurniture = (line: string) =>
  SET.has(
    line
      .trim()
      .replace(/[\s:：]+$/u, '')
      .toLowerCase()
      .normalize('NFC'),
  );

export interface FurnitureResult {
  text: string;
  /** The lines removed, 0-based line index and text. */
  removed: Array<{ line: number; text: string }>;
}

/** Removes trailing furniture lines (and the blank lines between them). */
export function dropFurniture(text: string): FurnitureResult {
  const lines = text.split('\n');
  const removed: FurnitureResult['removed'] = [];
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1]!;
    if (line.trim() === '') end--;
    else if (isFurniture(line)) {
      removed.unshift({ line: end - 1, text: line });
      end--;
    } else break;
  }
  if (removed.length === 0) return { text, removed };
  return { text: `${lines.slice(0, end).join('\n')}\n`, removed };
}
