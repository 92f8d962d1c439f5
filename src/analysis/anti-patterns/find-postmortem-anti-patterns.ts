import type { ActionItem } from '../../domain/action-item.ts';
import { type Severity, severities } from '../../domain/incident.ts';
import type { Policy } from '../../domain/policy.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import { type AntiPatternFinding, sortFindings } from './anti-pattern-finding.ts';
import { findAnalysisParalysis } from './find-analysis-paralysis.ts';
import { findBlameGame } from './find-blame-game.ts';
import { findCircularRemediations } from './find-circular-remediations.ts';
import { findPunitiveActionItems } from './find-punitive-action-items.ts';
import { findWriteOnlyReport } from './find-write-only-report.ts';
import type { PhaseEntry } from './phase-history.ts';
import { buildServiceGraph } from './service-graph.ts';

/** Everything the detectors read about one postmortem; the caller loads it. */
export interface PostmortemAntiPatternInput {
  postmortem: { id: string; phase: PostmortemPhase; createdAt: Date; updatedAt?: Date };
  incidents: ReadonlyArray<{ severity: Severity; services: readonly string[] }>;
  actionItems: ReadonlyArray<
    Pick<
      ActionItem,
      | 'id'
      | 'title'
      | 'kind'
      | 'status'
      | 'ownerName'
      | 'ownerUserId'
      | 'dueDate'
      | 'successCriterion'
      | 'reliesOnServices'
      | 'updatedAt'
    >
  >;
  /** The service catalogue; omit for the cheap run (no circular-remediation check). */
  services?: ReadonlyArray<{ name: string; dependsOn: readonly string[] }>;
  /** Phase changes; omit for the cheap run (no analysis-paralysis check). */
  phaseHistory?: readonly PhaseEntry[];
  /** Unwaived blameless findings; omit for the cheap run (no blame-game check). */
  unwaivedBlamelessCount?: number;
  today: Date;
  policy: Pick<Policy, 'antiPatterns' | 'holidays'>;
}

/** The most serious severity among incidents (sev1 is the most serious); sev4 when none. */
export function mostSeriousSeverity(incidents: ReadonlyArray<{ severity: Severity }>): Severity {
  const index = Math.min(...incidents.map((i) => severities.indexOf(i.severity)), 3);
  return severities[index] ?? 'sev4';
}

/**
 * Runs every anti-pattern detector whose input is present and returns the findings, most
 * serious first. Pure; never throws on content.
 */
export function findPostmortemAntiPatterns(
  input: PostmortemAntiPatternInput,
): AntiPatternFinding[] {
  const phaseHistory = input.phaseHistory ?? [];
  const findings = [
    ...findWriteOnlyReport({
      postmortem: input.postmortem,
      actionItems: input.actionItems,
      phaseHistory,
      today: input.today,
      followUpStaleDays: input.policy.antiPatterns.followUpStaleDays,
    }),
    ...findPunitiveActionItems(input.actionItems),
    ...(input.services
      ? findCircularRemediations({
          actionItems: input.actionItems,
          failedServices: input.incidents.flatMap((i) => i.services),
          graph: buildServiceGraph(input.services),
        })
      : []),
    ...(input.phaseHistory
      ? findAnalysisParalysis({
          postmortem: input.postmortem,
          severity: mostSeriousSeverity(input.incidents),
          phaseHistory,
          today: input.today,
          budgetBusinessDays: input.policy.antiPatterns.analysisBudgetBusinessDays,
          holidays: input.policy.holidays,
        })
      : []),
    ...(input.unwaivedBlamelessCount === undefined
      ? []
      : findBlameGame(input.postmortem.id, input.unwaivedBlamelessCount)),
  ];
  return sortFindings(findings);
}
