const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The zone the e2e browser runs in: a fixed +05:30 offset with no daylight saving, so the
 * local-to-UTC conversion of every date field is visible and predictable.
 */
export const browserTimezone = 'Asia/Kolkata';
const browserOffsetMinutes = 330;

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm`) a person in the browser's zone would type. */
export function localInputFor(instant: Date): string {
  const local = new Date(instant.getTime() + browserOffsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** A whole-minute UTC instant `daysAgo` days before now at `hour:minute` UTC. */
export function utcDaysAgoAt(daysAgo: number, hour: number, minute: number): Date {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - daysAgo);
  date.setUTCHours(hour, minute, 0, 0);
  return date;
}
