import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import { buildReport } from '../../reports/build-report.ts';
import { renderMarkdown } from '../../reports/render-markdown.ts';
import { analyzeMarkdown } from './analyze-markdown.ts';

const today = new Date('2026-11-29T12:00:00Z');
const analyze = (source: string, catalogue: Array<{ name: string; dependsOn: string[] }> = []) =>
  analyzeMarkdown(source, { policy: defaultPolicy, catalogue, today }).map((f) => [
    f.source,
    f.rule,
    f.severity,
    f.line,
  ]);

const document = (actionItems: string, body = 'The proxy ran out of connections.') =>
  [
    '---',
    'participants: [Zoë Ng]',
    'incidents:',
    '  - { title: Chat down, severity: sev2, services: [slack-proxy] }',
    'action_items:',
    actionItems,
    '---',
    '# Summary',
    '',
    body,
    '',
  ].join('\n');

const complete = 'owner: Zoë Ng, due: 2026-12-20, success_criterion: A drill passes';

describe('analyzeMarkdown', () => {
  it('runs the linter on the prose and the detectors on the front matter', () => {
    const source = document(
      `  - { title: Page the on-call through alerting, kind: detect, ${complete} }`,
      'Zoë overlooked the saturation alert.',
    );
    const graph = [
      { name: 'alerting', dependsOn: ['chat-gateway'] },
      { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
    ];
    expect(analyze(source, graph)).toEqual([
      ['language', 'neglect', 'error', 10],
      ['anti-pattern', 'circular-remediation', 'warning', 6],
      ['anti-pattern', 'blame-game', 'warning', 1],
    ]);
    // Without the catalogue, alerting's dependency on the failed proxy is unknown.
    expect(analyze(source).map(([, rule]) => rule)).toEqual(['neglect', 'blame-game']);
  });

  it('takes the dependency graph from front matter services too', () => {
    const source = document(
      `  - { title: Notify via chat-gateway, kind: process, relies_on: [chat-gateway], ${complete} }`,
    ).replace(
      'action_items:',
      'services:\n  - { name: chat-gateway, depends_on: [slack-proxy] }\naction_items:',
    );
    expect(analyze(source)).toEqual([['anti-pattern', 'circular-remediation', 'error', 8]]);
  });

  it('is silent on a clean review whose fix hardens the failed service', () => {
    const source = document(`  - { title: Harden slack-proxy, kind: prevent, ${complete} }`);
    expect(analyze(source)).toEqual([]);
  });

  it('flags incomplete and punitive items, and reads a file without front matter', () => {
    const source = document('  - { title: More training, kind: process }');
    expect(analyze(source).map(([, rule]) => rule)).toEqual([
      'incomplete-action-item',
      'punitive-action-item',
    ]);
    expect(analyze('# Review\n\nIt was human error.\n')).toEqual([
      ['language', 'human-error', 'error', 3],
      ['anti-pattern', 'blame-game', 'warning', 1],
    ]);
  });

  it('reads a postmortems-as-code export with the same reader as debrief import', () => {
    const exported = renderMarkdown(buildReport(sampleReportData()));
    const findings = analyzeMarkdown(exported, { policy: defaultPolicy, today });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['circular-remediation', 'error'],
      ['overdue-action-item', 'warning'],
      ['incomplete-action-item', 'warning'],
    ]);
    expect(findings[0]?.message).toContain('relies on search-cache');
    expect(exported.split('\n')[(findings[0]?.line ?? 0) - 1]).toContain('Warm the cache');
  });

  it("reads another team's document by its sections", () => {
    const foreign = [
      '# Checkout outage',
      '',
      '## Summary',
      '',
      'Checkout returned errors for 20 minutes.',
      '',
      '## Action items',
      '',
      '- Require two approvals for every config change',
      '',
    ].join('\n');
    expect(analyze(foreign).map(([, rule]) => rule)).toEqual([
      'incomplete-action-item',
      'punitive-action-item',
    ]);
  });
});
