import { describe, expect, it } from 'vitest';
import type { Incident } from '../../domain/incident.ts';
import { applySignalInstants } from './apply-signal-instants.ts';

const incident = (instants: Incident['instants']) => ({ instants }) as Incident;
const at = (iso: string) => new Date(iso);

describe('applySignalInstants', () => {
  it('sets instants with the vendor as provenance, first firing and last resolution winning', () => {
    const { instants, outcomes } = applySignalInstants(
      incident({
        detected_at: { at: at('2026-01-01T10:05:00Z'), source: 'pagerduty', precision: 'exact' },
      }),
      [
        {
          name: 'detected_at',
          at: at('2026-01-01T10:01:00Z'),
          source: 'alertmanager',
          evidenceExternalId: 'a',
        },
        {
          name: 'resolved_at',
          at: at('2026-01-01T11:00:00Z'),
          source: 'alertmanager',
          evidenceExternalId: 'b',
        },
      ],
    );
    expect(instants.detected_at).toEqual({
      at: at('2026-01-01T10:01:00Z'),
      source: 'alertmanager',
      precision: 'exact',
    });
    expect(instants.resolved_at?.source).toBe('alertmanager');
    expect(outcomes.map((o) => o.outcome)).toEqual(['set', 'set']);
  });

  it('never overwrites a manual instant and never puts instants out of order', () => {
    const { instants, outcomes } = applySignalInstants(
      incident({
        detected_at: { at: at('2026-01-01T10:05:00Z'), source: 'manual', precision: 'exact' },
      }),
      [
        {
          name: 'detected_at',
          at: at('2026-01-01T10:01:00Z'),
          source: 'opsgenie',
          evidenceExternalId: 'a',
        },
        {
          name: 'acknowledged_at',
          at: at('2026-01-01T10:02:00Z'),
          source: 'opsgenie',
          evidenceExternalId: 'b',
        },
      ],
    );
    expect(instants.detected_at?.source).toBe('manual');
    expect(instants.acknowledged_at).toBeUndefined();
    expect(outcomes.map((o) => o.outcome)).toEqual(['proposed', 'proposed']);
  });
});
