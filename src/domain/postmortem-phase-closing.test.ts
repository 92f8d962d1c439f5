import { describe, expect, it } from 'vitest';
import { incident } from '../../test/support/domain-builders.ts';
import {
  advance,
  codes,
  readySnapshot,
  subjects,
  toClosed,
  transition,
  verifiedActionItem,
} from '../../test/support/postmortem-phase-fixtures.ts';
import type { ActionItemStatus } from './action-item.ts';
import type { Severity } from './incident.ts';
import { worstSeverity } from './postmortem-guards.ts';
import {
  evaluateTransition,
  nextPhase,
  phaseTransitions,
  unmetForNextPhase,
} from './postmortem-phase.ts';
import { postmortemPhases } from './postmortem-phases.ts';

describe('worstSeverity', () => {
  it.each([
    [['sev4', 'sev2', 'sev3'], 'sev2'],
    [['sev1'], 'sev1'],
    [['sev4', 'sev4'], 'sev4'],
    [[], 'sev4'],
  ] as Array<[Severity[], Severity]>)('of %j is %s', (list, worst) => {
    expect(worstSeverity(list.map((severity) => ({ severity })))).toBe(worst);
  });
});

describe('closing', () => {
  const closeWith = (status: ActionItemStatus, wontDoReason: string | null = null) =>
    advance(
      toClosed,
      readySnapshot({ actionItems: [verifiedActionItem({ status, wontDoReason })] }),
    );

  it.each(['open', 'in_progress', 'done'] as const)('is refused while an item is %s', (status) => {
    expect(codes(closeWith(status))).toEqual(['ACTION_ITEMS_NOT_VERIFIED']);
  });

  it('accepts verified items', () => {
    expect(closeWith('verified')).toEqual([]);
  });

  it("accepts won't-do items with a reason", () => {
    expect(closeWith('wont_do', 'Replaced by the Q3 migration')).toEqual([]);
  });

  it.each([null, '', '   '])("refuses won't-do items with reason %j", (reason) => {
    expect(codes(closeWith('wont_do', reason))).toEqual(['ACTION_ITEMS_NOT_VERIFIED']);
  });

  it('lists every unsettled item', () => {
    const snapshot = readySnapshot({
      actionItems: [
        verifiedActionItem({ id: 'a', status: 'open' }),
        verifiedActionItem({ id: 'b', status: 'verified' }),
        verifiedActionItem({ id: 'c', status: 'in_progress' }),
      ],
    });
    expect(subjects(advance(toClosed, snapshot))).toEqual([
      { type: 'action_item', id: 'a' },
      { type: 'action_item', id: 'c' },
    ]);
  });

  it('checks nothing but verification', () => {
    const snapshot = readySnapshot({
      incidents: [incident({ status: 'open' })],
      acceptedTimelineEventCount: 0,
      factors: [],
      participants: [],
      unwaivedBlamelessFindings: [{ rule: 'hindsight', field: 'x', excerpt: 'should have' }],
    });
    expect(advance(toClosed, snapshot)).toEqual([]);
  });
});

describe('moving back', () => {
  const backward = phaseTransitions.filter((t) => t.direction !== 'advance');
  const failingEverything = readySnapshot({
    incidents: [incident({ status: 'open' })],
    acceptedTimelineEventCount: 0,
    factors: [],
    actionItems: [verifiedActionItem({ status: 'open', ownerName: null })],
    participants: [],
  });

  it.each(backward.map((t) => [`${t.from} -> ${t.to}`, t] as const))(
    '%s needs a reason and nothing else',
    (_name, step) => {
      expect(codes(evaluateTransition(step, failingEverything, undefined))).toEqual([
        'REASON_REQUIRED',
      ]);
      expect(codes(evaluateTransition(step, failingEverything, ' \t'))).toEqual([
        'REASON_REQUIRED',
      ]);
      expect(evaluateTransition(step, failingEverything, 'Found a second root cause')).toEqual([]);
    },
  );

  it('re-opens a closed postmortem with a reason', () => {
    const reopen = transition('closed', 'follow_up');
    expect(reopen.direction).toBe('reopen');
    expect(evaluateTransition(reopen, readySnapshot(), 'The fix regressed')).toEqual([]);
    expect(codes(evaluateTransition(reopen, readySnapshot(), ''))).toEqual(['REASON_REQUIRED']);
  });
});

describe('unmetForNextPhase', () => {
  it.each(postmortemPhases.slice(0, -1).map((phase) => [phase] as const))(
    'from %s names the next phase and nothing left to do when ready',
    (phase) => {
      const snapshot = readySnapshot({ postmortem: { ...readySnapshot().postmortem, phase } });
      expect(unmetForNextPhase(snapshot)).toEqual({ next: nextPhase(phase), unmet: [] });
    },
  );

  it('reports what is left for the next step only', () => {
    const snapshot = readySnapshot({
      postmortem: { ...readySnapshot().postmortem, phase: 'analysis' },
      acceptedTimelineEventCount: 0,
      factors: [],
      whyNodes: [],
    });
    const { next, unmet } = unmetForNextPhase(snapshot);
    expect(next).toBe('documentation');
    expect(codes(unmet)).toEqual(['NO_CAUSES_IDENTIFIED']);
  });

  it('has no next phase once closed', () => {
    const snapshot = readySnapshot({
      postmortem: { ...readySnapshot().postmortem, phase: 'closed' },
      actionItems: [verifiedActionItem({ status: 'open' })],
    });
    expect(unmetForNextPhase(snapshot)).toEqual({ next: undefined, unmet: [] });
  });
});
