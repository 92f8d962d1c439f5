import { describe, expect, it } from 'vitest';
import {
  builtAt,
  factor,
  incident,
  reviewer,
  whyNode,
} from '../../test/support/domain-builders.ts';
import {
  advance,
  codes,
  readySnapshot,
  toAnalysis,
  toDocumentation,
  toFollowUp,
  verifiedActionItem,
} from '../../test/support/postmortem-phase-fixtures.ts';
import { unmetForNextPhase } from './postmortem-phase.ts';

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
      postmortem: { phase: 'documentation', sections: {}, analysisMeetingAt: builtAt },
      incidents: [incident({ severity: 'sev1' })],
      factors: [factor({ id: 'unaddressed' })],
      whyNodes: [whyNode({ id: 'unaddressed-why' })],
      actionItems: [
        verifiedActionItem({
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
