/** How much a finding matters: errors block good practice, warnings nudge, info informs. */
export const findingSeverities = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

/** The anti-patterns of a postmortem, each detected by one or more rules. */
export const antiPatterns = [
  'write_only_report',
  'punitive_action_items',
  'circular_remediation',
  'analysis_paralysis',
  'blame_game',
] as const;
export type AntiPattern = (typeof antiPatterns)[number];

/** Rule ids (stable, kebab-case) and the anti-pattern each one detects. */
export const antiPatternRules = {
  'incomplete-action-item': 'write_only_report',
  'overdue-action-item': 'write_only_report',
  'stale-follow-up': 'write_only_report',
  'punitive-action-item': 'punitive_action_items',
  'circular-remediation': 'circular_remediation',
  'analysis-paralysis': 'analysis_paralysis',
  'blame-game': 'blame_game',
} as const satisfies Record<string, AntiPattern>;
export type AntiPatternRule = keyof typeof antiPatternRules;

/** What a finding is about: an action item, or the postmortem as a whole. */
export interface FindingTarget {
  type: 'action_item' | 'postmortem';
  id: string;
}

/** One anti-pattern found in a postmortem. Detectors return these; they never throw on content. */
export interface AntiPatternFinding {
  rule: AntiPatternRule;
  severity: FindingSeverity;
  message: string;
  target: FindingTarget;
  suggestion?: string;
}

const rank: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The most serious severity among findings, `null` when there are none. */
export function worstSeverity(
  findings: ReadonlyArray<Pick<AntiPatternFinding, 'severity'>>,
): FindingSeverity | null {
  let worst: FindingSeverity | null = null;
  for (const { severity } of findings) {
    if (worst === null || rank[severity] < rank[worst]) {
      worst = severity;
    }
  }
  return worst;
}

/** Orders findings most serious first, keeping the detectors' order within a severity. */
export function sortFindings<T extends Pick<AntiPatternFinding, 'severity'>>(
  findings: readonly T[],
): T[] {
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
