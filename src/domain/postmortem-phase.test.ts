import { describe, expect, it } from 'vitest';
import type { ActionItem, ActionItemStatus } from './action-item.ts';
import type { ContributingFactor } from './contributing-factor.ts';
import type { Incident, Severity } from './incident.ts';
import type { Participant } from './participant.ts';
import { defaultPolicy } from './policy.ts';
import {
  guards,
  type PostmortemSnapshot,
  type UnmetCondition,
  type UnmetConditionCode,
  unmetConditionCodes,
  worstSeverity,
} from './postmortem-guards.ts';
import {
  evaluateTransition,
  findTransition,
  nextPhase,
  type PhaseTransition,
  phaseTransitions,
  unmetForNextPhase,
} from './postmortem-phase.ts';
import { type PostmortemPhase, postmortemPhases } from './postmortem-phases.ts';
import type { WhyNode } from './why-node.ts';

const createdAt = new Date('2024-03-04T10:00:00Z');

function incident(overrides: Partial<Incident> = {}): Incident {
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

function factor(overrides: Partial<ContributingFactor> = {}): ContributingFactor {
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

function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
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

function whyNode(overrides: Partial<WhyNode> = {}): WhyNode {
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

function reviewer(overrides: Partial<Participant> = {}): Participant {
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
function readySnapshot(overrides: Partial<PostmortemSnapshot> = {}): PostmortemSnapshot {
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

function transition(from: PostmortemPhase, to: PostmortemPhase): PhaseTransition {
  const found = findTransition(from, to);
  if (!found) {
    throw new Error(`test setup: no edge ${from} -> ${to}`);
  }
  return found;
}

const toAnalysis = transition('data_gathering', 'analysis');
const toDocumentation = transition('analysis', 'documentation');
const toFollowUp = transition('documentation', 'follow_up');
const toClosed = transition('follow_up', 'closed');
const forwardSteps = [toAnalysis, toDocumentation, toFollowUp, toClosed];

const codes = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.code);
const subjects = (unmet: UnmetCondition[]) => unmet.map((condition) => condition.subject);
const advance = (step: PhaseTransition, snapshot: PostmortemSnapshot) =>
  evaluateTransition(step, snapshot, undefined);

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

describe('forward steps with every guard met', () => {
  it.each(forwardSteps.map((step) => [`${step.from} -> ${step.to}`, step] as const))(
    '%s has no unmet condition',
    (_name, step) => {
      expect(advance(step, readySnapshot())).toEqual([]);
    },
  );

  it('needs no reason to advance', () => {
    expect(evaluateTransition(toAnalysis, readySnapshot(), '')).toEqual([]);
  });
});

describe('each guard alone', () => {
  const cases: Array<{
    code: UnmetConditionCode;
    step: PhaseTransition;
    snapshot: PostmortemSnapshot;
    subjects: Array<UnmetCondition['subject']>;
  }> = [
    {
      code: 'INCIDENT_NOT_RESOLVED',
      step: toAnalysis,
      snapshot: readySnapshot({
        incidents: [
          incident({ id: 'open', status: 'open' }),
          incident({ id: 'done', number: 2, status: 'resolved' }),
          incident({ id: 'mitigated', number: 3, status: 'mitigated' }),
        ],
      }),
      subjects: [
        { type: 'incident', id: 'open' },
        { type: 'incident', id: 'mitigated' },
      ],
    },
    {
      code: 'TIMELINE_EMPTY',
      step: toAnalysis,
      snapshot: readySnapshot({ acceptedTimelineEventCount: 0 }),
      subjects: [undefined],
    },
    {
      code: 'NO_CAUSES_IDENTIFIED',
      step: toDocumentation,
      snapshot: readySnapshot({
        factors: [],
        whyNodes: [whyNode({ mark: 'none', evidenceEventIds: [] })],
      }),
      subjects: [undefined],
    },
    {
      code: 'ROOT_CAUSE_WITHOUT_EVIDENCE',
      step: toDocumentation,
      snapshot: readySnapshot({
        whyNodes: [
          whyNode(),
          whyNode({ id: 'bare', evidenceEventIds: [] }),
          whyNode({ id: 'blank-reason', evidenceEventIds: [], noEvidenceReason: '  ' }),
          whyNode({ id: 'explained', evidenceEventIds: [], noEvidenceReason: 'Logs expired' }),
          whyNode({ id: 'contributing', mark: 'contributing_factor', evidenceEventIds: [] }),
        ],
        actionItems: [
          actionItem({ linkedWhyNodeIds: ['why-1', 'bare', 'blank-reason', 'explained'] }),
        ],
      }),
      subjects: [
        { type: 'why_node', id: 'bare' },
        { type: 'why_node', id: 'blank-reason' },
      ],
    },
    {
      code: 'ANALYSIS_MEETING_NOT_RECORDED',
      step: toDocumentation,
      snapshot: readySnapshot({
        postmortem: { ...readySnapshot().postmortem, analysisMeetingAt: null },
      }),
      subjects: [undefined],
    },
    {
      code: 'REPORT_SECTION_MISSING',
      step: toFollowUp,
      snapshot: readySnapshot({
        postmortem: {
          ...readySnapshot().postmortem,
          // impact missing, summary blank; optional sections may stay empty
          sections: { summary: '  \n ', lessons_learned: 'Config is code.', what_went_well: '' },
        },
      }),
      subjects: [
        { type: 'report_section', id: 'summary' },
        { type: 'report_section', id: 'impact' },
      ],
    },
    {
      code: 'BLAMELESS_FINDINGS_UNWAIVED',
      step: toFollowUp,
      snapshot: readySnapshot({
        unwaivedBlamelessFindings: [
          { rule: 'human-error', field: 'sections.summary', excerpt: 'human error' },
          { rule: 'hindsight', field: 'sections.impact', excerpt: 'should have' },
        ],
      }),
      subjects: [
        { type: 'field', id: 'sections.summary' },
        { type: 'field', id: 'sections.impact' },
      ],
    },
    {
      code: 'ROOT_CAUSE_WITHOUT_ACTION',
      step: toFollowUp,
      snapshot: readySnapshot({
        factors: [
          factor(),
          factor({ id: 'orphan' }),
          factor({ id: 'blank-risk', acceptedRiskReason: '   ' }),
          factor({ id: 'contributing-only', isRootCause: false }),
        ],
        whyNodes: [
          whyNode(),
          whyNode({ id: 'why-orphan' }),
          whyNode({ id: 'why-accepted', acceptedRiskReason: 'Vendor fixes it in Q3' }),
          whyNode({ id: 'why-contributing', mark: 'contributing_factor' }),
        ],
      }),
      subjects: [
        { type: 'contributing_factor', id: 'orphan' },
        { type: 'contributing_factor', id: 'blank-risk' },
        { type: 'why_node', id: 'why-orphan' },
      ],
    },
    {
      code: 'ACTION_ITEM_WITHOUT_OWNER',
      step: toFollowUp,
      snapshot: readySnapshot({
        actionItems: [
          actionItem({ id: 'a', ownerName: null, ownerUserId: null }),
          actionItem({ id: 'b', ownerName: '  ', ownerUserId: null }),
          actionItem({ id: 'named', ownerName: 'Ops', ownerUserId: null }),
          actionItem({ id: 'account', ownerName: null, ownerUserId: 'user-2' }),
        ],
      }),
      subjects: [
        { type: 'action_item', id: 'a' },
        { type: 'action_item', id: 'b' },
      ],
    },
    {
      code: 'ACTION_ITEM_WITHOUT_DUE_DATE',
      step: toFollowUp,
      snapshot: readySnapshot({
        actionItems: [actionItem(), actionItem({ id: 'undated', dueDate: null })],
      }),
      subjects: [{ type: 'action_item', id: 'undated' }],
    },
    {
      code: 'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
      step: toFollowUp,
      snapshot: readySnapshot({
        actionItems: [
          actionItem({ id: 'none', successCriterion: null }),
          actionItem({ id: 'blank', successCriterion: ' ' }),
        ],
      }),
      subjects: [
        { type: 'action_item', id: 'none' },
        { type: 'action_item', id: 'blank' },
      ],
    },
    {
      code: 'REVIEWER_APPROVALS_MISSING',
      step: toFollowUp,
      snapshot: readySnapshot({
        participants: [
          reviewer({ approvedAt: null }),
          reviewer({ id: 'p2', userId: 'user-2', role: 'facilitator' }),
        ],
      }),
      subjects: [undefined],
    },
    {
      code: 'REVIEW_PENDING',
      step: toFollowUp,
      snapshot: readySnapshot({
        reviewRequests: [
          { id: 'asked', status: 'pending', decidedById: null, label: 'team security' },
          { id: 'done', status: 'approved', decidedById: 'user-9', label: 'Ada' },
        ],
      }),
      subjects: [{ type: 'review_request', id: 'asked' }],
    },
    {
      code: 'REVIEW_CHANGES_REQUESTED',
      step: toFollowUp,
      snapshot: readySnapshot({
        reviewRequests: [
          {
            id: 'changes',
            status: 'changes_requested',
            decidedById: 'user-9',
            label: 'Ada',
            comment: 'The impact section misses the EU customers.',
          },
        ],
      }),
      subjects: [{ type: 'review_request', id: 'changes' }],
    },
    {
      code: 'ACTION_ITEMS_NOT_VERIFIED',
      step: toClosed,
      snapshot: readySnapshot({
        actionItems: [
          actionItem(),
          actionItem({ id: 'open', status: 'open' }),
          actionItem({ id: 'done', status: 'done' }),
        ],
      }),
      subjects: [
        { type: 'action_item', id: 'open' },
        { type: 'action_item', id: 'done' },
      ],
    },
  ];

  it('covers every guard', () => {
    expect(cases.map((c) => c.code).sort()).toEqual(Object.keys(guards).sort());
  });

  it.each(cases.map((c) => [c.code, c] as const))(
    '%s is the only unmet condition, once per offending record',
    (code, c) => {
      const unmet = advance(c.step, c.snapshot);
      expect(codes(unmet)).toEqual(c.subjects.map(() => code));
      expect(subjects(unmet)).toEqual(c.subjects);
      for (const condition of unmet) {
        expect(condition.message).toEqual(expect.any(String));
        expect(condition.message.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(cases.map((c) => [c.code, c] as const))(
    '%s does not hold up any other forward step',
    (_code, c) => {
      for (const step of forwardSteps.filter((s) => s !== c.step)) {
        expect(advance(step, c.snapshot)).toEqual([]);
      }
    },
  );
});

describe('a refused step lists every unmet condition at once', () => {
  it('into analysis', () => {
    const snapshot = readySnapshot({
      incidents: [incident({ status: 'open' })],
      acceptedTimelineEventCount: 0,
    });
    expect(codes(advance(toAnalysis, snapshot))).toEqual([
      'INCIDENT_NOT_RESOLVED',
      'TIMELINE_EMPTY',
    ]);
  });

  it('into documentation', () => {
    const snapshot = readySnapshot({
      postmortem: { ...readySnapshot().postmortem, analysisMeetingAt: null },
      factors: [],
      whyNodes: [],
    });
    expect(codes(advance(toDocumentation, snapshot))).toEqual([
      'NO_CAUSES_IDENTIFIED',
      'ANALYSIS_MEETING_NOT_RECORDED',
    ]);
    const withBareRootCause = { ...snapshot, whyNodes: [whyNode({ evidenceEventIds: [] })] };
    expect(codes(advance(toDocumentation, withBareRootCause))).toEqual([
      'ROOT_CAUSE_WITHOUT_EVIDENCE',
      'ANALYSIS_MEETING_NOT_RECORDED',
    ]);
  });

  it('into follow-up, with every guard failing', () => {
    const snapshot = readySnapshot({
      postmortem: { phase: 'documentation', sections: {}, analysisMeetingAt: createdAt },
      incidents: [incident({ severity: 'sev1' })],
      factors: [factor({ id: 'unaddressed' })],
      whyNodes: [whyNode({ id: 'unaddressed-why' })],
      actionItems: [
        actionItem({
          id: 'vague',
          ownerName: null,
          dueDate: null,
          successCriterion: null,
          status: 'open',
          linkedFactorIds: [],
        }),
      ],
      participants: [reviewer()],
      unwaivedBlamelessFindings: [
        { rule: 'human-error', field: 'sections.summary', excerpt: 'human error' },
      ],
    });
    expect(codes(advance(toFollowUp, snapshot))).toEqual([
      'REPORT_SECTION_MISSING',
      'REPORT_SECTION_MISSING',
      'REPORT_SECTION_MISSING',
      'BLAMELESS_FINDINGS_UNWAIVED',
      'ROOT_CAUSE_WITHOUT_ACTION',
      'ROOT_CAUSE_WITHOUT_ACTION',
      'ACTION_ITEM_WITHOUT_OWNER',
      'ACTION_ITEM_WITHOUT_DUE_DATE',
      'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
      'REVIEWER_APPROVALS_MISSING',
    ]);
    expect(unmetForNextPhase(snapshot)).toEqual({
      next: 'follow_up',
      unmet: advance(toFollowUp, snapshot),
    });
  });
});

describe('action items into follow-up', () => {
  it("exempts won't-do items from owner, due date and success criterion", () => {
    const snapshot = readySnapshot({
      actionItems: [
        actionItem(),
        actionItem({
          id: 'dropped',
          status: 'wont_do',
          wontDoReason: 'Service is being retired',
          ownerName: null,
          ownerUserId: null,
          dueDate: null,
          successCriterion: null,
          linkedFactorIds: [],
        }),
      ],
    });
    expect(advance(toFollowUp, snapshot)).toEqual([]);
  });

  it.each(['open', 'in_progress', 'done', 'verified'] as const)(
    'checks owner, due date and criterion of %s items',
    (status) => {
      const snapshot = readySnapshot({
        actionItems: [
          actionItem(),
          actionItem({ id: 'x', status, ownerName: null, dueDate: null, successCriterion: '' }),
        ],
      });
      expect(codes(advance(toFollowUp, snapshot))).toEqual([
        'ACTION_ITEM_WITHOUT_OWNER',
        'ACTION_ITEM_WITHOUT_DUE_DATE',
        'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
      ]);
    },
  );
});

describe('root causes into follow-up', () => {
  it('passes when any action item links the root cause', () => {
    const snapshot = readySnapshot({
      factors: [factor({ id: 'r1' }), factor({ id: 'r2' })],
      actionItems: [
        actionItem({ id: 'a', linkedFactorIds: ['r2'] }),
        actionItem({ id: 'b', linkedFactorIds: ['unrelated', 'r1'] }),
      ],
    });
    expect(advance(toFollowUp, snapshot)).toEqual([]);
  });

  it('passes when the risk is accepted with a reason', () => {
    const snapshot = readySnapshot({
      factors: [factor({ id: 'r1', acceptedRiskReason: 'Vendor fixes it in Q3' })],
      whyNodes: [whyNode({ acceptedRiskReason: 'Vendor fixes it in Q3' })],
      actionItems: [],
    });
    expect(advance(toFollowUp, snapshot)).toEqual([]);
  });

  it('does not ask for actions on contributing factors that are not root causes', () => {
    const snapshot = readySnapshot({
      factors: [factor({ id: 'c1', isRootCause: false })],
      whyNodes: [whyNode({ mark: 'contributing_factor' }), whyNode({ id: 'w2', mark: 'none' })],
      actionItems: [],
    });
    expect(advance(toFollowUp, snapshot)).toEqual([]);
  });
});

describe('why-tree causes', () => {
  it('count as identified causes without any contributing factor', () => {
    for (const mark of ['root_cause', 'contributing_factor'] as const) {
      const snapshot = readySnapshot({ factors: [], whyNodes: [whyNode({ mark })] });
      expect(advance(toDocumentation, snapshot)).toEqual([]);
    }
  });

  it('still accept contributing factors alone, as before the why-tree', () => {
    expect(advance(toDocumentation, readySnapshot({ whyNodes: [] }))).toEqual([]);
  });

  it('do not count unmarked whys as causes', () => {
    const snapshot = readySnapshot({
      factors: [],
      whyNodes: [whyNode({ mark: 'none' }), whyNode({ id: 'w2', mark: 'none' })],
    });
    expect(codes(advance(toDocumentation, snapshot))).toEqual(['NO_CAUSES_IDENTIFIED']);
  });

  it('need an action item linking each root cause, or an accepted risk', () => {
    const snapshot = readySnapshot({
      factors: [],
      whyNodes: [whyNode({ id: 'a' }), whyNode({ id: 'b' })],
      actionItems: [actionItem({ linkedFactorIds: [], linkedWhyNodeIds: ['b'] })],
    });
    expect(subjects(advance(toFollowUp, snapshot))).toEqual([{ type: 'why_node', id: 'a' }]);
    const linked = {
      ...snapshot,
      actionItems: [actionItem({ linkedFactorIds: [], linkedWhyNodeIds: ['b', 'a'] })],
    };
    expect(advance(toFollowUp, linked)).toEqual([]);
  });
});

describe('reviewer approvals into follow-up', () => {
  const approvals = (count: number) =>
    Array.from({ length: count }, (_, i) => reviewer({ id: `r${i}`, userId: `user-${i}` }));

  it('counts each person once, however often they are listed', () => {
    const snapshot = readySnapshot({
      incidents: [incident({ severity: 'sev1' })],
      participants: [reviewer({ id: 'r1', userId: 'u1' }), reviewer({ id: 'r2', userId: 'u1' })],
    });
    expect(codes(advance(toFollowUp, snapshot))).toEqual(['REVIEWER_APPROVALS_MISSING']);
  });

  it.each([
    ['sev1', 2],
    ['sev2', 1],
    ['sev3', 1],
    ['sev4', 0],
  ] as const)('a %s postmortem needs %i approvals (default policy)', (severity, required) => {
    const base = { incidents: [incident({ severity })] };
    if (required > 0) {
      const short = readySnapshot({ ...base, participants: approvals(required - 1) });
      expect(codes(advance(toFollowUp, short))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    }
    expect(
      advance(toFollowUp, readySnapshot({ ...base, participants: approvals(required) })),
    ).toEqual([]);
  });

  it('takes the worst severity of a thematic review', () => {
    const snapshot = readySnapshot({
      incidents: [
        incident({ id: 'a', severity: 'sev3' }),
        incident({ id: 'b', severity: 'sev1' }),
        incident({ id: 'c', severity: 'sev4' }),
      ],
      participants: approvals(1),
    });
    expect(codes(advance(toFollowUp, snapshot))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    expect(advance(toFollowUp, { ...snapshot, participants: approvals(2) })).toEqual([]);
  });

  it('counts only approved reviewers', () => {
    const snapshot = readySnapshot({
      incidents: [incident({ severity: 'sev1' })],
      participants: [
        reviewer({ id: 'r1', userId: 'u1' }),
        reviewer({ id: 'r2', userId: 'u2', approvedAt: null }),
        reviewer({ id: 'f', userId: 'u3', role: 'facilitator' }),
        reviewer({ id: 'm', userId: 'u4', role: 'management' }),
      ],
    });
    expect(codes(advance(toFollowUp, snapshot))).toEqual(['REVIEWER_APPROVALS_MISSING']);
  });

  it('follows the policy', () => {
    const policy = {
      ...defaultPolicy,
      requiredReviewerApprovals: { sev1: 3, sev2: 3, sev3: 0, sev4: 0 },
    };
    const snapshot = readySnapshot({ policy, participants: approvals(2) });
    expect(codes(advance(toFollowUp, snapshot))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    expect(advance(toFollowUp, { ...snapshot, participants: approvals(3) })).toEqual([]);
  });

  it("does not count the author's approval of their own report unless the policy allows it", () => {
    const base = readySnapshot({
      incidents: [incident({ severity: 'sev2' })],
      participants: [reviewer({ id: 'r1', userId: 'author' })],
    });
    const byAuthor = { ...base, postmortem: { ...base.postmortem, createdById: 'author' } };
    expect(codes(advance(toFollowUp, byAuthor))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    const allowed = { ...byAuthor, policy: { ...byAuthor.policy, authorMayApprove: true } };
    expect(advance(toFollowUp, allowed)).toEqual([]);
    const byAnother = { ...base, postmortem: { ...base.postmortem, createdById: 'someone-else' } };
    expect(advance(toFollowUp, byAnother)).toEqual([]);
  });
});

describe('requested reviews into follow-up', () => {
  const sev1 = (reviewRequests: NonNullable<PostmortemSnapshot['reviewRequests']>) =>
    readySnapshot({
      incidents: [incident({ severity: 'sev1' })],
      participants: [],
      reviewRequests,
    });

  it('counts approved requests with participant approvals, each person once, and names who is pending', () => {
    const refused = advance(
      toFollowUp,
      sev1([
        { id: 'a', status: 'approved', decidedById: 'user-1', label: 'Ada' },
        { id: 'b', status: 'pending', decidedById: null, label: 'team legal' },
      ]),
    );
    expect(codes(refused)).toEqual(['REVIEWER_APPROVALS_MISSING', 'REVIEW_PENDING']);
    expect(refused[0]?.message).toContain('waiting for team legal');
    const twice = sev1([
      { id: 'a', status: 'approved', decidedById: 'user-1', label: 'Ada' },
      { id: 'b', status: 'approved', decidedById: 'user-1', label: 'team legal' },
    ]);
    expect(codes(advance(toFollowUp, twice))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    const two = sev1([
      { id: 'a', status: 'approved', decidedById: 'user-1', label: 'Ada' },
      { id: 'b', status: 'approved', decidedById: 'user-2', label: 'team legal' },
    ]);
    expect(advance(toFollowUp, two)).toEqual([]);
  });

  it("does not count the author's own answer unless the policy allows it", () => {
    const base = sev1([
      { id: 'a', status: 'approved', decidedById: 'author', label: 'Ada' },
      { id: 'b', status: 'approved', decidedById: 'user-2', label: 'Bo' },
    ]);
    const byAuthor = { ...base, postmortem: { ...base.postmortem, createdById: 'author' } };
    expect(codes(advance(toFollowUp, byAuthor))).toEqual(['REVIEWER_APPROVALS_MISSING']);
    const allowed = { ...byAuthor, policy: { ...byAuthor.policy, authorMayApprove: true } };
    expect(advance(toFollowUp, allowed)).toEqual([]);
  });
});

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
    advance(toClosed, readySnapshot({ actionItems: [actionItem({ status, wontDoReason })] }));

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
        actionItem({ id: 'a', status: 'open' }),
        actionItem({ id: 'b', status: 'verified' }),
        actionItem({ id: 'c', status: 'in_progress' }),
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
    actionItems: [actionItem({ status: 'open', ownerName: null })],
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
      actionItems: [actionItem({ status: 'open' })],
    });
    expect(unmetForNextPhase(snapshot)).toEqual({ next: undefined, unmet: [] });
  });
});
