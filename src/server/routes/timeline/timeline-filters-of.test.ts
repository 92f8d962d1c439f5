import { describe, expect, it } from 'vitest';
import { timelineQuerySchema, timelineVersionsQuerySchema } from '../../../contracts/timeline.ts';
import { timelineFiltersOf } from './timeline-filters-of.ts';

const pageQuery = (query: Record<string, string>) => timelineQuerySchema.parse(query);
const versionsQuery = (query: Record<string, string>) => timelineVersionsQuerySchema.parse(query);

const pagerId = '0b6f1a43-5a4f-4c1e-9d3e-2f7a8b9c0d11';
const slackId = '5d2e8c71-93b4-4f0a-8e6d-1c2b3a4f5e60';

describe('timelineFiltersOf', () => {
  it('asks for nothing when the address holds no filter', () => {
    expect(timelineFiltersOf(pageQuery({}))).toStrictEqual({});
    expect(timelineFiltersOf(versionsQuery({}))).toStrictEqual({});
  });

  it('turns every filter of the address into the filter the timeline reads', () => {
    const filters = timelineFiltersOf(
      pageQuery({
        source: 'pagerduty, slack',
        status: 'proposed,accepted',
        kind: 'detection',
        pinned: 'true',
        from: '2026-11-16T10:00:00+02:00',
        to: '2026-11-16T12:30:00Z',
        ids: `${pagerId},${slackId}`,
        cursor: 'next',
        limit: '20',
      }),
    );
    expect(filters).toStrictEqual({
      sources: ['pagerduty', 'slack'],
      statuses: ['proposed', 'accepted'],
      kinds: ['detection'],
      pinned: true,
      from: new Date('2026-11-16T08:00:00Z'),
      to: new Date('2026-11-16T12:30:00Z'),
      ids: [pagerId, slackId],
    });
  });

  it('keeps "not pinned" apart from "pinned or not"', () => {
    expect(timelineFiltersOf(pageQuery({ pinned: 'false' }))).toStrictEqual({ pinned: false });
  });

  it('reads the versions of a timeline with the filters of its pages', () => {
    const address = {
      source: 'alertmanager',
      status: 'rejected',
      kind: 'escalation,action',
      pinned: 'false',
      from: '2026-11-16T00:00:00Z',
    };
    expect(timelineFiltersOf(versionsQuery(address))).toStrictEqual(
      timelineFiltersOf(pageQuery(address)),
    );
    expect(timelineFiltersOf(versionsQuery(address))).toStrictEqual({
      sources: ['alertmanager'],
      statuses: ['rejected'],
      kinds: ['escalation', 'action'],
      pinned: false,
      from: new Date('2026-11-16T00:00:00Z'),
    });
  });
});
