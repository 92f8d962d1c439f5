import { describe, expect, it } from 'vitest';
import { createIncidentBodySchema, listIncidentsQuerySchema } from '../../contracts/incident.ts';
import { describeIssueMessage } from './date-hint.ts';

const messagesOf = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  (result.error?.issues ?? []).map((issue) =>
    describeIssueMessage(issue as Parameters<typeof describeIssueMessage>[0]),
  );

describe('date errors on the command line', () => {
  it('say a zone is needed and show an example for an instant without one', () => {
    const result = createIncidentBodySchema.safeParse({
      title: 'Checkout timeouts',
      kind: 'outage',
      severity: 'sev2',
      instants: { started_at: { at: '2026-11-16T14:02' } },
    });
    expect(messagesOf(result)).toEqual([
      'not an instant: a date and time with its zone is needed, e.g. 2026-11-16T14:02:00Z (UTC) or 2026-11-16T15:02:00+01:00',
    ]);
  });

  it('offer a day or an instant where both are accepted', () => {
    const result = listIncidentsQuerySchema.safeParse({ from: 'yesterday' });
    expect(messagesOf(result)[0]).toMatch(/^not a date or an instant: give a day \(2026-11-16\)/);
  });

  it('leave other messages as they are', () => {
    const result = createIncidentBodySchema.safeParse({
      title: '',
      kind: 'outage',
      severity: 'sev9',
    });
    expect(messagesOf(result).join(' ')).not.toMatch(/zone/);
  });
});
