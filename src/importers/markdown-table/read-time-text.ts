import { findTrailingZone } from '../time/find-zone-in-prose.ts';
import type { Zone } from '../time/zone.ts';
import { type CalendarDate, isRealDate, monthIndex, monthName } from './read-date-text.ts';

/** A clock reading as written. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

/** What a timestamp cell, heading or bullet says. */
export type TimeReading =
  | {
      kind: 'datetime';
      date: CalendarDate;
      time: ClockTime;
      zone?: Zone;
      note?: string;
      approximate?: string;
    }
  | {
      kind: 'time';
      time: ClockTime;
      zone?: Zone;
      note?: string;
      monthDay?: { month: number; day: number };
      /** Why the time is only an estimate as written (`~08:15`, `10:??`, `around 3pm`). */
      approximate?: string;
    }
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'placeholder' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'none' };

const placeholder = /\b(?:HH|hh|MM|YYYY|yyyy|DD|dd)\b|\?\?|\bxx:xx\b|--:--|\bTBD\b/;
const dateTime =
  /^(\d{4,6})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[ T]+|\s+at\s+)(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?)?(.*)$/i;
const monthDayTime = /^(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(.*)$/;
const namedDateTime = new RegExp(
  `^(?:\\w+day,?\\s+)?${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}),?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?(.*)$`,
  'i',
);
/** A known date whose time is a placeholder: `2022-06-02 HH:mm`. */
const dateWithPlaceholderTime =
  /^(\d{4}-\d{1,2}-\d{1,2})\s+(?:HH|hh|xx|--|\?\?):(?:mm|MM|xx|--|\?\?)$/;
/** A range whose end is unknown: `12:26-12:??`. */
const openRangeEnd = /(\d[:.]\d{2})\s*(?:-|\u2013|\u2014|to)\s*(?:\d{1,2}|\?\?)[:.]\?\?$/;
const clock = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(.*)$/i;
/** `3pm`, `11 a.m.`: an hour and nothing finer. */
const hourOnly = /^(\d{1,2})\s*([ap]\.?m\.?)(.*)$/i;
/** `10:??`, `10:xx`: the hour is known, the minutes are not. */
const unknownMinutes = /^(\d{1,2})[:.](?:\?\?|xx)\s*([ap]\.?m\.?)?(.*)$/i;
/** `~08:15`, `around 3pm`, `approx. 14:30`, `ca. 9:00`, `14:30ish`: said to be approximate. */
const approximatePrefix =
  /(?:^|(?<=\s))(?:~|\u2248|around|about|approx(?:\.|imately)?|ca\.|circa)\s*(?=\d)/i;
const approximateSuffix = /(?<=\d|[ap]\.?m\.?)\s*-?ish\b/i;

function clean(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/^\[|\]$/g, '')
    .replace(/[:\s]+$/, '')
    .trim();
}

