import { findTrailingZone } from '../time/find-zone-in-prose.ts';
import type { Zone } from '../time/zone.ts';
import { type CalendarDate, findDateText, isDateOnly } from './read-date-text.ts';
import { readTimeText, type TimeReading } from './read-time-text.ts';
import { splitLeadingTime } from './split-leading-time.ts';
import { type TimelineSection, timelineSections } from './timeline-sections.ts';

/** One timeline entry found in a document, before its instant is decided. */
export interface TimelineRow {
  /** 1-based line of the entry. */
  line: number;
  reading: TimeReading;
  timeText: string;
  text: string;
  /** Other table columns, by header ("Data Link": "…"). */
  columns: Record<string, string>;
  /**
   * Where the row sits: a table (`table`), a `### 5:32 PM` heading, a bullet, a bare line that
   * opens with a time (`line`), or a chat message pasted into the document (`chat`).
   */
  form: 'table' | 'heading' | 'bullet' | 'line' | 'chat';
  /** Rows of one table or one section; midnight roll-overs are looked for within it. */
  sequence: number;
  /** Index of the timeline section the row belongs to (see `TimelineScan.sections`). */
  section: number;
  /** The nearest date above the row (a dated heading or a date line), if any. */
  contextDate?: { date: CalendarDate; line: number };
  /** A zone named in the table header ("Time (UTC)"). */
  headerZone?: Zone;
  /** A zone named in the section's heading ("Recovery timeline (UTC)"). */
  sectionZone?: Zone;
  /** Who wrote a pasted chat message, as written. */
  actor?: string;
  /** Block-quoted lines under the entry (a quoted alert), without their `>`. */
  quotes: string[];
}

/** What `scanTimeline` found: the entries and the timeline sections they were read from. */
export interface TimelineScan {
  rows: TimelineRow[];
  sections: TimelineSection[];
}

const headingPattern = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const separatorPattern = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const bulletPattern =
  /^\s*[-*+]\s+(?:\[([^\]]{3,40})\]\s*:?\s*|(.{3,40}?)(?::\s+|\s+[-\u2013\u2014]\s+))(.*)$/;
/** A chat client's message header pasted as text: `Dana Whitfield  3:02 PM`. */
const chatHeaderPattern =
  /^([A-Z@][\w.'@-]*(?: [A-Z][\w.'@-]*){0,3})\s+\[?(\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)\]?\s*$/;
/** The author of a bracketed chat line: `[3:02 PM] Dana Whitfield: we see 502s`. */
const chatAuthorPattern = /^([A-Za-z@][\w.'@-]*(?: [\w.'@-]+){0,3}):\s+(.+)$/;
const fencePattern = /^\s*(```|~~~)/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function tableRows(
  lines: string[],
  at: number,
  base: Pick<TimelineRow, 'sequence' | 'section' | 'contextDate' | 'sectionZone'>,
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
      ...base,
      line: i + 1,
      reading: readTimeText(timeText),
      timeText,
      text: row[textColumn] ?? '',
      columns,
      form: 'table',
      headerZone,
      quotes: [],
    });
  }
  return { rows, end: i };
}

/**
 * Finds the timeline entries of a Markdown document, in every timeline section (or the whole
 * document when it has none): table rows under a time/date column, `### 5:32 PM` headings (the
 * text is the paragraph below), bullets and bare lines that open with a time (`- [08:47] …`,
 * `09:12 Pods start restarting`, `~08:15 …`, `around 3pm …`), and chat pasted from a client
 * (`[3:02 PM] Dana: …`, or `Dana  3:02 PM` over the message). Dated headings and date-only
 * lines set the date for the time-only entries below them; block quotes stay with the entry
 * above them.
 */
export function scanTimeline(text: string, documentYear?: number): TimelineScan {
  const lines = text.split(/\r?\n/);
  const sections = timelineSections(lines);
  const rows: TimelineRow[] = [];
  let sequence = 0;
  for (const [section, scope] of sections.entries()) {
    sequence += 1;
    let contextDate: TimelineRow['contextDate'];
    let open: TimelineRow | undefined;
    let fenced = false;
    const base = () => ({
      sequence,
      section,
      contextDate,
      sectionZone: scope.zone,
      columns: {},
      quotes: [],
    });
    for (let i = scope.from; i < scope.to; i += 1) {
      const line = lines[i] ?? '';
      const trimmed = line.trim();
      if (fencePattern.test(line)) {
        fenced = !fenced;
        continue;
      }
      const quote = /^>\s?(.*)$/.exec(trimmed);
      if (quote) {
        const last = rows[rows.length - 1];
        if (last && last.section === section && (quote[1] ?? '').trim() !== '') {
          last.quotes.push((quote[1] ?? '').trim());
        }
        continue;
      }
      const headingMatch = fenced ? null : headingPattern.exec(line);
      if (headingMatch || (!fenced && isDateOnly(trimmed))) {
        open = undefined;
        const title = headingMatch ? (headingMatch[2] ?? '') : trimmed;
        const reading = readTimeText(title);
        if (reading.kind === 'time' || reading.kind === 'datetime') {
          open = { ...base(), line: i + 1, reading, timeText: title, text: '', form: 'heading' };
          rows.push(open);
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
      if (
        !fenced &&
        trimmed.startsWith('|') &&
        separatorPattern.test((lines[i + 1] ?? '').trim())
      ) {
        open = undefined;
        sequence += 1;
        const table = tableRows(lines, i, base());
        rows.push(...table.rows);
        i = table.end - 1;
        continue;
      }
      const chatHeader = chatHeaderPattern.exec(trimmed);
      if (chatHeader?.[1] && chatHeader[2]) {
        const reading = readTimeText(chatHeader[2]);
        if (reading.kind === 'time') {
          open = {
            ...base(),
            line: i + 1,
            reading,
            timeText: chatHeader[2],
            text: '',
            form: 'chat',
            actor: chatHeader[1],
          };
          rows.push(open);
          continue;
        }
      }
      const bullet = bulletPattern.exec(line);
      const bulletTime = bullet ? (bullet[1] ?? bullet[2] ?? '') : '';
      const bulletReading = bullet ? readTimeText(bulletTime) : undefined;
      if (bullet && bulletReading && bulletReading.kind !== 'none') {
        open = undefined;
        rows.push({
          ...base(),
          line: i + 1,
          reading: bulletReading,
          timeText: bulletTime,
          text: bullet[3] ?? '',
          form: 'bullet',
        });
        continue;
      }
      const led = splitLeadingTime(trimmed);
      if (led) {
        open = undefined;
        const author = led.bracketed ? chatAuthorPattern.exec(led.text) : null;
        rows.push({
          ...base(),
          line: i + 1,
          reading: led.reading,
          timeText: led.timeText,
          text: author?.[2] ?? led.text,
          form: author || led.bracketed ? 'chat' : led.bullet ? 'bullet' : 'line',
          ...(author?.[1] ? { actor: author[1] } : {}),
        });
        continue;
      }
      const last = rows[rows.length - 1];
      if (open && trimmed !== '') {
        open.text = open.text ? `${open.text} ${trimmed}` : trimmed;
      } else if (last?.form === 'bullet' && /^\s{2,}\S/.test(line)) {
        last.text = `${last.text} ${trimmed}`;
      }
    }
  }
  return { rows, sections };
}
