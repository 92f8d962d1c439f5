import { describe, expect, it } from 'vitest';
import { filterEvidenceEvents, noEvidenceFilter } from './filter-evidence.ts';

const events = [
  {
    id: 'a',
    occurredAt: '2026-11-16T10:00:00Z',
    text: 'Queue depth alert fired',
    kind: 'detection',
    source: 'alertmanager',
    actor: null,
  },
  {
    id: 'b',
    occurredAt: '2026-11-16T10:05:00Z',
    text: 'Restarted the consumers',
    kind: 'mitigation',
    source: 'slack',
    actor: 'Ngozi',
  },
  {
    id: 'c',
    occurredAt: '2026-11-16T10:20:00Z',
    text: 'Queue drained',
    kind: 'resolution',
    source: 'manual',
    actor: null,
  },
];
const ids = (filter: Partial<typeof noEvidenceFilter>, chosen: string[] = []) =>
  filterEvidenceEvents(events, { ...noEvidenceFilter, ...filter }, chosen).map((e) => e.id);

describe('filterEvidenceEvents', () => {
  it('lists everything with no filter, and narrows by words in the text or actor', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ query: 'QUEUE' })).toEqual(['a', 'c']);
    expect(ids({ query: 'queue drained' })).toEqual(['c']);
    expect(ids({ query: 'ngozi' })).toEqual(['b']);
  });

  it('narrows by kind, source and time window (the "to" minute included)', () => {
    expect(ids({ kind: 'mitigation' })).toEqual(['b']);
    expect(ids({ source: 'alertmanager' })).toEqual(['a']);
    const local = (iso: string) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    expect(ids({ from: local('2026-11-16T10:01:00Z'), to: local('2026-11-16T10:05:00Z') })).toEqual(
      ['b'],
    );
  });

  it('keeps the chosen evidence visible whatever the filter', () => {
    expect(ids({ query: 'drained' }, ['a'])).toEqual(['a', 'c']);
  });
});
