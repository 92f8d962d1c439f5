import { describe, expect, it } from 'vitest';
import { proposeKeyInstants } from './key-instant-proposals.ts';
import type { TimelineEvent } from './timeline-event.ts';

const event = (id: string, at: string, overrides: Partial<TimelineEvent> = {}) => ({
  id,
  occurredAt: new Date(at),
  createdAt: new Date('2026-01-02T00:00:00Z'),
  status: 'accepted' as const,
  kind: 'detection' as const,
  text: `event ${id}`,
  source: 'manual' as const,
  details: {},
  ...overrides,
});

const byName = (proposals: ReturnType<typeof proposeKeyInstants>) =>
  Object.fromEntries(proposals.map((p) => [p.name, p]));

describe('proposeKeyInstants', () => {
  it('proposes from accepted events only, with evidence and the current value', () => {
    const events = [
      event('d0', '2026-01-01T09:00:00Z', { status: 'proposed' }),
      event('d1', '2026-01-01T10:00:00Z', { source: 'alertmanager' }),
      event('k', '2026-01-01T10:02:00Z', { kind: 'communication', text: 'Acknowledged by Sam' }),
      event('m', '2026-01-01T10:30:00Z', { kind: 'mitigation' }),
      event('r', '2026-01-01T11:00:00Z', { kind: 'resolution', status: 'rejected' }),
    ];
    const current = {
      detected_at: { at: new Date('2026-01-01T10:05:00Z'), source: 'manual', precision: 'exact' },
    } as const;
    const proposals = proposeKeyInstants(events, current);
    expect(proposals.map((p) => [p.name, p.proposed?.eventId ?? null])).toEqual([
      ['started_at', null],
      ['detected_at', 'd1'],
      ['acknowledged_at', 'k'],
      ['mitigated_at', 'm'],
      ['resolved_at', null],
    ]);
    expect(proposals[1]?.current?.source).toBe('manual');
    expect(proposals[1]?.proposed).toMatchObject({ source: 'alertmanager', precision: 'exact' });
  });

  it('infers started and mitigated from error bursts and metric crossings, estimated', () => {
    const proposals = byName(
      proposeKeyInstants(
        [
          event('burst-1', '2026-01-01T10:01:00Z', {
            source: 'log',
            kind: 'observation',
            details: {
              level: 'error',
              first: '2026-01-01T10:01:00Z',
              last: '2026-01-01T10:01:44Z',
            },
          }),
          event('burst-2', '2026-01-01T10:12:00Z', {
            source: 'log',
            kind: 'observation',
            details: {
              level: 'error',
              first: '2026-01-01T10:12:00Z',
              last: '2026-01-01T10:13:36Z',
            },
          }),
          event('up', '2026-01-01T10:02:00Z', {
            source: 'metric',
            kind: 'observation',
            details: { rule: 'threshold', alarming: true },
          }),
          event('down', '2026-01-01T10:19:00Z', {
            source: 'metric',
            kind: 'observation',
            details: { rule: 'threshold', alarming: false },
          }),
          event('rollback', '2026-01-01T10:18:40Z', { source: 'github', kind: 'mitigation' }),
        ],
        {},
      ),
    );
    expect(proposals.started_at?.proposed).toMatchObject({
      eventId: 'burst-1',
      precision: 'estimated',
      basis: 'first line of an error burst',
    });
    // The log's say is the end of its LAST burst, not of the first one.
    expect(proposals.mitigated_at?.proposed).toMatchObject({
      eventId: 'burst-2',
      at: new Date('2026-01-01T10:13:36Z'),
      precision: 'estimated',
    });
    expect(proposals.mitigated_at?.alternatives.map((a) => a.eventId)).toEqual([
      'rollback',
      'down',
    ]);
  });

  it('flags an acknowledgement before the detection on both proposals', () => {
    const proposals = byName(
      proposeKeyInstants(
        [
          event('ack', '2026-01-01T10:00:00Z', { kind: 'escalation', source: 'pagerduty' }),
          event('alert', '2026-01-01T10:04:00Z', { source: 'alertmanager' }),
        ],
        {},
      ),
    );
    expect(proposals.acknowledged_at?.outOfOrderWith).toEqual(['detected_at']);
    expect(proposals.detected_at?.outOfOrderWith).toEqual(['acknowledged_at']);
    expect(proposals.resolved_at?.outOfOrderWith).toEqual([]);
  });
});
