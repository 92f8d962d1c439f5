import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../test/reports/sample-report.ts';
import { isDomainError } from '../domain/errors.ts';
import { defaultPolicy } from '../domain/policy.ts';
import { availableTemplates } from '../domain/report-template.ts';
import { buildReport } from './build-report.ts';
import { placeDurations } from './place-durations.ts';
import { readDebriefDocument } from './read-debrief-document.ts';
import { readForeignDocument } from './read-foreign-document.ts';
import { renderMarkdown } from './render-markdown.ts';

const templates = availableTemplates(defaultPolicy.reportSections);
const categories = defaultPolicy.factorTaxonomy.map((c) => c.key);

/** A postmortem as another team writes it, with every shape the reader must recognise. */
const teamDocument = `# Search outage after cache flush

Author: the search on-call rotation

## Summary

A deploy flushed the search cache; most searches returned nothing for 32 minutes.

## Impact

About 40% of searches in Europe were empty.

## Timeline

All times in UTC.

| Time | Event |
| --- | --- |
| 2026-03-02 13:57 | Deploy 4121 starts and flushes the cache |
| 2026-03-02 14:07 | Alert SearchEmptyResults fires |
| 2026-03-02 HH:mm | Someone forgot to note the time |

## Root Causes

The deploy script treats the cache as disposable.

- The deploy script flushes the cache without a warm-up step
- Nothing checks the hit ratio after a deploy
  - the dashboard shows it, no alert does

## Contributing Factors (findings)

- A second deploy was queued behind the first

## Action Items

- [x] Warm the cache from a snapshot before traffic moves
- [ ] **Alert on the hit ratio**: page when it stays under 50% for two minutes
- Review the deploy checklist with the search team (owner: Robin)

| Action | Owner | Due | Status |
| --- | --- | --- | --- |
| Add a canary step to the search deploy | Sam | 2026-04-01 | in progress |

## Lessons Learned

### What went well

- The snapshot restore worked first time.

### Where we got lucky

- It happened outside the sales peak.

## Attendees

- Robin, Sam

## Stats

- Category: Search
- Time to detection: 10 minutes
- Time to recovery: 32 minutes

## Marketing follow-up

Send the apology email.
`;

describe('readForeignDocument', () => {
  const doc = readForeignDocument(teamDocument, 'search-outage.md', { categories });

  it('recognises the common sections', () => {
    expect(doc.title).toBe('Search outage after cache flush');
    expect(Object.keys(doc.sections).sort()).toEqual([
      'impact',
      'root_causes',
      'summary',
      'what_went_well',
      'where_we_got_lucky',
    ]);
    expect(doc.sections.root_causes).toBe('The deploy script treats the cache as disposable.');
  });

  it('takes factors from the lists under cause headings, nested lines included', () => {
    expect(doc.factors.map((f) => [f.ref, f.isRootCause, f.category])).toEqual([
      ['F1', true, 'change_management'],
      ['F2', true, 'detection_gap'],
      ['F3', false, 'change_management'],
    ]);
    expect(doc.factors[1]?.description).toBe(
      'Nothing checks the hit ratio after a deploy; the dashboard shows it, no alert does',
    );
  });

  it('reads checklists, bold leads, owners and tables as action items', () => {
    expect(doc.actionItems.map((a) => [a.title, a.status, a.owner, a.dueDate, a.kind])).toEqual([
      ['Warm the cache from a snapshot before traffic moves', 'done', null, null, 'prevent'],
      ['Alert on the hit ratio', 'open', null, null, 'detect'],
      [
        'Review the deploy checklist with the search team (owner: Robin)',
        'open',
        'Robin',
        null,
        'process',
      ],
      ['Add a canary step to the search deploy', 'in_progress', 'Sam', '2026-04-01', 'prevent'],
    ]);
    expect(doc.participants.map((p) => p.name)).toEqual(['Robin', 'Sam']);
  });

  it('turns statistics lines into durations and hands the timeline on as text', () => {
    expect(doc.durations.map((d) => [d.instant, d.minutes])).toEqual([
      ['detected_at', 10],
      ['resolved_at', 32],
    ]);
    expect(doc.timelineText).toContain('| 2026-03-02 14:07 | Alert SearchEmptyResults fires |');
  });

  it('keeps what it cannot place, and says where it stood', () => {
    expect(doc.unplaced.map((u) => u.heading)).toEqual([
      'before the first section',
      'Action Items: A2 details',
      'Stats',
      'Marketing follow-up',
    ]);
    expect(doc.unplaced[1]?.text).toBe('page when it stays under 50% for two minutes');
    expect(doc.assumed.length).toBeGreaterThan(0);
  });
});

