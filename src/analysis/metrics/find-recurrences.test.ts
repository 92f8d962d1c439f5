import { describe, expect, it } from 'vitest';
import { findRecurrences, type LaterIncident, type ReviewedCause } from './find-recurrences.ts';

const review: ReviewedCause = {
  postmortemId: 'pm-queue',
  title: 'Queue backlog',
  incidentIds: ['i-1'],
  services: ['queue'],
  rootCauseCategories: ['capacity'],
  occurredAt: new Date('2026-03-01T00:00:00Z'),
  fixesVerifiedAt: new Date('2026-04-01T00:00:00Z'),
};
const later = (id: string, day: string, extra: Partial<LaterIncident> = {}): LaterIncident => ({
  id,
  number: Number(id.slice(2)),
  title: `Incident ${id}`,
  services: ['queue'],
  factorCategories: [],
  occurredAt: new Date(`${day}T00:00:00Z`),
  ...extra,
});

describe('findRecurrences', () => {
  it('finds later incidents on the same service with a shared cause, and whether the fix held', () => {
    const [found] = findRecurrences(
      [review],
      [
        later('i-1', '2026-03-01'),
        later('i-2', '2026-03-15'),
        later('i-3', '2026-05-02', { factorCategories: ['capacity', 'process'] }),
        later('i-4', '2026-05-03', { factorCategories: ['documentation'] }),
        later('i-5', '2026-05-04', { services: ['search'] }),
        later('i-6', '2026-02-01'),
      ],
    );
    expect(found?.incidents.map((i) => [i.id, i.afterFixesVerified])).toEqual([
      ['i-2', false],
      ['i-3', true],
    ]);
    expect(found?.fixHeld).toBe(false);
  });

  it('says the fix held when every match came before the fixes were verified', () => {
    const [found] = findRecurrences([review], [later('i-2', '2026-03-15')]);
    expect(found?.fixHeld).toBe(true);
    expect(
      findRecurrences([{ ...review, rootCauseCategories: [] }], [later('i-2', '2026-03-15')]),
    ).toEqual([]);
  });
});
