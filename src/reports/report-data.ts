import type { ActionItem } from '../domain/action-item.ts';
import type { ContributingFactor } from '../domain/contributing-factor.ts';
import type { Incident } from '../domain/incident.ts';
import type { Participant } from '../domain/participant.ts';
import type { Postmortem } from '../domain/postmortem.ts';
import type { ReportTemplate } from '../domain/report-template.ts';
import type { TimelineEvent } from '../domain/timeline-event.ts';
import type { WhyNode } from '../domain/why-node.ts';

/** Everything a report is rendered from; the caller loads it (visible records only). */
export interface ReportData {
  postmortem: Pick<Postmortem, 'id' | 'title' | 'scope' | 'phase' | 'restricted' | 'sections'>;
  incidents: Array<
    Pick<
      Incident,
      | 'id'
      | 'title'
      | 'summary'
      | 'kind'
      | 'severity'
      | 'potentialSeverity'
      | 'isDrill'
      | 'status'
      | 'services'
      | 'instants'
    >
  >;
  /** The timeline without rejected events, in timeline order. */
  timeline: Array<
    Pick<TimelineEvent, 'id' | 'occurredAt' | 'text' | 'kind' | 'actor' | 'status' | 'pinned'>
  >;
  factors: Array<
    Pick<
      ContributingFactor,
      'id' | 'description' | 'category' | 'isRootCause' | 'acceptedRiskReason'
    >
  >;
  whyNodes: Array<
    Pick<
      WhyNode,
      | 'id'
      | 'parentId'
      | 'position'
      | 'question'
      | 'answer'
      | 'mark'
      | 'category'
      | 'noEvidenceReason'
      | 'acceptedRiskReason'
    >
  >;
  actionItems: Array<
    Pick<
      ActionItem,
      | 'id'
      | 'title'
      | 'kind'
      | 'ownerName'
      | 'ownerUserId'
      | 'dueDate'
      | 'successCriterion'
      | 'status'
      | 'wontDoReason'
      | 'trackerUrl'
      | 'verificationEvidence'
      | 'verificationNote'
      | 'priority'
      | 'team'
      | 'services'
      | 'isIdea'
      | 'linkedFactorIds'
      | 'linkedWhyNodeIds'
      | 'reliesOnServices'
    >
  >;
  participants: Array<Pick<Participant, 'id' | 'name' | 'role' | 'userId'>>;
  template: ReportTemplate;
  /** Labels of the factor taxonomy by key. */
  categoryLabels: Record<string, string>;
}

/**
 * Report sections that hold impact figures rather than prose; the report shows them beside
 * the durations, and the first draft never invents them.
 */
export const impactFigureKeys = [
  'customers_affected',
  'requests_affected',
  'slo_budget_consumed',
  'revenue_impact',
] as const;
export type ImpactFigureKey = (typeof impactFigureKeys)[number];

/** How the report names each impact figure. */
export const impactFigureLabels: Record<ImpactFigureKey, string> = {
  customers_affected: 'Customers affected',
  requests_affected: 'Requests affected',
  slo_budget_consumed: 'SLO error budget consumed',
  revenue_impact: 'Revenue impact',
};
