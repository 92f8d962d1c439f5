import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { findBlamelessFindings } from '../../analysis/blameless/find-blameless-findings.ts';
import { incidentKinds } from '../../domain/incident.ts';
import { buildReport } from '../../reports/build-report.ts';
import { draftReport } from '../../reports/draft-report.ts';

const lint = (texts: Record<string, string>, people: string[] = []) =>
  findBlamelessFindings(
    Object.entries(texts).map(([field, text]) => ({ field, text })),
    { people },
  );

describe('draftReport', () => {
  it('names the durations, the detection, the services and the pinned moments', () => {
    const draft = draftReport(buildReport(sampleReportData()), { acceptText: () => true });
    expect(draft.summary).toContain(
      'It was detected at 14:07 UTC through an Alertmanager alert, 7 minutes after it started.',
    );
    expect(draft.summary).toContain(
      'Durations: time to detect 7 minutes, time to acknowledge 3 minutes, time to mitigate 25 minutes (estimated) and time to resolve 32 minutes.',
    );
    expect(draft.summary).toContain('Services affected: search-api and search-cache.');
    expect(draft.summary).toContain('at 14:00 UTC, Cache hit ratio drops from 97% to 3%');
    expect(draft.impact).toBe(
      'The incident lasted 32 minutes from start to resolution. Affected services: search-api and search-cache. Requests affected: 1.2 million search requests.',
    );
  });

  it('is blameless by construction: its own wording passes the linter for every kind and shape', () => {
    const data = sampleReportData();
    for (const kind of incidentKinds) {
      for (const incidents of [
        data.incidents.map((i) => ({ ...i, kind })),
        [
          ...data.incidents,
          { ...data.incidents[0], id: 'inc-2', title: 'Search slow', kind },
        ] as typeof data.incidents,
        data.incidents.map((i) => ({ ...i, kind, instants: {} })),
      ]) {
        const draft = draftReport(buildReport({ ...data, incidents }), { acceptText: () => true });
        expect(lint(draft, ['Robin Facilitator', 'Sam Oncall'])).toEqual([]);
      }
    }
  });

  it('quotes a pinned moment only when the linter accepts its text', () => {
    const data = sampleReportData();
    data.timeline[1] = {
      ...data.timeline[1],
      id: 'e2',
      occurredAt: new Date('2026-03-02T14:00:00Z'),
      kind: 'observation',
      actor: null,
      status: 'accepted',
      pinned: true,
      text: 'Sam should have noticed the hit ratio dropping.',
    };
    const people = ['Sam Oncall', 'Sam'];
    const acceptText = (text: string) => lint({ text }, people).length === 0;
    const draft = draftReport(buildReport(data), { acceptText });
    expect(draft.summary).not.toContain('should have');
    expect(draft.summary).toContain('Alert SearchEmptyResults fires');
    expect(lint(draft, people)).toEqual([]);
  });
});
