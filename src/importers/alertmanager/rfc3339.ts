/** An RFC 3339 timestamp read without losing what JS `Date` cannot hold. */
export interface PreciseInstant {
  /** The instant, to the millisecond. */
  at: Date;
  /** The text exactly as written. */
  original: string;
  /** `UTC` for `Z`, else the offset as written (`+01:00`). */
  zone: string;
  /** Nanoseconds since the epoch, as a decimal string (keeps digits `Date` drops). */
  epochNanos: string;
}

const pattern =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Go's zero `time.Time`, which Alertmanager sends as `endsAt` of a firing alert. */
export function isGoZeroTime(text: string): boolean {
  return text.startsWith('0001-01-01T00:00:00');
}

/**
 * Reads RFC 3339 with up to nanosecond precision and any offset. Returns null for text that is
 * not such a timestamp or names an instant outside 1970–9999 (Go zero time included).
 */
export function parseRfc3339(text: string): PreciseInstant | null {
  const match = pattern.exec(text);
  if (match === null) {
    return null;
  }
  const [, y, mo, d, h, mi, s, frac = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    return null;
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) {
      return null;
    }
    offsetMinutes = sign * (oh * 60 + om);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const checkDate = new Date(Date.UTC(year, month - 1, day));
  if (checkDate.getUTCDate() !== day) {
    return null;
  }
  const nanosOfSecond = frac.padEnd(9, '0');
  const ms = Number(nanosOfSecond.slice(0, 3));
  const epochMs = local - offsetMinutes * 60_000;
  const epochNanos = (BigInt(epochMs) * 1_000_000n + BigInt(nanosOfSecond)).toString();
  return {
    at: new Date(epochMs + ms),
    original: text,
    zone: offset === 'Z' || offset === 'z' ? 'UTC' : offset,
    epochNanos,
  };
}
