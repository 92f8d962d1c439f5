import { type CalendarDate, findDateText } from './read-date-text.ts';

/**
 * The date a document is about, for timelines that give only times: the title (first heading),
 * else a `Date:` line, else an "All times in PST, on February 5th 2019" line. Never the file name.
 */
export function findDocumentDate(text: string): { date: CalendarDate; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  const candidates = [
    lines.findIndex((line) => /^#\s+\S/.test(line)),
    lines.findIndex((line) => /^\W*date\W*:/i.test(line)),
    lines.findIndex((line) => /\ball times\b.*\bon\b/i.test(line)),
  ];
  for (const index of candidates) {
    const date = index >= 0 ? findDateText(lines[index] ?? '') : undefined;
    if (date) {
      return { date, line: index + 1 };
    }
  }
  return undefined;
}
