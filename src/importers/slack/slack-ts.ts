/** Parses a run of ASCII digits, or returns -1 (faster than a regex on a million messages). */
function digits(text: string, from: number, to: number): number {
  if (to <= from) {
    return -1;
  }
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) {
      return -1;
    }
    value = value * 10 + code;
  }
  return value;
}

/**
 * Reads a Slack `ts` ("1452837352.000006": epoch seconds, a dot, microseconds) as an instant
 * with integer math on the two parts, so no float rounding touches it. The string itself stays
 * the message's identity. Returns `undefined` for anything else (at most 10 digits of seconds,
 * 1 to 6 of microseconds).
 */
export function parseSlackTs(ts: unknown): Date | undefined {
  if (typeof ts !== 'string') {
    return undefined;
  }
  const dot = ts.indexOf('.');
  const fraction = ts.length - dot - 1;
  if (dot < 1 || dot > 10 || fraction < 1 || fraction > 6) {
    return undefined;
  }
  const seconds = digits(ts, 0, dot);
  const micros = digits(ts, dot + 1, ts.length);
  if (seconds < 0 || micros < 0) {
    return undefined;
  }
  return new Date(seconds * 1000 + Math.floor((micros * 10 ** (6 - fraction)) / 1000));
}
