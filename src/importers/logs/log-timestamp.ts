import { wallTimeToUtc } from './zone-offset.ts';

/** A timestamp read from a source: the instant, its text as written, the zone it was read in. */
export interface ReadTimestamp {
  ms: number;
  text: string;
  zone: string | null;
  ambiguities: Array<{ code: string; message: string }>;
}

/** What the importer knows beyond the timestamp: a zone and an incident window. */
export interface TimestampContext {
  zone?: string;
  since?: Date;
  until?: Date;
}

const iso =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?/;
const syslog =
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})/;
const epoch = /^(\d{10}|\d{13}|\d{16}|\d{19})(?:\.(\d{1,9}))?(?![\d.])/;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const maxMs = Date.UTC(9999, 11, 31, 23, 59, 59);

function validWall(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number | undefined {
  if (y < 100 || mo < 0 || mo > 11 || d < 1 || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  const ms = Date.UTC(y, mo, d, h, mi, s);
  return d > 28 && new Date(ms).getUTCDate() !== d ? undefined : ms;
}

function normaliseOffset(offset: string): string {
  if (offset === 'Z') {
    return 'UTC';
  }
  const digits = offset.slice(1).replace(':', '').padEnd(4, '0');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

function readWall(wallMs: number, text: string, context: TimestampContext): ReadTimestamp {
  if (context.zone) {
    return { ms: wallTimeToUtc(wallMs, context.zone), text, zone: context.zone, ambiguities: [] };
  }
  return {
    ms: wallMs,
    text,
    zone: null,
    ambiguities: [{ code: 'ZONE_UNKNOWN', message: 'The timestamp has no zone; read as UTC' }],
  };
}

function readIso(match: RegExpExecArray, context: TimestampContext): ReadTimestamp | undefined {
  const [text, y, mo, d, h, mi, s, fraction, offset] = match;
  const wall = validWall(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  if (wall === undefined) {
    return undefined;
  }
  const wallMs = wall + (fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0);
  if (!offset) {
    return readWall(wallMs, text, context);
  }
  const zone = normaliseOffset(offset);
  return { ms: wallTimeToUtc(wallMs, zone), text, zone, ambiguities: [] };
}

/** The syslog year: the one that puts the instant nearest the incident window, if there is one. */
function readSyslog(match: RegExpExecArray, context: TimestampContext): ReadTimestamp | undefined {
  const [text, mon, d, h, mi, s] = match;
  const month = months.indexOf(mon ?? '');
  const anchor = context.since ?? context.until;
  const years = anchor
    ? [anchor.getUTCFullYear() - 1, anchor.getUTCFullYear(), anchor.getUTCFullYear() + 1]
    : [1970];
  let best: ReadTimestamp | undefined;
  for (const year of years) {
    const wall = validWall(year, month, Number(d), Number(h), Number(mi), Number(s));
    if (wall === undefined) {
      continue;
    }
    const read = readWall(wall, text, context);
    if (
      !best ||
      (anchor && Math.abs(read.ms - anchor.getTime()) < Math.abs(best.ms - anchor.getTime()))
    ) {
      best = read;
    }
  }
  if (best && !anchor) {
    best.ambiguities = [
      {
        code: 'DATE_YEAR_MISSING',
        message: 'Syslog timestamps carry no year; give the incident window',
      },
      ...best.ambiguities,
    ];
  }
  return best;
}

/** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by their digit count. */
function readEpoch(
  whole: string,
  fraction: string | undefined,
  text: string,
): ReadTimestamp | undefined {
  const scale = whole.length <= 10 ? 0 : whole.length <= 13 ? 3 : whole.length <= 16 ? 6 : 9;
  const digits = whole + (fraction ?? '');
  const msDigits = whole.length - scale + 3;
  const ms = Number(digits.slice(0, msDigits).padEnd(msDigits, '0'));
  if (!Number.isFinite(ms) || ms > maxMs) {
    return undefined;
  }
  return { ms, text, zone: 'UTC', ambiguities: [] };
}

/** A timestamp at the start of `text`, and how many characters it took; undefined if none. */
export function readLeadingTimestamp(
  text: string,
  context: TimestampContext,
): { read: ReadTimestamp; length: number } | undefined {
  const bracket = text.startsWith('[') ? 1 : 0;
  const body = bracket ? text.slice(1) : text;
  const first = body.charCodeAt(0);
  let match: RegExpExecArray | null = null;
  let read: ReadTimestamp | undefined;
  if (first >= 48 && first <= 57) {
    match = iso.exec(body);
    if (match) {
      read = readIso(match, context);
    } else {
      match = epoch.exec(body);
      read = match ? readEpoch(match[1] ?? '', match[2], match[0]) : undefined;
    }
  } else {
    match = syslog.exec(body);
    read = match ? readSyslog(match, context) : undefined;
  }
  if (!match || !read) {
    return undefined;
  }
  const closing = bracket && body[match[0].length] === ']' ? 1 : 0;
  return { read, length: bracket + match[0].length + closing };
}

const canonicalUtc = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

const digits = (text: string, at: number, count: number) => {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    value = value * 10 + text.charCodeAt(i) - 48;
  }
  return value;
};

/**
 * The second last read by `readCanonicalUtc` (its first 19 characters) and its instant: lines
 * a few milliseconds apart share it, so most lines skip the calendar arithmetic.
 */
let lastSecond = '';
let lastSecondMs: number | undefined;

const isDigit = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
};

/**
 * Whether `text` matches `canonicalUtc`. Within the second last read (the same first 19
 * characters) only the tail is checked: the regular expression cost as much as the rest of
 * reading the timestamp.
 */
function isCanonicalUtc(text: string): boolean {
  const length = text.length;
  if (length < 20 || length > 24 || text.charCodeAt(length - 1) !== 90 /* Z */) {
    return false;
  }
  if (lastSecond === '' || !text.startsWith(lastSecond)) {
    return canonicalUtc.test(text);
  }
  if (length === 20) {
    return true;
  }
  if (length === 21 || text.charCodeAt(19) !== 46 /* . */) {
    return false;
  }
  for (let at = 20; at < length - 1; at += 1) {
    if (!isDigit(text, at)) {
      return false;
    }
  }
  return true;
}

/** The common case, `2024-03-05T14:03:01.123Z`, read digit by digit: most log lines carry it. */
function readCanonicalUtc(text: string): ReadTimestamp | undefined {
  const fraction =
    text.length > 21 ? digits(text, 20, text.length - 21) * 10 ** (24 - text.length) : 0;
  const second = text.slice(0, 19);
  if (second !== lastSecond) {
    lastSecond = second;
    lastSecondMs = validWall(
      digits(text, 0, 4),
      digits(text, 5, 2) - 1,
      digits(text, 8, 2),
      digits(text, 11, 2),
      digits(text, 14, 2),
      digits(text, 17, 2),
    );
  }
  const wall = lastSecondMs;
  return wall === undefined
    ? undefined
    : { ms: wall + fraction, text, zone: 'UTC', ambiguities: [] };
}

/** A whole timestamp value (a JSON or logfmt field): text or a number of epoch units. */
export function readTimestampValue(
  value: unknown,
  context: TimestampContext,
): ReadTimestamp | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      return undefined;
    }
    const [whole, fraction] = String(value).split('.');
    return /^\d{9,19}$/.test(whole ?? '')
      ? readEpoch(whole ?? '', fraction, String(value))
      : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  if (isCanonicalUtc(value)) {
    return readCanonicalUtc(value);
  }
  const leading = readLeadingTimestamp(value.trim(), context);
  return leading && leading.length >= value.trim().length ? leading.read : undefined;
}
