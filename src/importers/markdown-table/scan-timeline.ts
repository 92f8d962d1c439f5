import { findTrailingZone } from '../time/find-zone-in-prose.ts';
import type { Zone } from '../time/zone.ts';
import { type CalendarDate, findDateText, isDateOnly } from './read-date-text.ts';
import { readTimeText, type TimeReading } from './read-time-text.ts';

/** One timeline entry found in a document, before its instant is decided. */
export interface TimelineRow {
  /** 1-based line of the entry. */
  line: number;
  reading: TimeReading;
  timeText: string;
  text: string;
  /** Other table columns, by header ("Data Link": "…"). */
  columns: Record<string, string>;
  /** Where the row sits: a table (`table`), a `### 5:32 PM` heading, or a bullet. */
  form: 'table' | 'heading' | 'bullet';
  /** Rows of one table or one section; midnight roll-overs are looked for within it. */
  sequence: number;
  /** The nearest date above the row (a dated heading or a date line), if any. */
  contextDate?: { date: CalendarDate; line: number };
  /** A zone named in the table header ("Time (UTC)"). */
  headerZone?: Zone;
}

const headingPattern = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const separatorPattern = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const bulletPattern =
  /^\s*[-*+]\s+(?:\[([^\]]{3,40})\]\s*:?\s*|(.{3,40}?)(?::\s+|\s+[-\u2013\u2014]\s+))(.*)$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The lines that hold the timeline: the "Timeline" section if there is one, else everything. */
function timelineScope(lines: string[]): { from: number; to: number } {
  const start = lines.findIndex((line) => /^#{1,6}\s+.*\btimeline\b/i.test(line));
  if (start < 0) {
    return { from: 0, to: lines.length };
  }
  const level = headingPattern.exec(lines[start] ?? '')?.[1]?.length ?? 1;
  for (let i = start + 1; i < lines.length; i += 1) {
    const heading = headingPattern.exec(lines[i] ?? '');
    if (heading?.[1] && heading[1].length <= level) {
      const title = heading[2] ?? '';
      const reading = readTimeText(title);
      if (!isDateOnly(title) && reading.kind !== 'time' && reading.kind !== 'datetime') {
        return { from: start + 1, to: i };
      }
    }
  }
  return { from: start + 1, to: lines.length };
}

function tableRows(
  lines: string[],
  at: number,
  sequence: number,
  contextDate: TimelineRow['contextDate'],
) {
  const header = cells(lines[at] ?? '');
  const timeColumn = header.findIndex((cell) => /^(time|date|when|timestamp)\b/i.test(cell));
  if (timeColumn < 0) {
    return { rows: [], end: at + 2 };
  }
  const eventColumn = header.findIndex(
    (cell, i) => i !== timeColumn && /event|what|description|action|detail/i.test(cell),
  );
  const textColumn = eventColumn >= 0 ? eventColumn : timeColumn === 0 ? 1 : 0;
  const headerZone = findTrailingZone(header[timeColumn] ?? '');
  const rows: TimelineRow[] = [];
  let i = at + 2;
  for (; i < lines.length && (lines[i] ?? '').trim().startsWith('|'); i += 1) {
    const row = cells(lines[i] ?? '');
    const timeText = row[timeColumn] ?? '';
    const columns: Record<string, string> = {};
    header.forEach((name, c) => {
      if (c !== timeColumn && c !== textColumn && (row[c] ?? '') !== '') {
        columns[name] = row[c] ?? '';
      }
    });
    rows.push({
      line: i + 1,
      reading: readTimeText(timeText),
      timeText,
      text: row[textColumn] ?? '',
      columns,
      form: 'table',
      sequence,
      contextDate,
      headerZone,
    });
  }
  return { rows, end: i };
}

/**
 * Finds the timeline entries of a Markdown document: table rows under a time/date column,
 * `### 5:32 PM` headings (the text is the paragraph below), and bullets that open with a time
 * (`- [08:47] …`, `- 2:54 PM PST: …`). Dated headings and date-only lines set the date for
 * the time-only entries below them.
 */
export function scanTimeline(text: string, documentYear?: number): TimelineRow[] {
  const lines = text.split(/\r?\n/);
  const { from, to } = timelineScope(lines);
  const rows: TimelineRow[] = [];
  let sequence = 0;
  let contextDate: TimelineRow['contextDate'];
  let heading: TimelineRow | undefined;
  for (let i = from; i < to; i += 1) {
    const line = lines[i] ?? '';
    const headingMatch = headingPattern.exec(line);
    const trimmed = line.trim();
    if (headingMatch || isDateOnly(trimmed)) {
      heading = undefined;
      const title = headingMatch ? (headingMatch[2] ?? '') : trimmed;
      const reading = readTimeText(title);
      if (reading.kind === 'time' || reading.kind === 'datetime') {
        heading = {
          line: i + 1,
          reading,
          timeText: title,
          text: '',
          columns: {},
          form: 'heading',
          sequence,
          contextDate,
        };
        rows.push(heading);
        if (reading.kind === 'datetime') {
          // A dated heading also dates the time-only headings that follow it.
          contextDate = { date: reading.date, line: i + 1 };
        }
        continue;
      }
      const date = findDateText(title, documentYear);
      if (date && isDateOnly(title.replace(/^#+\s*/, ''))) {
        contextDate = { date, line: i + 1 };
        sequence += 1;
      }
      continue;
    }
    if (trimmed.startsWith('|') && separatorPattern.test((lines[i + 1] ?? '').trim())) {
      heading = undefined;
      sequence += 1;
      const table = tableRows(lines, i, sequence, contextDate);
      rows.push(...table.rows);
      i = table.end - 1;
      continue;
    }
    const bullet = bulletPattern.exec(line);
    const bulletTime = bullet ? (bullet[1] ?? bullet[2] ?? '') : '';
    const bulletReading = bullet ? readTimeText(bulletTime) : undefined;
    if (bullet && bulletReading && bulletReading.kind !== 'none') {
      heading = undefined;
      rows.push({
        line: i + 1,
        reading: bulletReading,
        timeText: bulletTime,
        text: bullet[3] ?? '',
        columns: {},
        form: 'bullet',
        sequence,
        contextDate,
      });
      continue;
    }
    const last = rows[rows.length - 1];
    if (heading && trimmed !== '') {
      heading.text = heading.text ? `${heading.text} ${trimmed}` : trimmed;
    } else if (last?.form === 'bullet' && /^\s{2,}\S/.test(line)) {
      last.text = `${last.text} ${trimmed}`;
    }
  }
  return rows;
}
