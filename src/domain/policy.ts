import type { ActionItemDueDays } from './action-item-due-date.ts';
import type { Incident, IncidentKind, Severity } from './incident.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';
import {
  defaultPublishingPolicy,
  defaultSensitiveProcesses,
  type PublishingPolicy,
  type SensitiveProcess,
} from './publishing-policy.ts';
import type { ReminderPolicy } from './reminders.ts';
import type { ReportSection, ReportTemplate } from './report-template.ts';

/** One category of the contributing-factor taxonomy. */
export interface FactorCategory {
  key: string;
  label: string;
  description?: string;
}

/** Phases that carry a due date, counted in business days after the incident is resolved. */
export const duePhases = ['analysis', 'documentation', 'follow_up', 'closed'] as const;
export type DuePhase = (typeof duePhases)[number] & PostmortemPhase;

/** The organisation's rules for postmortems; loaded from a file and validated at startup. */
export interface Policy {
  requirePostmortem: {
    severities: Severity[];
    kinds: IncidentKind[];
    /** Near misses whose potential severity is one of these need a postmortem too. */
    nearMissPotentialSeverities: Severity[];
    /** Drills are reviewed only when this is true. */
    includeDrills: boolean;
  };
  /**
   * The third trigger of "which incidents need a postmortem": minor incidents that keep coming
   * back. A theme of at least `minIncidents` incidents of these severities within `windowDays`
   * requires one thematic postmortem over them all, due by `dueBusinessDays` after the latest.
   */
  recurringMinorIssues: {
    severities: Severity[];
    minIncidents: number;
    windowDays: number;
    dueBusinessDays: Partial<Record<DuePhase, number>>;
  };
  /** Business days after resolution by which each phase should be reached, per severity. */
  dueBusinessDays: Record<Severity, Partial<Record<DuePhase, number>>>;
  /** Non-working days (`YYYY-MM-DD`) skipped when counting business days. */
  holidays: string[];
  factorTaxonomy: FactorCategory[];
  reportSections: ReportSection[];
  /**
   * Report templates chosen by incident kind and severity (first match wins); a review that
   * matches none uses the default template built from `reportSections`.
   */
  reportTemplates?: ReportTemplate[];
  /** How many reviewer approvals a postmortem needs before follow-up, per severity. */
  requiredReviewerApprovals: Record<Severity, number>;
  /**
   * Whether the person who opened a postmortem may approve its report as a reviewer. Off by
   * default: an approval is a second person's reading.
   */
  authorMayApprove?: boolean;
  /**
   * Whether an edit of the report's text (its title or any section) after an approval makes
   * that approval stale: the reviewer is pending again and told so. On by default (absent means
   * on): an approval is of the text the reviewer read.
   */
  dismissStaleApprovals?: boolean;
  /**
   * Teams whose review can be requested, by key (`security`, `legal`), each with its members'
   * e-mails: any one member answers a review requested of the team.
   */
  reviewTeams?: Record<string, string[]>;
  /** Team settings of the blameless-language linter. */
  blameless: {
    /** Rule ids switched off. */
    disabledRules: string[];
    /** Extra terms per rule id (e.g. local slang for "human error"). */
    extraTerms: Array<{ rule: string; terms: string[] }>;
  };
  /** What incoming alerts and pages (webhooks) do. */
  intake: {
    /** The alert label (or field) that carries the severity, e.g. `severity`. */
    severityLabel: string;
    /** Vendor severities mapped to ours (`critical: sev1`, `warning: sev3`, …). */
    severityMap: Record<string, Severity>;
    /** Alerts at least this severe open an incident when none matches; `null`: never. */
    openIncidentAtOrAbove: Severity | null;
    /**
     * Hours kept on each side of the reviewed incidents' key instants by a file import that
     * names no window (`--since/--until`); 0 keeps everything. Default 24.
     */
    importWindowHours?: number;
    /**
     * Minutes after an incident resolved during which a late signal of it (a PagerDuty
     * `resolved` after the Alertmanager one, a late alert of the same group) is attached to it
     * instead of opening a new incident. Default 60.
     */
    lateSignalGraceMinutes?: number;
  };
  /** Thresholds of the anti-pattern detectors. */
  antiPatterns: {
    /** A postmortem in follow-up with no progress for this many days is a write-only report. */
    followUpStaleDays: number;
    /** Business days from resolution that analysis + documentation may take, per severity. */
    analysisBudgetBusinessDays: Record<Severity, number>;
  };
  /** Follow-through rules of action items. */
  actionItems: {
    /** Calendar days from creation to the default due date, by severity and priority. */
    dueDays: ActionItemDueDays;
    /** Verification needs someone other than the owner. */
    verifierMustDifferFromOwner: boolean;
  };
  /** When action-item reminders and escalations go out, and who leads each team. */
  reminders: ReminderPolicy;
  /** Publishing inside and outside: the redaction rules and the approvers of public versions. */
  publishing?: PublishingPolicy;
  /**
   * The modified process for security incidents and any kind named here: its own template,
   * required reviews by role before publication, a legal hold, a learning summary.
   */
  sensitiveProcesses?: SensitiveProcess[];
}

