import { describe, expect, it } from 'vitest';
import {
  findInstantOrderViolations,
  incidentKinds,
  isRestrictedByDefault,
  type KeyInstant,
  type KeyInstants,
  statusFromInstants,
} from './incident.ts';

const at = (iso: string): KeyInstant => ({
  at: new Date(iso),
  source: 'manual',
  precision: 'exact',
});

describe('statusFromInstants', () => {
  it.each([
    ['no instants', {}, 'open'],
    [
      'only started and detected',
      { started_at: at('2024-03-04T10:00:00Z'), detected_at: at('2024-03-04T10:05:00Z') },
      'open',
    ],
    ['mitigated', { mitigated_at: at('2024-03-04T10:30:00Z') }, 'mitigated'],
    ['resolved without mitigation', { resolved_at: at('2024-03-04T11:00:00Z') }, 'resolved'],
    [
      'mitigated and resolved',
      { mitigated_at: at('2024-03-04T10:30:00Z'), resolved_at: at('2024-03-04T11:00:00Z') },
      'resolved',
    ],
  ] as Array<[string, KeyInstants, string]>)('%s → %s', (_name, instants, status) => {
    expect(statusFromInstants(instants)).toBe(status);
  });
});

describe('findInstantOrderViolations', () => {
  const inOrder: KeyInstants = {
    started_at: at('2024-03-04T10:00:00Z'),
    detected_at: at('2024-03-04T10:05:00Z'),
    acknowledged_at: at('2024-03-04T10:07:00Z'),
    mitigated_at: at('2024-03-04T10:30:00Z'),
    resolved_at: at('2024-03-04T11:00:00Z'),
  };

  it('accepts instants in order', () => {
    expect(findInstantOrderViolations(inOrder)).toEqual([]);
  });

  it('accepts equal instants', () => {
    const same = at('2024-03-04T10:00:00Z');
    expect(
      findInstantOrderViolations({ started_at: same, detected_at: same, resolved_at: same }),
    ).toEqual([]);
  });

  it('ignores missing instants', () => {
    expect(findInstantOrderViolations({})).toEqual([]);
    expect(findInstantOrderViolations({ resolved_at: at('2024-03-04T09:00:00Z') })).toEqual([]);
  });

  it('reports detection before the start', () => {
    expect(
      findInstantOrderViolations({ ...inOrder, detected_at: at('2024-03-04T09:59:00Z') }),
    ).toEqual([{ earlier: 'started_at', later: 'detected_at' }]);
  });

  it('reports every pair a misplaced instant breaks', () => {
    expect(
      findInstantOrderViolations({ ...inOrder, resolved_at: at('2024-03-04T10:01:00Z') }),
    ).toEqual([
      { earlier: 'mitigated_at', later: 'resolved_at' },
      { earlier: 'detected_at', later: 'resolved_at' },
    ]);
    expect(
      findInstantOrderViolations({
        started_at: at('2024-03-04T12:00:00Z'),
        resolved_at: at('2024-03-04T11:00:00Z'),
      }),
    ).toEqual([{ earlier: 'started_at', later: 'resolved_at' }]);
  });

  it('reports acknowledgement before detection', () => {
    expect(
      findInstantOrderViolations({ ...inOrder, acknowledged_at: at('2024-03-04T10:04:00Z') }),
    ).toEqual([{ earlier: 'detected_at', later: 'acknowledged_at' }]);
  });

  it('compares instants, not their zones', () => {
    expect(
      findInstantOrderViolations({
        started_at: at('2024-03-04T10:00:00+01:00'),
        detected_at: at('2024-03-04T09:30:00Z'),
      }),
    ).toEqual([]);
  });
});

describe('isRestrictedByDefault', () => {
  it('restricts security incidents only', () => {
    expect(incidentKinds.filter(isRestrictedByDefault)).toEqual(['security']);
  });
});
