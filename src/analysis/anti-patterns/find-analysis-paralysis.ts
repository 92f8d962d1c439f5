import type { Severity } from '../../domain/incident.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { AntiPatternFinding } from './anti-pattern-finding.ts';
import { countBusinessDays } from './count-business-days.ts';
import { type PhaseEntry, toPhaseSpans } from './phase-history.ts';

/** What the analysis-paralysis detector reads. */
export interface AnalysisParalysisInput {
  postmortem: { id: string; phase: PostmortemPhase };
  /** The most serious severity among the postmortem's incidents. */
  severity: Severity;
  phaseHistory: readonly PhaseEntry[];
  today: Date;
  /** `policy.antiPatterns.analysisBudgetBusinessDays`. */
  budgetBusinessDays: Record<Severity, number>;
  holidays: readonly string[];
}

const analysisPhases = new Set<PostmortemPhase>(['analysis', 'documentation']);
const minorSeverities = new Set<Severity>(['sev3', 'sev4']);

/** Business days spent in analysis and documentation so far, over every visit. */
export function analysisBusinessDays(
  history: readonly PhaseEntry[],
  today: Date,
  holidays: readonly string[] = [],
): number {
  return toPhaseSpans(history, today)
    .filter((span) => analysisPhases.has(span.phase))
    .reduce((sum, span) => sum + countBusinessDays(span.from, span.to, holidays), 0);
}

/**
 * Analysis paralysis: a postmortem still in analysis or documentation after more business
 * days there than the severity's budget. Minor incidents (sev3/sev4) get the stronger advice:
 * close it, or fold it into a thematic review.
 */
export function findAnalysisParalysis(input: AnalysisParalysisInput): AntiPatternFinding[] {
  if (!analysisPhases.has(input.postmortem.phase)) {
    return [];
  }
  const budget = input.budgetBusinessDays[input.severity];
  const spent = analysisBusinessDays(input.phaseHistory, input.today, input.holidays);
  if (spent <= budget) {
    return [];
  }
  const minor = minorSeverities.has(input.severity);
  return [
    {
      rule: 'analysis-paralysis',
      severity: 'warning',
      message: `${spent} business days in analysis and documentation; the ${input.severity} budget is ${budget}.`,
      target: { type: 'postmortem', id: input.postmortem.id },
      suggestion: minor
        ? `For a ${input.severity}, close it with what is known, or fold it into a thematic review of similar incidents.`
        : 'Record the remaining questions as open questions or action items and move on to follow-up.',
    },
  ];
}
