import { type BlamelessRule, blamelessRules } from './blameless-rules.ts';

/** One place where a text points at people rather than the system. */
export interface BlamelessFinding {
  rule: string;
  severity: 'error';
  message: string;
  suggestion: string;
  target: { field: string; start: number; end: number };
  excerpt: string;
}

/** A named piece of text to check, e.g. `{ field: 'sections.summary', text }`. */
export interface LintableText {
  field: string;
  text: string;
}

/** matchAll needs a global pattern; rules added by a team may lack the flag. */
function globalPattern(pattern: RegExp): RegExp {
  return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

/**
 * Runs the blameless-language rules over every text and returns every finding, in input
 * order. Never throws on content.
 */
export function findBlamelessFindings(
  texts: readonly LintableText[],
  rules: readonly BlamelessRule[] = blamelessRules,
): BlamelessFinding[] {
  const findings: BlamelessFinding[] = [];
  for (const { field, text } of texts) {
    for (const rule of rules) {
      for (const match of text.matchAll(globalPattern(rule.pattern))) {
        const start = match.index ?? 0;
        findings.push({
          rule: rule.id,
          severity: 'error',
          message: rule.message,
          suggestion: rule.suggestion,
          target: { field, start, end: start + match[0].length },
          excerpt: match[0],
        });
      }
    }
  }
  return findings;
}

/** A stable key for waiving one finding: the rule, the field and the matched words. */
export function findingKey(finding: Pick<BlamelessFinding, 'rule' | 'target' | 'excerpt'>): string {
  return `${finding.rule}:${finding.target.field}:${finding.excerpt.toLowerCase()}`;
}
