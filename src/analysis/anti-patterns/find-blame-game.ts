import type { AntiPatternFinding } from './anti-pattern-finding.ts';

/**
 * Blame game: blameless-language findings left standing, neither rephrased nor waived with
 * a reason. One finding for the postmortem, with the count.
 */
export function findBlameGame(postmortemId: string, unwaivedCount: number): AntiPatternFinding[] {
  if (unwaivedCount <= 0) {
    return [];
  }
  return [
    {
      rule: 'blame-game',
      severity: 'warning',
      message: `${unwaivedCount} blameless-language finding${unwaivedCount === 1 ? ' is' : 's are'} neither rephrased nor waived.`,
      target: { type: 'postmortem', id: postmortemId },
      suggestion:
        'Rephrase around the system (what made the action possible), or waive each finding with a reason.',
    },
  ];
}
