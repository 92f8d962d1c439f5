import { describe, expect, it } from 'vitest';
import type { Incident } from './incident.ts';
import {
  defaultPolicy,
  isPostmortemRequired,
  type Policy,
  reasonsPostmortemRequired,
} from './policy.ts';

type Facts = Pick<Incident, 'severity' | 'kind' | 'potentialSeverity' | 'isDrill'>;

const facts = (overrides: Partial<Facts> = {}): Facts => ({
  severity: 'sev3',
  kind: 'outage',
  potentialSeverity: null,
  isDrill: false,
  ...overrides,
});

/** A policy with only the given rule switched on, so each test sees one reason at a time. */
const only = (rule: Partial<Policy['requirePostmortem']>): Policy => ({
  ...defaultPolicy,
  requirePostmortem: {
    severities: [],
    kinds: [],
    nearMissPotentialSeverities: [],
    includeDrills: false,
    ...rule,
  },
});

describe('reasonsPostmortemRequired', () => {
  it.each([
    ['sev1', 1],
    ['sev2', 1],
    ['sev3', 0],
    ['sev4', 0],
  ] as const)('by default a %s outage gives %i reason(s)', (severity, count) => {
    const incident = facts({ severity });
    expect(reasonsPostmortemRequired(defaultPolicy, incident)).toHaveLength(count);
    expect(isPostmortemRequired(defaultPolicy, incident)).toBe(count > 0);
  });

  it('requires listed severities', () => {
    const policy = only({ severities: ['sev3'] });
    expect(reasonsPostmortemRequired(policy, facts({ severity: 'sev3' }))).toHaveLength(1);
    expect(reasonsPostmortemRequired(policy, facts({ severity: 'sev1' }))).toEqual([]);
  });

  it('requires listed kinds at any severity', () => {
    const policy = only({ kinds: ['security', 'project_failure'] });
    expect(
      reasonsPostmortemRequired(policy, facts({ kind: 'security', severity: 'sev4' })),
    ).toHaveLength(1);
    expect(reasonsPostmortemRequired(policy, facts({ kind: 'project_failure' }))).toHaveLength(1);
    expect(reasonsPostmortemRequired(policy, facts({ kind: 'degradation' }))).toEqual([]);
  });

  it('gives one reason per rule that applies', () => {
    const incident = facts({ kind: 'security', severity: 'sev1' });
    expect(reasonsPostmortemRequired(defaultPolicy, incident)).toHaveLength(2);
  });

  it('requires near misses by their potential severity', () => {
    const policy = only({ nearMissPotentialSeverities: ['sev1'] });
    const nearMiss = (potentialSeverity: Facts['potentialSeverity']) =>
      facts({ kind: 'near_miss', severity: 'sev4', potentialSeverity });
    expect(reasonsPostmortemRequired(policy, nearMiss('sev1'))).toHaveLength(1);
    expect(reasonsPostmortemRequired(policy, nearMiss('sev2'))).toEqual([]);
    expect(reasonsPostmortemRequired(policy, nearMiss(null))).toEqual([]);
  });

  it('reads the potential severity of near misses only', () => {
    const policy = only({ nearMissPotentialSeverities: ['sev1'] });
    const inconsistent = facts({ kind: 'outage', severity: 'sev4', potentialSeverity: 'sev1' });
    expect(reasonsPostmortemRequired(policy, inconsistent)).toEqual([]);
  });

  it('leaves drills out unless the policy includes them', () => {
    const drill = facts({ severity: 'sev1', kind: 'security', isDrill: true });
    expect(reasonsPostmortemRequired(defaultPolicy, drill)).toEqual([]);
    expect(isPostmortemRequired(defaultPolicy, drill)).toBe(false);
    const withDrills: Policy = {
      ...defaultPolicy,
      requirePostmortem: { ...defaultPolicy.requirePostmortem, includeDrills: true },
    };
    expect(reasonsPostmortemRequired(withDrills, drill)).toHaveLength(2);
  });

  it('requires nothing under an empty policy', () => {
    const policy = only({});
    expect(isPostmortemRequired(policy, facts({ severity: 'sev1', kind: 'security' }))).toBe(false);
  });
});

describe('defaultPolicy', () => {
  it('asks for approvals by severity, most for the worst', () => {
    const { sev1, sev2, sev3, sev4 } = defaultPolicy.requiredReviewerApprovals;
    expect([sev1, sev2, sev3, sev4]).toEqual([2, 1, 1, 0]);
  });

  it('has unique taxonomy and section keys', () => {
    const categories = defaultPolicy.factorTaxonomy.map((c) => c.key);
    const sections = defaultPolicy.reportSections.map((s) => s.key);
    expect(new Set(categories).size).toBe(categories.length);
    expect(new Set(sections).size).toBe(sections.length);
  });
});
