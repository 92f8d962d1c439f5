import type {
  ActionItemKind,
  ActionItemPriority,
  ActionItemStatus,
} from '../../../domain/action-item.ts';
import type { ParticipantRole } from '../../../domain/participant.ts';
import type { PostmortemPhase } from '../../../domain/postmortem-phases.ts';
import type {
  TimelineEventKind,
  TimelineEventStatus,
  TimelineSource,
} from '../../../domain/timeline-event.ts';

/** Display labels of the postmortem vocabularies; the domain keeps only the values. */
export const postmortemLabels = {
  phase: {
    data_gathering: 'Data gathering',
    analysis: 'Analysis',
    documentation: 'Documentation',
    follow_up: 'Follow-up',
    closed: 'Closed',
  } satisfies Record<PostmortemPhase, string>,
  timelineKind: {
    detection: 'Detection',
    escalation: 'Escalation',
    communication: 'Communication',
    action: 'Action',
    mitigation: 'Mitigation',
    resolution: 'Resolution',
    observation: 'Observation',
  } satisfies Record<TimelineEventKind, string>,
  timelineSource: {
    manual: 'Manual',
    slack: 'Slack',
    alertmanager: 'Alertmanager',
    pagerduty: 'PagerDuty',
    opsgenie: 'Opsgenie',
    grafana: 'Grafana',
    github: 'GitHub',
    statuspage: 'Statuspage',
    log: 'Log',
    metric: 'Metric',
    personal_account: 'Personal account',
    jira: 'Jira',
    dispatch: 'Dispatch',
    document: 'Document',
  } satisfies Record<TimelineSource, string>,
  timelineStatus: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    rejected: 'Rejected',
  } satisfies Record<TimelineEventStatus, string>,
  participantRole: {
    engineering: 'Engineering',
    product: 'Product',
    support: 'Support',
    management: 'Management',
    facilitator: 'Facilitator',
    reviewer: 'Reviewer',
    incident_owner: 'Incident owner',
  } satisfies Record<ParticipantRole, string>,
  actionItemKind: {
    prevent: 'Prevent',
    detect: 'Detect',
    mitigate: 'Mitigate',
    process: 'Process',
    repair: 'Repair',
  } satisfies Record<ActionItemKind, string>,
  actionItemStatus: {
    open: 'Open',
    in_progress: 'In progress',
    done: 'Done',
    verified: 'Verified',
    wont_do: "Won't do",
  } satisfies Record<ActionItemStatus, string>,
  actionItemPriority: {
    p1: 'P1 (urgent)',
    p2: 'P2',
    p3: 'P3 (when possible)',
  } satisfies Record<ActionItemPriority, string>,
};
