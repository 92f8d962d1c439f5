/** A calendar date as written, before any zone is applied. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name or abbreviation, as a regular-expression source with one capture. */
export const monthName =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const monthFirst = new RegExp(
  `\\b${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`,
  'i',
);
const dayFirst = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthName}\\b(?:,?\\s+(\\d{4})\\b)?`,
  'i',
);
const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** 1 for January … 12 for December, from a name or its abbreviation. */
export function monthIndex(name: string): number {
  return months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** True when the numbers name a real day of the Gregorian calendar (years 1900–2999). */
export function isRealDate(date: CalendarDate): boolean {
  if (date.year < 1900 || date.year > 2999 || date.month < 1 || date.month > 12 || date.day < 1) {
    return false;
  }
  return date.day <= new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

/**
 * Finds a date in prose or a heading: `2020-08-28`, `May 12 2025`, `February 5th 2019`,
 * `12 May 2025`, or a bare `May 12` (its year then comes from `fallbackYear`, if any).
 */
export function findDateText(text: string, fallbackYear?: number): CalendarDate | undefined {
  const isoMatch = iso.exec(text);
  if (isoMatch) {
    const date = {
      year: Number(isoMatch[1]),
      month: Number(isoMatch[2]),
      day: Number(isoMatch[3]),
    };
    return isRealDate(date) ? date : undefined;
  }
  const first = monthFirst.exec(text);
  const second = first ? undefined : dayFirst.exec(text);
  const [name, day, year] = first
    ? [first[1], first[2], first[3]]
    : second
      ? [second[2], second[1], second[3]]
      : [undefined, undefined, undefined];
  if (!name || !day) {
    return undefined;
  }
  const resolvedYear = year ? Number(year) : fallbackYear;
  if (resolvedYear === undefined) {
    return undefined;
  }
  const date = { year: resolvedYear, month: monthIndex(name), day: Number(day) };
  return isRealDate(date) ? date : undefined;
}

/** True when the whole text is a date and nothing else ("May 12", "2019-01-22", "**2019-01-22**"). */
export function isDateOnly(text: string): boolean {
  const stripped = text.replace(/[*_`]/g, '').trim();
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(stripped) ||
    new RegExp(
      `^(?:\\w+day,?\\s+)?${monthName}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?$`,
      'i',
    ).test(stripped) ||
    new RegExp(`^\\d{1,2}(?:st|nd|rd|th)?\\s+${monthName}(?:,?\\s+\\d{4})?$`, 'i').test(stripped)
  );
}

/** `2020-08-28` */
export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
