import { describe, expect, it } from 'vitest';
import { factor, incident, reviewer, whyNode } from '../../test/support/domain-builders.ts';
import {
  advance,
  codes,
  forwardSteps,
  readySnapshot,
  subjects,
  toAnalysis,
  toClosed,
  toDocumentation,
  toFollowUp,
  verifiedActionItem,
} from '../../test/support/postmortem-phase-fixtures.ts';
import {
  guards,
  type PostmortemSnapshot,
  type UnmetCondition,
  type UnmetConditionCode,
} from './postmortem-guards.ts';
import { evaluateTransition, type PhaseTransition } from './postmortem-phase.ts';

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
          verifiedActionItem({ linkedWhyNodeIds: ['why-1', 'bare', 'blank-reason', 'explained'] }),
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
          verifiedActionItem({ id: 'a', ownerName: null, ownerUserId: null }),
          verifiedActionItem({ id: 'b', ownerName: '  ', ownerUserId: null }),
          verifiedActionItem({ id: 'named', ownerName: 'Ops', ownerUserId: null }),
          verifiedActionItem({ id: 'account', ownerName: null, ownerUserId: 'user-2' }),
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
        actionItems: [verifiedActionItem(), verifiedActionItem({ id: 'undated', dueDate: null })],
      }),
      subjects: [{ type: 'action_item', id: 'undated' }],
    },
    {
      code: 'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
      step: toFollowUp,
      snapshot: readySnapshot({
        actionItems: [
          verifiedActionItem({ id: 'none', successCriterion: null }),
          verifiedActionItem({ id: 'blank', successCriterion: ' ' }),
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
          verifiedActionItem(),
          verifiedActionItem({ id: 'open', status: 'open' }),
          verifiedActionItem({ id: 'done', status: 'done' }),
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
