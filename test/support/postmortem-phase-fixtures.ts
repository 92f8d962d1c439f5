import type { ActionItem } from '../../src/domain/action-item.ts';
import { defaultPolicy } from '../../src/domain/policy.ts';
import type { PostmortemSnapshot, UnmetCondition } from '../../src/domain/postmortem-guards.ts';
import {
  evaluateTransition,
  findTransition,
  type PhaseTransition,
} from '../../src/domain/postmortem-phase.ts';
import type { PostmortemPhase } from '../../src/domain/postmortem-phases.ts';
import { actionItem, builtAt, factor, incident, reviewer, whyNode } from './domain-builders.ts';

// Snapshots and steps for the phase-transition tests (src/domain/postmortem-phase*.test.ts).

/** An action item settled as far as it goes: verified with evidence, linked to the root causes. */
export function verifiedActionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return actionItem({
    kind: 'prevent',
    status: 'verified',
    verificationEvidence: 'Drill on 2026-11-28 stopped at canary',
    linkedFactorIds: ['factor-1'],
    linkedWhyNodeIds: ['why-1'],
    ...overrides,
  });
}

/** A snapshot in which every guard of every forward step is met (sev2: one approval). */
export function readySnapshot(overrides: Partial<PostmortemSnapshot> = {}): PostmortemSnapshot {
  return {
    postmortem: {
      phase: 'data_gathering',
      sections: {
        summary: 'Checkout was down for 20 minutes.',
        impact: '3% of orders failed.',
        lessons_learned: 'Config is code.',
      },
      analysisMeetingAt: builtAt,
    },
    incidents: [incident()],
    acceptedTimelineEventCount: 3,
    factors: [factor()],
    actionItems: [verifiedActionItem()],
    whyNodes: [whyNode()],
    participants: [reviewer()],
    unwaivedBlamelessFindings: [],
    policy: defaultPolicy,
    ...overrides,
  };
}

/** The edge `from → to` of the transition table; a test setup error when there is none. */
export function transition(from: PostmortemPhase, to: PostmortemPhase): PhaseTransition {
  const found = findTransition(from, to);
  if (!found) {
    throw new Error(`test setup: no edge ${from} -> ${to}`);
  }
  return found;
}

export const toAnalysis = transition('data_gathering', 'analysis');
export const toDocumentation = transition('analysis', 'documentation');
export const toFollowUp = transition('documentation', 'follow_up');
export const toClosed = transition('follow_up', 'closed');
export const forwardSteps = [toAnalysis, toDocumentation, toFollowUp, toClosed];

/** The codes of unmet conditions, in order. */
export const codes = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.code);
/** The subjects of unmet conditions, in order. */
export const subjects = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.subject);
/** Evaluates a step for a snapshot, with no actor (the guards only). */
export const advance = (step: PhaseTransition, snapshot: PostmortemSnapshot) =>
  evaluateTransition(step, snapshot, undefined);
