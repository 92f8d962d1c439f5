import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { defaultPolicy } from '../domain/policy.ts';
import { policyFileSchema, policySchema, resolvePolicy } from './policy.ts';

/** The `[code, path]` of every issue a bad policy file raises. */
function issuesOf(input: unknown): Array<[string, string]> {
  try {
    resolvePolicy(input);
  } catch (error) {
    if (error instanceof ZodError) {
      return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
    }
    throw error;
  }
  throw new Error('test setup: the policy was accepted');
}

const severityDays = { sev1: {}, sev2: {}, sev3: {}, sev4: {} };

describe('resolvePolicy', () => {
  it.each([[{}], [undefined], [null]])('gives the default policy for %j', (input) => {
    expect(resolvePolicy(input)).toEqual(defaultPolicy);
  });

  it('replaces a stated section whole and keeps the others', () => {
    const policy = resolvePolicy({
      holidays: ['2024-12-25'],
      reportSections: [{ key: 'summary', label: 'Summary', required: true }],
    });
    expect(policy.holidays).toEqual(['2024-12-25']);
    expect(policy.reportSections).toEqual([{ key: 'summary', label: 'Summary', required: true }]);
    expect(policy.requirePostmortem).toEqual(defaultPolicy.requirePostmortem);
    expect(policy.factorTaxonomy).toEqual(defaultPolicy.factorTaxonomy);
    expect(policy.requiredReviewerApprovals).toEqual(defaultPolicy.requiredReviewerApprovals);
  });

  it('does not merge inside a section', () => {
    const policy = resolvePolicy({ dueBusinessDays: { ...severityDays, sev1: { analysis: 1 } } });
    expect(policy.dueBusinessDays).toEqual({ ...severityDays, sev1: { analysis: 1 } });
  });

  it('accepts a complete file', () => {
    const file = {
      requirePostmortem: {
        severities: ['sev1'],
        kinds: ['security', 'near_miss'],
        nearMissPotentialSeverities: [],
        includeDrills: true,
      },
      dueBusinessDays: {
        sev1: { analysis: 0, documentation: 3, follow_up: 5, closed: 20 },
        sev2: { closed: 30 },
        sev3: {},
        sev4: {},
      },
      holidays: ['2024-12-25', '2025-01-01'],
      factorTaxonomy: [{ key: 'capacity', label: 'Capacity', description: 'Ran out of room' }],
      reportSections: [{ key: 'summary', label: 'Summary', required: true }],
      requiredReviewerApprovals: { sev1: 3, sev2: 2, sev3: 1, sev4: 0 },
      authorMayApprove: true,
      dismissStaleApprovals: false,
      blameless: {
        disabledRules: ['hindsight'],
        extraTerms: [{ rule: 'human-error', terms: ['PEBKAC'] }],
      },
      intake: {
        severityLabel: 'priority',
        severityMap: { P1: 'sev1' },
        openIncidentAtOrAbove: null,
      },
      antiPatterns: {
        followUpStaleDays: 30,
        analysisBudgetBusinessDays: { sev1: 15, sev2: 10, sev3: 5, sev4: 2 },
      },
      actionItems: {
        dueDays: {
          sev1: { p1: 5, p2: 10, p3: 20 },
          sev2: { p1: 10, p2: 20, p3: 40 },
          sev3: { p1: 20, p2: 40, p3: 80 },
          sev4: { p1: 30, p2: 60, p3: 120 },
        },
        verifierMustDifferFromOwner: true,
      },
      recurringMinorIssues: {
        severities: ['sev4'],
        minIncidents: 3,
        windowDays: 14,
        dueBusinessDays: { documentation: 10 },
      },
      reminders: {
        beforeDueDays: [7, 1],
        escalateToPostmortemOwnerAfterDays: 2,
        escalateToTeamLeadAfterDays: 5,
        teamLeads: { Platform: 'lead@example.com' },
      },
      publishing: {
        redaction: {
          internalDomains: ['corp.example.com'],
          internalHostSuffixes: ['.internal'],
          ipAddresses: true,
          emails: false,
          tokens: true,
          patterns: [{ pattern: 'INC-\\d+', replacement: '[ticket]' }],
        },
        publicApprovers: ['comms@example.com'],
      },
      sensitiveProcesses: [
        {
          kinds: ['security', 'near_miss'],
          template: 'security',
          requiredReviewRoles: ['security', 'legal'],
          legalHold: true,
          restrictedSections: ['security_details'],
          internalSections: ['learning_summary'],
        },
      ],
    };
    expect(resolvePolicy(file)).toEqual(file);
    expect(policySchema.parse(resolvePolicy(file))).toEqual(file);
  });

  it('leaves the default policy untouched', () => {
    const before = structuredClone(defaultPolicy);
    resolvePolicy({ holidays: ['2024-12-25'] });
    expect(defaultPolicy).toEqual(before);
  });

  it('throws a ZodError on a bad file', () => {
    expect(() => resolvePolicy({ requiredReviewerApprovals: 2 })).toThrow(ZodError);
  });

  it.each([
    ['an unknown top-level key', { dueDays: {} }, [['unrecognized_keys', '']]],
    [
      'an unknown key inside a section',
      { dueBusinessDays: { ...severityDays, sev1: { triage: 1 } } },
      [['unrecognized_keys', 'dueBusinessDays.sev1']],
    ],
    [
      'a wrong severity',
      {
        requirePostmortem: {
          severities: ['sev0'],
          kinds: [],
          nearMissPotentialSeverities: [],
          includeDrills: false,
        },
      },
      [['invalid_value', 'requirePostmortem.severities.0']],
    ],
    [
      'a missing severity',
      { requiredReviewerApprovals: { sev1: 1, sev2: 1, sev3: 1 } },
      [['invalid_type', 'requiredReviewerApprovals.sev4']],
    ],
    [
      'duplicate category keys',
      {
        factorTaxonomy: [
          { key: 'capacity', label: 'Capacity' },
          { key: 'capacity', label: 'Load' },
        ],
      },
      [['custom', 'factorTaxonomy']],
    ],
    [
      'duplicate section keys',
      {
        reportSections: [
          { key: 'summary', label: 'Summary', required: true },
          { key: 'summary', label: 'Again', required: false },
        ],
      },
      [['custom', 'reportSections']],
    ],
    ['an empty taxonomy', { factorTaxonomy: [] }, [['too_small', 'factorTaxonomy']]],
    [
      'a key that is not lower_snake_case',
      { factorTaxonomy: [{ key: 'Capacity', label: 'Capacity' }] },
      [['invalid_format', 'factorTaxonomy.0.key']],
    ],
    [
      'negative days',
      { dueBusinessDays: { ...severityDays, sev2: { analysis: -1 } } },
      [['too_small', 'dueBusinessDays.sev2.analysis']],
    ],
    [
      'fractional days',
      { dueBusinessDays: { ...severityDays, sev2: { analysis: 1.5 } } },
      [['invalid_type', 'dueBusinessDays.sev2.analysis']],
    ],
    ['an impossible holiday', { holidays: ['2024-02-30'] }, [['invalid_format', 'holidays.0']]],
    [
      'negative approvals',
      { requiredReviewerApprovals: { sev1: -1, sev2: 1, sev3: 1, sev4: 0 } },
      [['too_small', 'requiredReviewerApprovals.sev1']],
    ],
    [
      'a redaction pattern that is no regular expression, and a URL as a domain',
      {
        publishing: {
          redaction: {
            internalDomains: ['https://corp.example.com'],
            internalHostSuffixes: [],
            ipAddresses: true,
            emails: true,
            tokens: true,
            patterns: [{ pattern: '(unclosed', replacement: '[x]' }],
          },
          publicApprovers: [],
        },
      },
      [
        ['invalid_format', 'publishing.redaction.internalDomains.0'],
        ['custom', 'publishing.redaction.patterns.0.pattern'],
      ],
    ],
  ] as const)('rejects %s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('lists every issue of a bad file at once', () => {
    const issues = issuesOf({
      bogus: true,
      requirePostmortem: {
        severities: ['sev9'],
        kinds: ['outage'],
        nearMissPotentialSeverities: [],
        includeDrills: false,
      },
      dueBusinessDays: { ...severityDays, sev1: { analysis: -2 } },
      factorTaxonomy: [
        { key: 'capacity', label: 'Capacity' },
        { key: 'capacity', label: 'Load' },
      ],
    });
    expect(issues).toHaveLength(4);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['unrecognized_keys', ''],
        ['invalid_value', 'requirePostmortem.severities.0'],
        ['too_small', 'dueBusinessDays.sev1.analysis'],
        ['custom', 'factorTaxonomy'],
      ]),
    );
  });

  it('names the unknown keys', () => {
    const result = policyFileSchema.safeParse({ bogus: 1, other: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['bogus', 'other'],
    });
  });
});
