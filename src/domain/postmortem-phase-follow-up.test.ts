import { describe, expect, it } from 'vitest';
import { factor, incident, reviewer, whyNode } from '../../test/support/domain-builders.ts';
import {
  advance,
  codes,
  readySnapshot,
  subjects,
  toDocumentation,
  toFollowUp,
  verifiedActionItem,
} from '../../test/support/postmortem-phase-fixtures.ts';
import { defaultPolicy } from './policy.ts';
import type { PostmortemSnapshot } from './postmortem-guards.ts';

describe('action items into follow-up', () => {
  it("exempts won't-do items from owner, due date and success criterion", () => {
    const snapshot = readySnapshot({
      actionItems: [
        verifiedActionItem(),
        verifiedActionItem({
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
          verifiedActionItem(),
          verifiedActionItem({
            id: 'x',
            status,
            ownerName: null,
            dueDate: null,
            successCriterion: '',
          }),
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
        verifiedActionItem({ id: 'a', linkedFactorIds: ['r2'] }),
        verifiedActionItem({ id: 'b', linkedFactorIds: ['unrelated', 'r1'] }),
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
      actionItems: [verifiedActionItem({ linkedFactorIds: [], linkedWhyNodeIds: ['b'] })],
    });
    expect(subjects(advance(toFollowUp, snapshot))).toEqual([{ type: 'why_node', id: 'a' }]);
    const linked = {
      ...snapshot,
      actionItems: [verifiedActionItem({ linkedFactorIds: [], linkedWhyNodeIds: ['b', 'a'] })],
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
