import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { defaultPublishingPolicy } from '../../domain/publishing-policy.ts';
import { buildReport } from '../build-report.ts';
import { renderHtml } from '../render-html.ts';
import { renderJson } from '../render-json.ts';
import { renderMarkdown } from '../render-markdown.ts';
import { redactReport } from './redact-report.ts';
import { compileRedaction } from './redact-text.ts';

const base = sampleReportData();
const data = sampleReportData({
  postmortem: {
    ...base.postmortem,
    sections: {
      ...base.postmortem.sections,
      summary:
        'Sam Oncall saw search-cache-3.corp.example.com evict every key; Robin opened https://grafana.corp.example.com/d/cache.',
    },
  },
  timeline: base.timeline.map((e) =>
    e.id === 'e5'
      ? { ...e, text: 'Sam warmed the cache on 10.4.2.17 with token ghp_abcdefghijklmnopqrstuvwx.' }
      : e,
  ),
});
const report = buildReport(data);
const people = [
  { names: ['Robin Facilitator'], label: 'the facilitator' },
  { names: ['Sam Oncall'], label: 'an engineer' },
];
const labels = new Map(people.flatMap((p) => p.names.map((n) => [n.toLowerCase(), p.label])));
const compiled = compileRedaction(
  { ...defaultPublishingPolicy.redaction, internalDomains: ['corp.example.com'] },
  people,
);
const redact = () =>
  redactReport(report, compiled, { personLabel: (name) => labels.get(name.toLowerCase()) });

const forbidden = [
  'Sam',
  'Robin',
  'search-cache-3.corp.example.com',
  'grafana.corp.example.com',
  '10.4.2.17',
  'ghp_abcdefghijklmnopqrstuvwx',
];

describe('redactReport', () => {
  it('leaves no name, internal host, address or token in any rendering', () => {
    const { report: redacted } = redact();
    for (const rendered of [renderHtml(redacted), renderMarkdown(redacted), renderJson(redacted)]) {
      for (const text of forbidden) {
        expect(rendered).not.toContain(text);
      }
    }
    // The scene is real: the unredacted report names them all.
    const raw = renderJson(report);
    for (const text of forbidden) {
      expect(raw).toContain(text);
    }
  });

  it('says the role instead of the person, in fields and in prose', () => {
    const { report: redacted } = redact();
    expect(redacted.participants).toEqual([
      { name: 'the facilitator', role: 'facilitator' },
      { name: 'an engineer', role: 'engineering' },
    ]);
    expect(redacted.timeline.find((e) => e.kind === 'escalation')?.actor).toBe('An engineer');
    const summary = redacted.parts.find((p) => p.key === 'summary');
    expect(summary && 'markdown' in summary ? summary.markdown : '').toBe(
      'An engineer saw [internal host] evict every key; the facilitator opened [internal link].',
    );
  });

  it('lists each redaction with its place in the report', () => {
    const { redactions } = redact();
    expect(redactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ip_address', original: '10.4.2.17' }),
        expect.objectContaining({ kind: 'token', original: 'ghp_abcdefghijklmnopqrstuvwx' }),
        expect.objectContaining({
          kind: 'internal_url',
          field: expect.stringMatching(/^parts\.\d+\.markdown$/),
        }),
      ]),
    );
  });

  it('keeps what is not to be redacted: refs, kinds, instants, public words', () => {
    const { report: redacted } = redact();
    expect(redacted.whyTree.map((w) => w.ref)).toEqual(report.whyTree.map((w) => w.ref));
    expect(redacted.incidents[0]?.instants).toEqual(report.incidents[0]?.instants);
    expect(redacted.factors).toEqual(report.factors);
    expect(redacted.restricted).toBe(false);
  });
});
