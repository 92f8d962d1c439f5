import type { ActionItem } from './action-item.ts';
import { hasNoOwner, isSettled } from './action-item.ts';
import type { ContributingFactor } from './contributing-factor.ts';
import type { Incident, Severity } from './incident.ts';
import type { Participant } from './participant.ts';
import type { Policy } from './policy.ts';
import type { Postmortem } from './postmortem.ts';
import { formatRecordNumber } from './record-number.ts';
import { countedApprovers, type ReviewRequest } from './review-request.ts';
import type { WhyNode } from './why-node.ts';
import { lacksEvidence } from './why-tree.ts';

/** Stable codes of the conditions that guard phase changes. */
export const unmetConditionCodes = [
  'INCIDENT_NOT_RESOLVED',
  'TIMELINE_EMPTY',
  'NO_CAUSES_IDENTIFIED',
  'ROOT_CAUSE_WITHOUT_EVIDENCE',
  'ANALYSIS_MEETING_NOT_RECORDED',
  'REPORT_SECTION_MISSING',
  'BLAMELESS_FINDINGS_UNWAIVED',
  'ROOT_CAUSE_WITHOUT_ACTION',
  'ACTION_ITEM_WITHOUT_OWNER',
  'ACTION_ITEM_WITHOUT_DUE_DATE',
  'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
  'REVIEWER_APPROVALS_MISSING',
  'REVIEW_PENDING',
  'REVIEW_CHANGES_REQUESTED',
  'ACTION_ITEMS_NOT_VERIFIED',
  'REASON_REQUIRED',
] as const;
export type UnmetConditionCode = (typeof unmetConditionCodes)[number];

/** One reason a phase change cannot happen yet, pointing at the record to fix when there is one. */
export interface UnmetCondition {
  code: UnmetConditionCode;
  message: string;
  subject?: { type: string; id: string };
}

/** Everything the guards read: a consistent view of one postmortem taken in one transaction. */
export interface PostmortemSnapshot {
  /** `createdById` (the report's author) is needed only to refuse counting self-approvals. */
  postmortem: Pick<Postmortem, 'phase' | 'sections' | 'analysisMeetingAt'> &
    Partial<Pick<Postmortem, 'createdById'>>;
  incidents: Array<Pick<Incident, 'id' | 'number' | 'status' | 'severity' | 'instants'>>;
  /** Accepted timeline events only: proposed imports do not count yet. */
  acceptedTimelineEventCount: number;
  factors: Array<
    Pick<ContributingFactor, 'id' | 'description' | 'isRootCause' | 'acceptedRiskReason'>
  >;
  actionItems: Array<
    Pick<
      ActionItem,
      | 'id'
      | 'title'
      | 'ownerName'
      | 'ownerUserId'
      | 'dueDate'
      | 'successCriterion'
      | 'status'
      | 'wontDoReason'
      | 'linkedFactorIds'
      | 'linkedWhyNodeIds'
    >
  >;
  /** The why-tree's nodes; marked ones are the causes the analysis identified. */
  whyNodes: Array<
    Pick<
      WhyNode,
      | 'id'
      | 'question'
      | 'answer'
      | 'mark'
      | 'evidenceEventIds'
      | 'noEvidenceReason'
      | 'acceptedRiskReason'
    >
  >;
  participants: Array<Pick<Participant, 'id' | 'userId' | 'role' | 'approvedAt'>>;
  /**
   * Reviews requested of people or teams, each with a label naming who is asked ("Ada", "team
   * security"). Absent means none were requested.
   */
  reviewRequests?: Array<
    Pick<ReviewRequest, 'id' | 'status' | 'decidedById'> & {
      label: string;
      comment?: string | null;
    }
  >;
  /** Blameless-language findings that nobody waived with a reason. */
  unwaivedBlamelessFindings: Array<{ rule: string; field: string; excerpt: string }>;
  policy: Pick<Policy, 'reportSections' | 'requiredReviewerApprovals' | 'authorMayApprove'>;
}

type Guard = (snapshot: PostmortemSnapshot) => UnmetCondition[];

