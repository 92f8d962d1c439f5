import { DomainError } from '../../domain/errors.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import { inferKind } from '../infer-kind.ts';
import type {
  DetectionSample,
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../source-converter.ts';
import { ambiguity } from '../time/ambiguity-codes.ts';
import { findZoneInProse } from '../time/find-zone-in-prose.ts';
import { wallTimeToUtc } from '../time/wall-time-to-utc.ts';
import { knownZoneAbbreviations, parseZone } from '../time/zone.ts';
import { chooseZone, contentHash } from './choose-zone.ts';
import { findDocumentDate } from './find-document-date.ts';
import { type CalendarDate, formatDate } from './read-date-text.ts';
import { readTimeText } from './read-time-text.ts';
import { scanTimeline } from './scan-timeline.ts';

type Ambiguities = ImportedEvent['ambiguities'];

const quotedInstant = new RegExp(
  `\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?\\s*(?:Z\\b|[+-]\\d{2}:?\\d{2}|(?:${knownZoneAbbreviations.join('|')})\\b)`,
  'g',
);

async function* convertTable(
  input: ImportInput,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  if (input.kind !== 'text') {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${input.fileName}: a Markdown timeline is read as one text`,
      {
        details: {
          errors: [{ path: input.fileName, code: 'unsupported_input', message: 'expected text' }],
        },
      },
    );
  }
  const userZone = options.zone ? parseZone(options.zone) : undefined;
  const prose = findZoneInProse(input.text);
  const documentDate = findDocumentDate(input.text);
  const { rows, sections } = scanTimeline(input.text, documentDate?.date.year);
  const warnings: ImportWarning[] = [];
  const events: ImportedEvent[] = [];
  const seen = new Map<string, number>();
  let previous:
    | { sequence: number; dateKey: string; minutes: number; instant: number; dayShift: number }
    | undefined;
  for (const row of rows) {
    const where = `${input.fileName}:${row.line}`;
    const { reading } = row;
    if (reading.kind === 'placeholder' || reading.kind === 'invalid' || reading.kind === 'none') {
      const code = reading.kind === 'placeholder' ? 'TIMESTAMP_PLACEHOLDER' : 'TIMESTAMP_INVALID';
      const why =
        reading.kind === 'invalid'
          ? reading.reason
          : reading.kind === 'none'
            ? 'no time'
            : 'a placeholder';
      warnings.push({ code, message: `Row skipped: "${row.timeText}" is ${why}`, where });
      continue;
    }
    const ambiguities: Ambiguities = [];
    let date: CalendarDate | undefined;
    let dateFrom: string;
    if (reading.kind === 'datetime' || reading.kind === 'date') {
      date = reading.date;
      dateFrom = 'row';
    } else if (reading.monthDay && documentDate) {
      date = { year: documentDate.date.year, ...reading.monthDay };
      dateFrom = 'row';
      ambiguities.push(
        ambiguity('DATE_FROM_DOCUMENT', `Year ${date.year} taken from line ${documentDate.line}`),
      );
    } else if (row.contextDate) {
      date = row.contextDate.date;
      dateFrom = `line ${row.contextDate.line}`;
    } else if (documentDate) {
      date = documentDate.date;
      dateFrom = `line ${documentDate.line}`;
      ambiguities.push(
        ambiguity(
          'DATE_FROM_DOCUMENT',
          `Date ${formatDate(date)} taken from line ${documentDate.line}, not from the row`,
        ),
      );
    } else {
      const anchor = options.anchor ?? options.since ?? new Date(0);
      date = {
        year: anchor.getUTCFullYear(),
        month: anchor.getUTCMonth() + 1,
        day: anchor.getUTCDate(),
      };
      dateFrom = 'none';
      ambiguities.push(
        ambiguity(
          'DATE_MISSING',
          `No date for "${row.timeText}"; ${formatDate(date)} is a placeholder (${options.anchor ? "the incident's first day" : options.since ? 'the import window start' : 'the epoch'})`,
        ),
      );
    }
    const time = reading.kind === 'date' ? { hour: 0, minute: 0, second: 0 } : reading.time;
    if (reading.kind === 'date') {
      ambiguities.push(ambiguity('TIME_MISSING', `Only a date is given; 00:00 is a placeholder`));
    }
    const minutes = time.hour * 60 + time.minute + time.second / 60;
    const dateKey = `${dateFrom}:${formatDate(date)}`;
    const sameRun = previous && previous.sequence === row.sequence;
    // Times that go backwards under one date (23:50, then 00:20) crossed midnight: the later
    // rows move to the next day. Equal times keep file order.
    let dayShift = 0;
    if (sameRun && previous && dateFrom !== 'row' && previous.dateKey === dateKey) {
      dayShift = previous.dayShift + (minutes < previous.minutes ? 1 : 0);
      if (minutes < previous.minutes) {
        warnings.push({
          code: 'MIDNIGHT_ROLLOVER',
          message: `Times went backwards at "${row.timeText}" without a new date: this row and the ones after it are taken as the next day`,
          where,
        });
      }
      if (dayShift > 0) {
        ambiguities.push(
          ambiguity(
            'POSSIBLE_MIDNIGHT_ROLLOVER',
            `Moved ${dayShift} day(s) after ${formatDate(date)}: times went backwards above this row without a new date`,
          ),
        );
        date = addDays(date, dayShift);
      }
    }
    const zone = chooseZone(row, userZone, prose);
    const zoned = wallTimeToUtc({ ...date, ...time }, zone.zone);
    ambiguities.push(...zone.ambiguities, ...zoned.ambiguities);

    if (reading.kind !== 'date' && reading.approximate) {
      ambiguities.push(
        ambiguity(
          'TIME_APPROXIMATE',
          `"${row.timeText}" is approximate (${reading.approximate}): kept as an estimate`,
        ),
      );
    }
    const quoted = readQuotedTimes(row.quotes);
    for (const quote of quoted) {
      const apart = Math.abs(quote.at.getTime() - zoned.instant.getTime()) / 60_000;
      if (apart >= 30) {
        ambiguities.push(
          ambiguity(
            'QUOTE_TIME_DIFFERS',
            `The quote under this row says ${quote.text} (${quote.at.toISOString()}), ${Math.round(apart)} minutes from the row read in ${zone.zone.label}`,
          ),
        );
      }
    }

    const instant = zoned.instant.getTime();
    if (sameRun && previous && dayShift === 0 && instant < previous.instant) {
      ambiguities.push(
        ambiguity('OUT_OF_ORDER', 'Earlier than the row above it; kept in file order'),
      );
    }
    previous = { sequence: row.sequence, dateKey, minutes, instant, dayShift };

    const text = row.text.trim();
    const base = contentHash(`${row.timeText}\u0000${text}`);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    if (
      (options.since && zoned.instant < options.since && dateFrom !== 'none') ||
      (options.until && zoned.instant > options.until)
    ) {
      continue;
    }
    events.push({
      externalId: `markdown-table:${base}${occurrence > 1 ? `-${occurrence}` : ''}`,
      occurredAt: zoned.instant,
      originalTimestamp: row.timeText,
      originalZone: zone.known ? zone.zone.label : null,
      text: text === '' ? '(no text)' : text,
      kind: inferKind(text),
      actor: row.actor ?? null,
      sourceRef: input.fileName,
      rawRef: `${input.fileName}:${row.line}`,
      details: {
        importedFrom: 'markdown-table',
        row: events.length + 1,
        line: row.line,
        form: row.form,
        offset: zoned.offset,
        ...(reading.kind !== 'date' && reading.note ? { timeNote: reading.note } : {}),
        ...(reading.kind !== 'date' && reading.approximate
          ? { approximate: reading.approximate, precision: 'estimated' }
          : {}),
        ...(sections.length > 1 && row.section > 0 && sections[row.section]?.title
          ? { section: sections[row.section]?.title }
          : {}),
        ...(row.quotes.length > 0
          ? {
              quoted: row.quotes,
              quotedTimes: quoted.map((q) => ({ text: q.text, at: q.at.toISOString() })),
            }
          : {}),
        ...(Object.keys(row.columns).length > 0 ? { columns: row.columns } : {}),
      },
      ambiguities,
    });
  }
  for (const [index, section] of sections.entries()) {
    if (section.title !== undefined && !rows.some((row) => row.section === index)) {
      warnings.push({
        code: 'TIMELINE_SECTION_EMPTY',
        message: `The section "${section.title}" holds no entry with a time that could be read`,
        where: `${input.fileName}:${section.line}`,
      });
    }
  }
  yield { events, warnings };
}

/**
 * Instants a block quote under a row states with their own zone (a quoted alert's
 * `2026-03-10 23:05:00 UTC`, `2026-03-10T23:05:00Z`); quotes without a zone say nothing.
 */
function readQuotedTimes(quotes: string[]): Array<{ text: string; at: Date }> {
  const found: Array<{ text: string; at: Date }> = [];
  for (const quote of quotes) {
    for (const match of quote.matchAll(quotedInstant)) {
      const reading = readTimeText(match[0]);
      if (reading.kind === 'datetime' && reading.zone) {
        const at = wallTimeToUtc({ ...reading.date, ...reading.time }, reading.zone).instant;
        found.push({ text: match[0].trim(), at });
      }
    }
  }
  return found;
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function detectTable(sample: DetectionSample): number {
  if (!/\.(md|markdown|txt)$/i.test(sample.fileName) && !/^\s*[#|]/m.test(sample.head)) {
    return 0;
  }
  if (/^\|\s*(time|date|when)\b[^\n]*\|\s*\n\|?\s*:?-{2,}/im.test(sample.head)) {
    return 0.8;
  }
  return /^#{1,6}\s+.*timeline/im.test(sample.head) ? 0.6 : 0.1;
}

/**
 * A timeline pasted from a document: Markdown tables (`| time | event |`), `### 5:32 PM`
 * headings and time-led bullets. Zones come from the timestamp, the table header, the user's
 * choice or the prose, in that order; whatever had to be assumed is an ambiguity on the event.
 */
export const markdownTableConverter: SourceConverter = {
  source: 'document',
  accepts: ['text'],
  detect: detectTable,
  convert: convertTable,
};
