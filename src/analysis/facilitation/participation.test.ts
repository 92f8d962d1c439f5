import { describe, expect, it } from 'vitest';
import { participantRoles } from '../../domain/participant.ts';
import { summarizeParticipation } from './participation.ts';

describe('summarizeParticipation', () => {
  it('groups participants under every role and marks who attended', () => {
    const summary = summarizeParticipation(
      [
        { id: '1', name: 'Eng One', role: 'engineering' },
        { id: '2', name: 'Eng Two', role: 'engineering' },
        { id: '3', name: 'Pat', role: 'product' },
      ],
      ['2'],
    );
    expect(summary.byRole.map((g) => g.role)).toEqual([...participantRoles]);
    expect(summary.byRole[0]?.members).toEqual([
      { id: '1', name: 'Eng One', attended: false },
      { id: '2', name: 'Eng Two', attended: true },
    ]);
  });

  it('flags engineering, product, support, management and facilitator when nobody covers them', () => {
    const summary = summarizeParticipation([
      { id: '1', name: 'Eng', role: 'engineering' },
      { id: '2', name: 'Sam', role: 'support' },
      { id: '3', name: 'Rev', role: 'reviewer' },
    ]);
    expect(summary.gaps).toEqual(['product', 'management', 'facilitator']);
  });

  it('reports no gap when every expected role is covered', () => {
    const summary = summarizeParticipation(
      (['engineering', 'product', 'support', 'management', 'facilitator'] as const).map(
        (role, i) => ({ id: String(i), name: role, role }),
      ),
    );
    expect(summary.gaps).toEqual([]);
  });
});
