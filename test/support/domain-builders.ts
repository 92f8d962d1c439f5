import type { ActionItem } from '../../src/domain/action-item.ts';
import type { ContributingFactor } from '../../src/domain/contributing-factor.ts';
import type { Incident } from '../../src/domain/incident.ts';
import type { Participant } from '../../src/domain/participant.ts';
import type { WhyNode } from '../../src/domain/why-node.ts';

// Whole domain records for the pure tests (guards, detectors), complete and valid unless a
// test overrides a field: one builder per record, so that a new field is added once. Kept out
// of src/ so that none of it is compiled into the shipped build.

/** When every built record was created, unless overridden. */
export const builtAt = new Date('2026-11-02T09:00:00Z');

/** A resolved sev2 outage of `checkout`. */
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
    createdAt: builtAt,
    updatedAt: builtAt,
    ...overrides,
  };
}

/** A root-cause contributing factor (`factor-1`). */
export function factor(overrides: Partial<ContributingFactor> = {}): ContributingFactor {
  return {
    id: 'factor-1',
    postmortemId: 'pm-1',
    description: 'The config change skipped the canary stage',
    category: 'change_management',
    isRootCause: true,
    acceptedRiskReason: null,
    version: 1,
    createdAt: builtAt,
    ...overrides,
  };
}

/** An action item, complete (owner, due date, success criterion) and open. */
export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item-1',
    postmortemId: 'pm-1',
    title: 'Add a saturation alert on the checkout queue',
    kind: 'detect',
    ownerName: 'Sam',
    ownerUserId: null,
    dueDate: '2026-12-01',
    successCriterion: 'Confirmed in place by the owner',
    status: 'open',
    wontDoReason: null,
    trackerUrl: null,
    trackerKey: null,
    verificationEvidence: null,
    linkedFactorIds: [],
    linkedWhyNodeIds: [],
    reliesOnServices: [],
    verificationNote: null,
    verifiedAt: null,
    verifiedById: null,
    priority: 'p2',
    team: null,
    services: [],
    isIdea: false,
    version: 1,
    createdAt: builtAt,
    updatedAt: builtAt,
    ...overrides,
  };
}

/** A why-node marked as the root cause (`why-1`), with evidence. */
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
    createdAt: builtAt,
    updatedAt: builtAt,
    ...overrides,
  };
}

/** A participant with the `reviewer` role who has approved. */
export function reviewer(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 'participant-1',
    postmortemId: 'pm-1',
    name: 'Rita Reviewer',
    userId: 'user-1',
    role: 'reviewer',
    approvedAt: builtAt,
    version: 1,
    createdAt: builtAt,
    ...overrides,
  };
}