/** The reasons why an incident needs a postmortem, empty when it does not. */
export function reasonsPostmortemRequired(
  policy: Policy,
  incident: Pick<Incident, 'severity' | 'kind' | 'potentialSeverity' | 'isDrill'>,
): string[] {
  const rule = policy.requirePostmortem;
  if (incident.isDrill && !rule.includeDrills) {
    return [];
  }
  const reasons: string[] = [];
  if (rule.severities.includes(incident.severity)) {
    reasons.push(`severity ${incident.severity}`);
  }
  if (rule.kinds.includes(incident.kind)) {
    reasons.push(`kind ${incident.kind}`);
  }
  if (
    incident.kind === 'near_miss' &&
    incident.potentialSeverity &&
    rule.nearMissPotentialSeverities.includes(incident.potentialSeverity)
  ) {
    reasons.push(`near miss with potential severity ${incident.potentialSeverity}`);
  }
  return reasons;
}

/** True when the policy asks for a postmortem of this incident. */
export function isPostmortemRequired(
  policy: Policy,
  incident: Pick<Incident, 'severity' | 'kind' | 'potentialSeverity' | 'isDrill'>,
): boolean {
  return reasonsPostmortemRequired(policy, incident).length > 0;
}

/** The policy that ships with Debrief; a policy file replaces it section by section. */
export const defaultPolicy: Policy = {
  requirePostmortem: {
    severities: ['sev1', 'sev2'],
    kinds: ['security'],
    nearMissPotentialSeverities: ['sev1', 'sev2'],
    includeDrills: false,
  },
  recurringMinorIssues: {
    severities: ['sev3', 'sev4'],
    minIncidents: 4,
    windowDays: 30,
    dueBusinessDays: { analysis: 5, documentation: 10, follow_up: 20, closed: 90 },
  },
  dueBusinessDays: {
    sev1: { analysis: 2, documentation: 5, follow_up: 10, closed: 40 },
    sev2: { analysis: 3, documentation: 7, follow_up: 15, closed: 60 },
    sev3: { analysis: 5, documentation: 10, follow_up: 20, closed: 90 },
    sev4: { documentation: 15, closed: 120 },
  },
  holidays: [],
  factorTaxonomy: [
    { key: 'change_management', label: 'Change management' },
    { key: 'capacity', label: 'Capacity' },
    { key: 'dependency', label: 'Dependency' },
    { key: 'detection_gap', label: 'Detection gap' },
    { key: 'tooling_ui', label: 'Tooling / UI' },
    { key: 'documentation', label: 'Documentation' },
    { key: 'process', label: 'Process' },
    { key: 'automation_gap', label: 'Automation gap' },
    { key: 'knowledge', label: 'Knowledge' },
    { key: 'configuration', label: 'Configuration' },
  ],
  reportSections: [
    { key: 'summary', label: 'Summary', required: true },
    { key: 'impact', label: 'Impact', required: true },
    { key: 'what_went_well', label: 'What went well', required: false },
    { key: 'where_we_got_lucky', label: 'Where we got lucky', required: false },
    { key: 'lessons_learned', label: 'Lessons learned', required: true },
  ],
  requiredReviewerApprovals: { sev1: 2, sev2: 1, sev3: 1, sev4: 0 },
  authorMayApprove: false,
  dismissStaleApprovals: true,
  blameless: { disabledRules: [], extraTerms: [] },
  intake: {
    severityLabel: 'severity',
    severityMap: { critical: 'sev1', page: 'sev2', high: 'sev2', warning: 'sev3', info: 'sev4' },
    openIncidentAtOrAbove: 'sev2',
  },
  antiPatterns: {
    followUpStaleDays: 21,
    analysisBudgetBusinessDays: { sev1: 10, sev2: 10, sev3: 5, sev4: 3 },
  },
  actionItems: {
    dueDays: {
      sev1: { p1: 7, p2: 15, p3: 30 },
      sev2: { p1: 14, p2: 30, p3: 60 },
      sev3: { p1: 30, p2: 60, p3: 90 },
      sev4: { p1: 45, p2: 90, p3: 120 },
    },
    verifierMustDifferFromOwner: false,
  },
  reminders: {
    beforeDueDays: [3],
    escalateToPostmortemOwnerAfterDays: 3,
    escalateToTeamLeadAfterDays: 7,
    teamLeads: {},
  },
  publishing: defaultPublishingPolicy,
  sensitiveProcesses: defaultSensitiveProcesses,
};
