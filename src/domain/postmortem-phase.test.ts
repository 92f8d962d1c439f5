import { describe, expect, it } from 'vitest';
import { guards, unmetConditionCodes } from './postmortem-guards.ts';
import { findTransition, nextPhase, phaseTransitions } from './postmortem-phase.ts';
import { postmortemPhases } from './postmortem-phases.ts';

describe('the transition table', () => {
  it('advances one phase at a time, in order', () => {
    const forward = phaseTransitions.filter((t) => t.direction === 'advance');
    expect(forward.map((t) => [t.from, t.to])).toEqual([
      ['data_gathering', 'analysis'],
      ['analysis', 'documentation'],
      ['documentation', 'follow_up'],
      ['follow_up', 'closed'],
    ]);
  });

  it('has an edge exactly for the next phase and for every earlier one', () => {
    for (const [fromIndex, from] of postmortemPhases.entries()) {
      for (const [toIndex, to] of postmortemPhases.entries()) {
        const expected = toIndex === fromIndex + 1 || toIndex < fromIndex;
        expect(findTransition(from, to) !== undefined, `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it('has no edge that skips a phase or stays put', () => {
    expect(findTransition('data_gathering', 'follow_up')).toBeUndefined();
    expect(findTransition('data_gathering', 'closed')).toBeUndefined();
    expect(findTransition('analysis', 'follow_up')).toBeUndefined();
    expect(findTransition('documentation', 'closed')).toBeUndefined();
    expect(findTransition('analysis', 'analysis')).toBeUndefined();
  });

  it('declares each edge once', () => {
    const keys = phaseTransitions.map((t) => `${t.from}->${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(4 + 10);
  });

  it('goes back without guards, and re-opens from closed', () => {
    const backward = phaseTransitions.filter((t) => t.direction !== 'advance');
    expect(backward.every((t) => t.guards.length === 0)).toBe(true);
    expect(backward.filter((t) => t.from === 'closed').map((t) => [t.to, t.direction])).toEqual([
      ['data_gathering', 'reopen'],
      ['analysis', 'reopen'],
      ['documentation', 'reopen'],
      ['follow_up', 'reopen'],
    ]);
    expect(findTransition('follow_up', 'analysis')?.direction).toBe('return');
  });

  it('uses every guard on exactly one forward edge, and has a guard for every code', () => {
    const used = phaseTransitions.flatMap((t) => t.guards);
    expect([...used].sort()).toEqual(Object.keys(guards).sort());
    expect(Object.keys(guards).sort()).toEqual(
      unmetConditionCodes.filter((code) => code !== 'REASON_REQUIRED').sort(),
    );
  });

  it('knows the next phase, and that closed has none', () => {
    expect(postmortemPhases.map(nextPhase)).toEqual([
      'analysis',
      'documentation',
      'follow_up',
      'closed',
      undefined,
    ]);
  });
});
