/**
 * Dates for readers. The numbering system is always passed to Intl explicitly (never left to the
 * ICU build's default for "ar"), and the Hijri date (Umm al-Qura) can be shown beside the Gregorian.
 */
export type NumberingSystem = 'latn' | 'arab';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The offset written in an ISO date (+03:00) as minutes, to show the time the editor meant. */
function offsetMinutes(iso: string): number {
  const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!m || m[1] === 'Z') return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}

/** A Date shifted so that formatting it in UTC shows the wall-clock time of the ISO string's zone. */
function wallClock(iso: string): Date {
  return new Date(Date.parse(iso) + offsetMinutes(iso) * 60_000);
}

export function formatDate(iso: string, lang = 'ar', numberingSystem: NumberingSystem = 'latn'): string {
  const locale = lang.startsWith('ar') ? 'ar' : lang;
  return formatter(locale, { dateStyle: 'long', timeZone: 'UTC', numberingSystem }).format(wallClock(iso));
}

export function formatDateTime(iso: string, lang = 'ar', numberingSystem: NumberingSystem = 'latn'): string {
  const locale = lang.startsWith('ar') ? 'ar' : lang;
  return formatter(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', numberingSystem }).format(wallClock(iso));
}

export function formatHijri(iso: string, numberingSystem: NumberingSystem = 'latn'): string {
  return formatter('ar', { calendar: 'islamic-umalqura', dateStyle: 'long', timeZone: 'UTC', numberingSystem }).format(wallClock(iso));
}

export function formatMonth(yearMonth: string, lang = 'ar', numberingSystem: NumberingSystem = 'latn'): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return formatter(lang.startsWith('ar') ? 'ar' : lang, { year: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, lang = 'ar', numberingSystem: NumberingSystem = 'latn'): string {
  // One NumberFormat per locale and numbering system: constructing one per call cost ~1 ms a page.
  const locale = lang.startsWith('ar') ? 'ar' : lang;
  const key = `${locale}\0${numberingSystem}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, { numberingSystem })));
  return f.format(n);
}

export const dateFilters = {
  arDate: formatDate,
  arDateTime: formatDateTime,
  hijriDate: formatHijri,
  monthName: formatMonth,
  number: formatNumber,
};
