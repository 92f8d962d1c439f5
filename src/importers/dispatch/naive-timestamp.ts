/** A Postgres `timestamp without time zone` read as UTC, keeping its microseconds. */
export interface NaiveInstant {
  at: Date;
  original: string;
  /** Microseconds of the second, as written (padded to 6 digits). */
  micros: string;
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * Reads `2021-07-27 19:47:56.293577` as a UTC instant (Dispatch stores UTC in naive columns).
 * Null for any other text or an impossible date.
 */
export function parseNaiveUtc(text: string): NaiveInstant | null {
  const match = pattern.exec(text);
  if (match === null) {
    return null;
  }
  const [, y, mo, d, h, mi, s, frac = ''] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (year < 1970 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const micros = frac.padEnd(6, '0');
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + Number(micros.slice(0, 3));
  const at = new Date(ms);
  if (at.getUTCDate() !== day || at.getUTCMonth() !== month - 1) {
    return null;
  }
  return { at, original: text, micros };
}
