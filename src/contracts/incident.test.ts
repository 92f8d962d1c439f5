import { describe, expect, it } from 'vitest';
import {
  createIncidentBodySchema,
  listIncidentsQuerySchema,
  updateIncidentBodySchema,
} from './incident.ts';

const minimal = { title: 'Checkout unavailable', kind: 'outage', severity: 'sev2' } as const;

const issuesOf = (input: unknown) => {
  const result = createIncidentBodySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.code, i.path.join('.')]);
};

describe('createIncidentBodySchema', () => {
  it('fills the defaults of a minimal body', () => {
    expect(createIncidentBodySchema.parse(minimal)).toEqual({
      ...minimal,
      summary: '',
      potentialSeverity: null,
      isDrill: false,
      services: [],
      instants: {},
      memberIds: [],
    });
  });

  it('still checks the near-miss rule when another field is invalid', () => {
    expect(issuesOf({ ...minimal, kind: 'near_miss', severity: 'critical' })).toEqual([
      ['invalid_value', 'severity'],
      ['custom', 'potentialSeverity'],
    ]);
  });

  it('trims the title and drops duplicate services', () => {
    const body = createIncidentBodySchema.parse({
      ...minimal,
      title: '  Checkout unavailable ',
      services: ['checkout', 'payments', 'checkout'],
    });
    expect(body.title).toBe('Checkout unavailable');
    expect(body.services).toEqual(['checkout', 'payments']);
  });

  it('defaults the source and precision of key instants', () => {
    const body = createIncidentBodySchema.parse({
      ...minimal,
      instants: { started_at: { at: '2024-03-04T10:00:00+01:00' }, resolved_at: null },
    });
    expect(body.instants).toEqual({
      started_at: { at: '2024-03-04T10:00:00+01:00', source: 'manual', precision: 'exact' },
      resolved_at: null,
    });
  });

  it('accepts a near miss with its potential severity', () => {
    const body = createIncidentBodySchema.parse({
      ...minimal,
      kind: 'near_miss',
      severity: 'sev4',
      potentialSeverity: 'sev1',
    });
    expect(body.potentialSeverity).toBe('sev1');
  });

  it.each([[undefined], [null]])('refuses a near miss with potential severity %j', (value) => {
    expect(issuesOf({ ...minimal, kind: 'near_miss', potentialSeverity: value })).toEqual([
      ['custom', 'potentialSeverity'],
    ]);
  });

  it('refuses a potential severity on anything but a near miss', () => {
    expect(issuesOf({ ...minimal, potentialSeverity: 'sev1' })).toEqual([
      ['custom', 'potentialSeverity'],
    ]);
  });

  it('refuses unknown keys, naming them', () => {
    const result = createIncidentBodySchema.safeParse({ ...minimal, owner: 'bob', status: 'open' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['owner', 'status'] }),
    ]);
  });

  it.each([
    ['a blank title', { ...minimal, title: '   ' }, [['too_small', 'title']]],
    ['a missing kind', { title: 'x', severity: 'sev1' }, [['invalid_value', 'kind']]],
    ['an unknown severity', { ...minimal, severity: 'critical' }, [['invalid_value', 'severity']]],
    [
      'an instant without a zone',
      { ...minimal, instants: { started_at: { at: '2024-03-04T10:00:00' } } },
      [['invalid_format', 'instants.started_at.at']],
    ],
    [
      'an unknown instant',
      { ...minimal, instants: { paged_at: { at: '2024-03-04T10:00:00Z' } } },
      [['unrecognized_keys', 'instants']],
    ],
    [
      'a member id that is no uuid',
      { ...minimal, memberIds: ['bob'] },
      [['invalid_format', 'memberIds.0']],
    ],
    ['a title that is too long', { ...minimal, title: 'x'.repeat(201) }, [['too_big', 'title']]],
  ] as const)('refuses %s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('reports every issue at once', () => {
    expect(
      issuesOf({
        title: '',
        kind: 'near_miss',
        severity: 'sev3',
        services: [''],
        extra: 1,
      }),
    ).toEqual(
      expect.arrayContaining([
        ['too_small', 'title'],
        ['too_small', 'services.0'],
        ['unrecognized_keys', ''],
        ['custom', 'potentialSeverity'],
      ]),
    );
    expect(
      issuesOf({ title: '', kind: 'near_miss', severity: 'sev3', services: [''], extra: 1 }),
    ).toHaveLength(4);
  });
});

describe('updateIncidentBodySchema', () => {
  it('accepts any subset, including nothing', () => {
    expect(updateIncidentBodySchema.parse({})).toEqual({});
    expect(updateIncidentBodySchema.parse({ severity: 'sev1' })).toEqual({ severity: 'sev1' });
  });

  it('refuses unknown keys', () => {
    const result = updateIncidentBodySchema.safeParse({ status: 'resolved' });
    expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
});

describe('listIncidentsQuerySchema', () => {
  it('splits comma lists and defaults the page size', () => {
    expect(
      listIncidentsQuerySchema.parse({
        severity: 'sev1, sev2',
        kind: ['outage'],
        isDrill: 'false',
      }),
    ).toEqual({ severity: ['sev1', 'sev2'], kind: ['outage'], isDrill: false, limit: 50 });
  });

  it('refuses an unknown value in a list', () => {
    const result = listIncidentsQuerySchema.safeParse({ status: 'open,closed' });
    expect(result.error?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid_value', 'status.1'],
    ]);
  });
});
