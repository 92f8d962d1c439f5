import type { ActionItem } from './action-item.ts';
import type { ContributingFactor } from './contributing-factor.ts';
import type { Incident } from './incident.ts';
import type { Participant } from './participant.ts';
import { defaultPolicy } from './policy.ts';
import type { PostmortemSnapshot, UnmetCondition } from './postmortem-guards.ts';
import { evaluateTransition, findTransition, type PhaseTransition } from './postmortem-phase.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';
import type { WhyNode } from './why-node.ts';

// Builders of postmortem snapshots for the phase-transition tests (postmortem-phase*.test.ts).

export const createdAt = new Date('2024-03-04T10:00:00Z');

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    number: 1,
    title: 'Checkout unavailable',
    summary: '',
    kind: 'outage',
    severity: 'sev2',
    potentialSeverity: null,
    isDrill: false,
    status: 'resolved',
    services: ['checkout'],
    restricted: false,
    instants: {},
    memberIds: [],
    createdById: null,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function factor(overrides: Partial<ContributingFactor> = {}): ContributingFactor {
  return {
    id: 'factor-1',
    postmortemId: 'pm-1',
    description: 'The config change skipped the canary stage',
    category: 'change_management',
    isRootCause: true,
    acceptedRiskReason: null,
    version: 1,
    createdAt,
    ...overrides,
  };
}

export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item-1',
    postmortemId: 'pm-1',
    title: 'Route config changes through the canary stage',
    kind: 'prevent',
    ownerName: 'Platform team',
    ownerUserId: null,
    dueDate: '2024-04-01',
    successCriterion: 'A bad config is stopped at the canary in a drill',
    status: 'verified',
    wontDoReason: null,
    trackerUrl: null,
    trackerKey: null,
    verificationEvidence: 'Drill on 2024-03-28 stopped at canary',
    linkedFactorIds: ['factor-1'],
    linkedWhyNodeIds: ['why-1'],
    reliesOnServices: [],
    verificationNote: null,
    verifiedAt: null,
    verifiedById: null,
    priority: 'p2',
    team: null,
    services: [],
    isIdea: false,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function whyNode(overrides: Partial<WhyNode> = {}): WhyNode {
  return {
    id: 'why-1',
    postmortemId: 'pm-1',
    parentId: null,
    question: 'Why did checkout fail?',
    answer: 'The connection pool limit was lowered without a load test',
    category: 'change_management',
    mark: 'root_cause',
    evidenceEventIds: ['event-1'],
    noEvidenceReason: null,
    acceptedRiskReason: null,
    position: 0,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function reviewer(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 'participant-1',
    postmortemId: 'pm-1',
    name: 'Rita Reviewer',
    userId: 'user-1',
    role: 'reviewer',
    approvedAt: createdAt,
    version: 1,
    createdAt,
    ...overrides,
  };
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
      analysisMeetingAt: createdAt,
    },
    incidents: [incident()],
    acceptedTimelineEventCount: 3,
    factors: [factor()],
    actionItems: [actionItem()],
    whyNodes: [whyNode()],
    participants: [reviewer()],
    unwaivedBlamelessFindings: [],
    policy: defaultPolicy,
    ...overrides,
  };
}

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

export const codes = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.code);
export const subjects = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.subject);
export const advance = (step: PhaseTransition, snapshot: PostmortemSnapshot) =>
  evaluateTransition(step, snapshot, undefined);