describe('placeDurations', () => {
  it('counts durations from the earliest timeline row, estimated, and keeps the order', () => {
    const start = new Date('2026-03-02T13:57:00Z');
    const placed = placeDurations(
      {},
      [
        { instant: 'detected_at', minutes: 10, text: 'Time to detection: 10 minutes' },
        { instant: 'resolved_at', minutes: 5, text: 'Time to recovery: 5 minutes' },
        { instant: 'mitigated_at', minutes: 8, text: 'Time to mitigate: 8 minutes' },
      ],
      start,
    );
    expect(placed.instants.started_at).toEqual({
      at: start,
      source: 'document',
      precision: 'estimated',
    });
    expect(placed.instants.detected_at?.at.toISOString()).toBe('2026-03-02T14:07:00.000Z');
    // Resolved 5 minutes after the start would come before detection: left unplaced.
    expect(placed.unplaced.map((d) => d.instant)).toEqual(['resolved_at']);
    expect(placed.instants.mitigated_at?.precision).toBe('estimated');
  });

  it('leaves durations unplaced when there is nothing to count from', () => {
    const placed = placeDurations({}, [{ instant: 'detected_at', minutes: 3, text: 'x' }], null);
    expect(placed.instants).toEqual({});
    expect(placed.unplaced).toHaveLength(1);
  });
});

describe('readDebriefDocument', () => {
  it('reads back everything the Markdown export writes', () => {
    const report = buildReport(sampleReportData());
    const doc = readDebriefDocument(renderMarkdown(report), 'search.md', templates);
    expect(doc.title).toBe(report.title);
    expect(doc.incidents[0]?.instants.mitigated_at).toEqual({
      at: new Date('2026-03-02T14:25:00.000Z'),
      source: 'manual',
      precision: 'estimated',
    });
    expect(doc.timeline.map((r) => [r.text, r.pinned, r.actor])).toEqual(
      report.timeline.map((e) => [e.text, e.pinned, e.actor]),
    );
    expect(doc.sections).toEqual({
      summary: sampleReportData().postmortem.sections.summary,
      impact: sampleReportData().postmortem.sections.impact,
      lessons_learned: sampleReportData().postmortem.sections.lessons_learned,
      requests_affected: '1.2 million search requests',
    });
    expect(doc.whyTree.map((n) => [n.ref, n.parentRef, n.mark])).toEqual([
      ['W1', null, 'none'],
      ['W2', 'W1', 'root_cause'],
      ['W3', 'W1', 'contributing_factor'],
    ]);
    expect(doc.actionItems[0]).toMatchObject({
      ref: 'A1',
      addresses: ['F1', 'W2'],
      dueDate: '2026-03-20',
    });
  });

  it('lists every problem of a broken front matter', () => {
    const broken =
      '---\ndebrief: 1\ntemplate: default\ntitle: ""\nincidents:\n  - title: x\n    kind: fire\n    severity: sev9\n---\n# x\n';
    const error = (() => {
      try {
        readDebriefDocument(broken, 'broken.md', templates);
      } catch (e) {
        return e;
      }
    })();
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    const paths = (error as { details: { errors: Array<{ path: string }> } }).details.errors.map(
      (e) => e.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'broken.md:front_matter.title',
        'broken.md:front_matter.incidents.0.kind',
        'broken.md:front_matter.incidents.0.severity',
      ]),
    );
  });
});