function toClock(
  hour: string,
  minute: string,
  second: string | undefined,
  meridiem: string | undefined,
): ClockTime | undefined {
  let h = Number(hour);
  const m = Number(minute);
  const s = Number(second ?? '0');
  if (meridiem) {
    if (h < 1 || h > 12) {
      return undefined;
    }
    const pm = meridiem.toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  return h < 24 && m < 60 && s < 60 ? { hour: h, minute: m, second: s } : undefined;
}

/**
 * What follows the time, if it is only a zone ("UTC", "(PDT)") and/or a note: an end of a
 * range ("- 11:00") or an approximation ("~"), kept as written.
 */
function trailingZone(rest: string): { zone?: Zone; note?: string; ok: boolean } {
  const range = /^\s*(~|(?:-|\u2013|\u2014|to)\s*\d{1,2}[:.]\d{2}(?::\d{2})?)(.*)$/i.exec(rest);
  const note = range?.[1]?.trim();
  const stripped = (range ? (range[2] ?? '') : rest).replace(/[()[\]~]/g, ' ').trim();
  if (stripped === '') {
    return { ok: true, note };
  }
  const zone = findTrailingZone(stripped);
  return zone && stripped.replace(/\s+/g, '').length <= 12
    ? { zone, note, ok: true }
    : { ok: false };
}

/**
 * Reads a timestamp as people write it in timelines: `2023-02-14 07:30`, `2023-02-14T07:30:12`,
 * `07:30`, `5:32 PM`, `[08:47]`, `12-05 16:21` (month-day), each optionally followed by a zone.
 * Placeholders (`HH:mm`, `2022-05-??`) and impossible dates (`20202-01-16`) are reported as such.
 */
export function readTimeText(raw: string): TimeReading {
  const text = clean(raw);
  if (text === '') {
    return { kind: 'none' };
  }
  const approximate = approximatePrefix.exec(text) ?? approximateSuffix.exec(text);
  if (approximate) {
    const at = approximate.index;
    const reading = readTimeText(
      `${text.slice(0, at)} ${text.slice(at + approximate[0].length)}`.trim(),
    );
    return reading.kind === 'datetime' || reading.kind === 'time'
      ? { ...reading, approximate: `written "${approximate[0].trim()}"` }
      : reading;
  }
  const partial = unknownMinutes.exec(text);
  if (partial?.[1]) {
    const time = toClock(partial[1], '00', undefined, partial[2]);
    const rest = trailingZone(partial[3] ?? '');
    return time && rest.ok
      ? { kind: 'time', time, zone: rest.zone, approximate: 'minutes unknown' }
      : { kind: 'placeholder' };
  }
  const dateOnly = dateWithPlaceholderTime.exec(text);
  if (dateOnly?.[1]) {
    // The day is known even though the time is not: the row is kept, its time marked missing.
    const reading = readTimeText(dateOnly[1]);
    return reading.kind === 'date' ? reading : { kind: 'placeholder' };
  }
  if (openRangeEnd.test(text)) {
    const reading = readTimeText(text.replace(openRangeEnd, '$1'));
    return reading.kind === 'datetime' || reading.kind === 'time'
      ? { ...reading, note: 'end of range unknown' }
      : reading;
  }
  if (placeholder.test(text)) {
    return { kind: 'placeholder' };
  }
  const named = namedDateTime.exec(text);
  if (named?.[1] && named[2] && named[3] && named[4] && named[5]) {
    const date = { year: Number(named[3]), month: monthIndex(named[1]), day: Number(named[2]) };
    const time = toClock(named[4], named[5], named[6], named[7]);
    const rest = trailingZone(named[8] ?? '');
    if (isRealDate(date) && time && rest.ok) {
      return { kind: 'datetime', date, time, zone: rest.zone, note: rest.note };
    }
  }
  const full = dateTime.exec(text);
  if (full) {
    const date = { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
    if (!isRealDate(date)) {
      return { kind: 'invalid', reason: `impossible date "${full[1]}-${full[2]}-${full[3]}"` };
    }
    const rest = trailingZone(full[8] ?? '');
    if (full[4] === undefined || full[5] === undefined) {
      return rest.ok ? { kind: 'date', date } : { kind: 'none' };
    }
    const time = toClock(full[4], full[5], full[6], full[7]);
    if (!time) {
      return { kind: 'invalid', reason: `impossible time "${full[4]}:${full[5]}"` };
    }
    return rest.ok
      ? { kind: 'datetime', date, time, zone: rest.zone, note: rest.note }
      : { kind: 'none' };
  }
  const monthDay = monthDayTime.exec(text);
  if (monthDay?.[1] && monthDay[2] && monthDay[3] && monthDay[4]) {
    const time = toClock(monthDay[3], monthDay[4], monthDay[5], undefined);
    const rest = trailingZone(monthDay[6] ?? '');
    if (time && rest.ok) {
      return {
        kind: 'time',
        time,
        zone: rest.zone,
        note: rest.note,
        monthDay: { month: Number(monthDay[1]), day: Number(monthDay[2]) },
      };
    }
  }
  const only = clock.exec(text);
  if (only?.[1] && only[2]) {
    const time = toClock(only[1], only[2], only[3], only[4]);
    const rest = trailingZone(only[5] ?? '');
    if (!rest.ok) {
      return { kind: 'none' };
    }
    return time
      ? { kind: 'time', time, zone: rest.zone, note: rest.note }
      : { kind: 'invalid', reason: `impossible time "${text}"` };
  }
  const hour = hourOnly.exec(text);
  if (hour?.[1] && hour[2]) {
    const time = toClock(hour[1], '00', undefined, hour[2]);
    const rest = trailingZone(hour[3] ?? '');
    if (time && rest.ok) {
      return { kind: 'time', time, zone: rest.zone, note: rest.note, approximate: 'hour only' };
    }
  }
  return { kind: 'none' };
}
