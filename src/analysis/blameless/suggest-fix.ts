import { allBlamelessRules } from './compile-rules.ts';
import type { BlamelessFinding } from './find-blameless-findings.ts';

const replacementsByRule = new Map(
  allBlamelessRules.flatMap((rule) => (rule.replacements ? [[rule.id, rule.replacements]] : [])),
);

/**
 * The replacement wording for a finding's words, where its rule has one for them
 * (`'human error'` → `'a step the system made easy to take'`; `''` deletes the words), with
 * the first letter's case kept. Rules that need a rewrite of the whole sentence have none.
 */
export function suggestFix(
  finding: Pick<BlamelessFinding, 'rule' | 'excerpt'>,
): string | undefined {
  const words = finding.excerpt.toLowerCase().replace(/\s+/g, ' ').trim();
  const replacement = replacementsByRule.get(finding.rule)?.[words];
  if (replacement === undefined) {
    return undefined;
  }
  const startsUpper = /^\p{Lu}/u.test(finding.excerpt);
  return startsUpper && replacement
    ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
    : replacement;
}
