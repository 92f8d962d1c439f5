import { describe, expect, it } from 'vitest';
import type { Incident } from '../../api/incidents-api.ts';
import { incidentToValues, valuesToUpdate } from './edit-incident-values.ts';

const incident: Incident = {
  id: '6f1d2c1e-8f0a-4c43-9b0e-2f7a7f4d1a11',
  number: '7',
  title: 'Search results empty',
  summary: '',
  kind: 'degradation',
  severity: 'sev3',
  potentialSeverity: null,
  isDrill: false,
  status: 'open',
  services: ['search-api'],
  restricted: false,
  instants: {
    started_at: { at: '2026-11-16T10:00:00.000Z', source: 'alertmanager', precision: 'exact' },
  },
  memberIds: [],
  postmortemRequired: false,
  postmortemRequiredReasons: [],
  postmortemIds: [],
  version: 3,
  createdAt: '2026-11-16T10:00:00.000Z',
  updatedAt: '2026-11-16T10:00:00.000Z',
};

describe('the incident edit body', () => {
  it('sends only the key instants and access that changed', () => {
    const initial = incidentToValues(incident);
    const body = valuesToUpdate(initial, {
      ...initial,
      instants: {
        ...initial.instants,
        mitigated_at: { at: '2026-11-16T11:00', source: 'manual', precision: 'estimated' },
      },
    });
    expect(Object.keys(body.instants ?? {})).toEqual(['mitigated_at']);
    expect(body.instants?.mitigated_at?.precision).toBe('estimated');
    expect(body).not.toHaveProperty('restricted');
    expect(body).not.toHaveProperty('memberIds');
  });

  it('clears an emptied instant and keeps the provenance a person chose', () => {
    const initial = incidentToValues(incident);
    const body = valuesToUpdate(initial, {
      ...initial,
      restricted: true,
      instants: {
        ...initial.instants,
        started_at: { at: '', source: 'manual', precision: 'exact' },
        detected_at: { at: '2026-11-16T10:05', source: 'grafana', precision: 'exact' },
      },
    });
    expect(body.instants?.started_at).toBeNull();
    expect(body.instants?.detected_at?.source).toBe('grafana');
    expect(body.restricted).toBe(true);
  });
});