const severityRank: Record<Severity, number> = { sev1: 1, sev2: 2, sev3: 3, sev4: 4 };

/** The most severe of the postmortem's incidents; thematic reviews inherit the worst. */
export function worstSeverity(incidents: ReadonlyArray<Pick<Incident, 'severity'>>): Severity {
  let worst: Severity = 'sev4';
  for (const incident of incidents) {
    if (severityRank[incident.severity] < severityRank[worst]) {
      worst = incident.severity;
    }
  }
  return worst;
}

/** True for null, undefined and whitespace-only text. */
export const isBlank = (value: string | null | undefined) => !(value ?? '').trim();

/** A why-node named in a message: its answer (the cause), or its question while unanswered. */
const whyLabel = (node: { question: string; answer: string }) =>
  (isBlank(node.answer) ? node.question : node.answer).slice(0, 120);

/** The guards, one per condition code; each returns every instance of its condition. */
export const guards: Record<Exclude<UnmetConditionCode, 'REASON_REQUIRED'>, Guard> = {
  INCIDENT_NOT_RESOLVED: (s) =>
    s.incidents
      .filter((incident) => incident.status !== 'resolved')
      .map((incident) => ({
        code: 'INCIDENT_NOT_RESOLVED',
        message: `Incident #${formatRecordNumber(incident.number)} is not resolved yet; the review starts once the system is stable.`,
        subject: { type: 'incident', id: incident.id },
      })),
  TIMELINE_EMPTY: (s) =>
    s.acceptedTimelineEventCount > 0
      ? []
      : [{ code: 'TIMELINE_EMPTY', message: 'The timeline has no accepted events.' }],
  // Contributing factors from before the why-tree still count, so older reviews keep passing.
  NO_CAUSES_IDENTIFIED: (s) =>
    s.factors.length > 0 || s.whyNodes.some((node) => node.mark !== 'none')
      ? []
      : [
          {
            code: 'NO_CAUSES_IDENTIFIED',
            message: 'Name at least one root cause or contributing factor.',
          },
        ],
  ROOT_CAUSE_WITHOUT_EVIDENCE: (s) =>
    s.whyNodes.filter(lacksEvidence).map((node) => ({
      code: 'ROOT_CAUSE_WITHOUT_EVIDENCE',
      message: `Root cause "${whyLabel(node)}" cites no timeline event; add evidence or say why there is none.`,
      subject: { type: 'why_node', id: node.id },
    })),
  ANALYSIS_MEETING_NOT_RECORDED: (s) =>
    s.postmortem.analysisMeetingAt
      ? []
      : [
          {
            code: 'ANALYSIS_MEETING_NOT_RECORDED',
            message: 'Record when the analysis meeting took place.',
          },
        ],
  REPORT_SECTION_MISSING: (s) =>
    s.policy.reportSections
      .filter((section) => section.required && isBlank(s.postmortem.sections[section.key]))
      .map((section) => ({
        code: 'REPORT_SECTION_MISSING',
        message: `The report section "${section.label}" is empty.`,
        subject: { type: 'report_section', id: section.key },
      })),
  BLAMELESS_FINDINGS_UNWAIVED: (s) =>
    s.unwaivedBlamelessFindings.map((finding) => ({
      code: 'BLAMELESS_FINDINGS_UNWAIVED',
      message: `"${finding.excerpt}" in ${finding.field} (${finding.rule}): rephrase it or waive it with a reason.`,
      subject: { type: 'field', id: finding.field },
    })),
  ROOT_CAUSE_WITHOUT_ACTION: (s) => {
    const addressed = new Set(
      s.actionItems.flatMap((item) => [...item.linkedFactorIds, ...item.linkedWhyNodeIds]),
    );
    const unaddressed = (cause: { id: string; acceptedRiskReason: string | null }) =>
      !addressed.has(cause.id) && isBlank(cause.acceptedRiskReason);
    const factors = s.factors
      .filter((factor) => factor.isRootCause && unaddressed(factor))
      .map(
        (factor): UnmetCondition => ({
          code: 'ROOT_CAUSE_WITHOUT_ACTION',
          message: `Root cause "${factor.description}" has no action item and no accepted risk.`,
          subject: { type: 'contributing_factor', id: factor.id },
        }),
      );
    const whyNodes = s.whyNodes
      .filter((node) => node.mark === 'root_cause' && unaddressed(node))
      .map(
        (node): UnmetCondition => ({
          code: 'ROOT_CAUSE_WITHOUT_ACTION',
          message: `Root cause "${whyLabel(node)}" has no linked action item and no accepted risk.`,
          subject: { type: 'why_node', id: node.id },
        }),
      );
    return [...factors, ...whyNodes];
  },
  ACTION_ITEM_WITHOUT_OWNER: (s) =>
    s.actionItems
      .filter((item) => item.status !== 'wont_do' && hasNoOwner(item))
      .map((item) => ({
        code: 'ACTION_ITEM_WITHOUT_OWNER',
        message: `Action item "${item.title}" has no owner.`,
        subject: { type: 'action_item', id: item.id },
      })),
  ACTION_ITEM_WITHOUT_DUE_DATE: (s) =>
    s.actionItems
      .filter((item) => item.status !== 'wont_do' && !item.dueDate)
      .map((item) => ({
        code: 'ACTION_ITEM_WITHOUT_DUE_DATE',
        message: `Action item "${item.title}" has no due date.`,
        subject: { type: 'action_item', id: item.id },
      })),
  ACTION_ITEM_WITHOUT_SUCCESS_CRITERION: (s) =>
    s.actionItems
      .filter((item) => item.status !== 'wont_do' && isBlank(item.successCriterion))
      .map((item) => ({
        code: 'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
        message: `Action item "${item.title}" has no success criterion.`,
        subject: { type: 'action_item', id: item.id },
      })),
  REVIEWER_APPROVALS_MISSING: (s) => {
    const required = s.policy.requiredReviewerApprovals[worstSeverity(s.incidents)];
    const context = {
      authorUserId: s.postmortem.createdById,
      authorMayApprove: s.policy.authorMayApprove,
    };
    // A person counts once, whether they ticked "approved" as a participant, answered a
    // requested review, or both.
    const approvers = countedApprovers(s.participants, s.reviewRequests ?? [], context);
    const approvals = approvers.size;
    const waiting = (s.reviewRequests ?? []).filter((r) => r.status === 'pending');
    return approvals >= required
      ? []
      : [
          {
            code: 'REVIEWER_APPROVALS_MISSING',
            message: `${approvals} of ${required} required reviewer approvals given${
              waiting.length > 0 ? `; waiting for ${waiting.map((r) => r.label).join(', ')}` : ''
            }.`,
          },
        ];
  },
  REVIEW_PENDING: (s) =>
    (s.reviewRequests ?? [])
      .filter((r) => r.status === 'pending' || r.status === 'stale')
      .map((r) => ({
        code: 'REVIEW_PENDING',
        message:
          r.status === 'stale'
            ? `${r.label} approved an earlier text of the report; they approve it again once they have read the change.`
            : `The review requested of ${r.label} is not answered yet (or withdraw the request).`,
        subject: { type: 'review_request', id: r.id },
      })),
  REVIEW_CHANGES_REQUESTED: (s) =>
    (s.reviewRequests ?? [])
      .filter((r) => r.status === 'changes_requested')
      .map((r) => ({
        code: 'REVIEW_CHANGES_REQUESTED',
        message: `${r.label} asked for changes${r.comment ? `: ${r.comment}` : ''}; they approve once the report is changed.`,
        subject: { type: 'review_request', id: r.id },
      })),
  ACTION_ITEMS_NOT_VERIFIED: (s) =>
    s.actionItems
      .filter((item) => !isSettled(item))
      .map((item) => ({
        code: 'ACTION_ITEMS_NOT_VERIFIED',
        message: `Action item "${item.title}" is ${item.status}; it must be verified (or won't do, with a reason) before closing.`,
        subject: { type: 'action_item', id: item.id },
      })),
};
