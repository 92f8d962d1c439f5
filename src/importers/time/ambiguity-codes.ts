/**
 * Codes for what a converter could not decide about a time. They are stored with the event
 * and shown to the reviewer; docs/integrations/markdown-timeline.md explains each.
 */
export const ambiguityCodes = [
  /** A time with no date anywhere near it; the date shown is a placeholder. */
  'DATE_MISSING',
  /** A date without a year (syslog); the year shown is a placeholder or from the window. */
  'DATE_YEAR_MISSING',
  /** Only a date was given; the time shown is a placeholder (00:00). */
  'TIME_MISSING',
  /** The date came from the document (title, "Date:" line), not from the row or its heading. */
  'DATE_FROM_DOCUMENT',
  /** Times went backwards in a table without dates: this row may be on the next day. */
  'POSSIBLE_MIDNIGHT_ROLLOVER',
  /** The zone was read from prose ("All times in CET"), not from the timestamp. */
  'ZONE_FROM_PROSE',
  /** The user's zone differs from the one the document states. */
  'ZONE_CONFLICT',
  /** No zone anywhere: the instant assumes UTC. */
  'ZONE_UNKNOWN',
  /** A seasonal abbreviation used in the other season ("CET" in July). */
  'ZONE_SEASON_MISMATCH',
  /** The wall time does not exist in the zone (clocks went forward). */
  'DST_GAP',
  /** The wall time happened twice in the zone (clocks went back). */
  'DST_OVERLAP',
  /** The row is earlier than the row above it; kept in file order. */
  'OUT_OF_ORDER',
  /** The time is written as approximate (`~08:15`, `10:??`, `around 3pm`); kept as an estimate. */
  'TIME_APPROXIMATE',
  /** A block quote under the row (a quoted alert) states an instant far from the row's. */
  'QUOTE_TIME_DIFFERS',
] as const;
export type AmbiguityCode = (typeof ambiguityCodes)[number];

/** One ambiguity as stored on an event. */
export function ambiguity(
  code: AmbiguityCode,
  message: string,
): { code: AmbiguityCode; message: string } {
  return { code, message };
}
