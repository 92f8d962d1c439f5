import {
  type AntiPatternFinding,
  antiPatternRules,
} from '../../analysis/anti-patterns/anti-pattern-finding.ts';
import type { AntiPatternFindingDto } from '../../contracts/anti-patterns.ts';

/** An anti-pattern finding for the API, with the anti-pattern its rule detects. */
export function presentAntiPatternFinding(finding: AntiPatternFinding): AntiPatternFindingDto {
  return {
    rule: finding.rule,
    antiPattern: antiPatternRules[finding.rule],
    severity: finding.severity,
    message: finding.message,
    target: finding.target,
    suggestion: finding.suggestion ?? null,
  };
}
