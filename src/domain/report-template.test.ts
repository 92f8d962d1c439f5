import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.ts';
import {
  chooseTemplate,
  defaultTemplate,
  googleSreTemplate,
  type ReportTemplate,
  reportSectionsFor,
} from './report-template.ts';

const securityTemplate: ReportTemplate = {
  key: 'security_review',
  label: 'Security review',
  kinds: ['security'],
  severities: [],
  sections: [
    { key: 'summary', label: 'Summary', level: 2, block: 'text', required: true },
    { key: 'exposure', label: 'Data exposure', level: 2, block: 'text', required: true },
    { key: 'timeline', label: 'Timeline', level: 2, block: 'timeline', required: false },
  ],
};
// Without the modified process, so that only the policy's own template choice is at stake.
const policy = { ...defaultPolicy, reportTemplates: [securityTemplate], sensitiveProcesses: [] };

describe('report templates', () => {
  it('places every policy section in the default What / How / Why / Next shape', () => {
    const template = defaultTemplate(defaultPolicy.reportSections);
    const textKeys = template.sections.filter((s) => s.block === 'text').map((s) => s.key);
    expect([...textKeys].sort()).toEqual(defaultPolicy.reportSections.map((s) => s.key).sort());
    expect(template.sections.filter((s) => s.block === 'heading').map((s) => s.label)).toEqual([
      'What happened',
      'How it unfolded',
      'Why it happened',
      "What's next",
    ]);
  });

  it('chooses the policy template whose kinds and severities fit every incident', () => {
    expect(chooseTemplate(policy, [{ kind: 'security', severity: 'sev3' }]).key).toBe(
      'security_review',
    );
    expect(
      chooseTemplate(policy, [
        { kind: 'security', severity: 'sev3' },
        { kind: 'outage', severity: 'sev1' },
      ]).key,
    ).toBe('default');
  });

  it('gives a review with a security incident the modified process’s template', () => {
    const mixed = [
      { kind: 'security' as const, severity: 'sev3' as const },
      { kind: 'outage' as const, severity: 'sev1' as const },
    ];
    expect(chooseTemplate(defaultPolicy, [{ kind: 'security', severity: 'sev3' }]).key).toBe(
      'security',
    );
    // A thematic review that includes one is sensitive too.
    expect(chooseTemplate(defaultPolicy, mixed).key).toBe('security');
    expect(
      reportSectionsFor(defaultPolicy, mixed)
        .filter((s) => s.required)
        .map((s) => s.key),
    ).toEqual(['learning_summary', 'impact']);
    expect(chooseTemplate(defaultPolicy, [{ kind: 'outage', severity: 'sev1' }]).key).toBe(
      'default',
    );
  });

  it('feeds the chosen template’s required sections to the lifecycle guard', () => {
    expect(
      reportSectionsFor(policy, [{ kind: 'security', severity: 'sev2' }]).map((s) => [
        s.key,
        s.required,
      ]),
    ).toEqual([
      ['summary', true],
      ['exposure', true],
    ]);
    // With no matching template the policy's own list stands, unchanged.
    expect(reportSectionsFor(policy, [{ kind: 'outage', severity: 'sev2' }])).toBe(
      defaultPolicy.reportSections,
    );
  });

  it('ships the Google SRE book shape', () => {
    expect(googleSreTemplate.sections.map((s) => s.label)).toContain('Where we got lucky');
  });
});
