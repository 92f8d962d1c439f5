import type { z } from 'zod';

/** What every date-and-time flag accepts, said once. */
export const instantExample =
  'a date and time with its zone is needed, e.g. 2026-11-16T14:02:00Z (UTC) or 2026-11-16T15:02:00+01:00';

type Issue = z.core.$ZodIssue;

function isDateTimeIssue(issue: Issue): boolean {
  if (issue.code === 'invalid_format') {
    return issue.format === 'datetime';
  }
  if (issue.code === 'invalid_union') {
    return issue.errors.some((branch) => branch.some(isDateTimeIssue));
  }
  return false;
}

/**
 * An issue's message for the command line; an instant without its zone (or not an instant at
 * all) says that a zone is needed and shows an example, where zod says only "Invalid ISO datetime".
 */
export function describeIssueMessage(issue: Issue): string {
  if (!isDateTimeIssue(issue)) {
    return issue.message;
  }
  const acceptsDate =
    issue.code === 'invalid_union' &&
    issue.errors.some((branch) =>
      branch.some((inner) => inner.code === 'invalid_format' && inner.format === 'date'),
    );
  return acceptsDate
    ? `not a date or an instant: give a day (2026-11-16), or ${instantExample}`
    : `not an instant: ${instantExample}`;
}
