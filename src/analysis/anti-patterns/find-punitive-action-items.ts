import type { ActionItem } from '../../domain/action-item.ts';
import type { AntiPatternFinding } from './anti-pattern-finding.ts';
import {
  type PunitivePattern,
  punitivePatterns,
  technicalChangePattern,
} from './punitive-patterns.ts';

/** What the punitive-action-item detector reads of each item. */
export type PunitiveInputItem = Pick<ActionItem, 'id' | 'title' | 'status' | 'successCriterion'>;

/** The people-facing patterns an item's title matches, empty when none. */
export function matchPunitivePatterns(
  title: string,
  patterns: readonly PunitivePattern[] = punitivePatterns,
): PunitivePattern[] {
  return patterns.filter((p) => p.pattern.test(title));
}

/**
 * Punitive action items: the only effect is more approvals, reviews, meetings, training,
 * reminders, care or discipline. An item that also changes the system ("add a canary check
 * and require sign-off") is not flagged; items marked won't do are skipped.
 */
export function findPunitiveActionItems(items: readonly PunitiveInputItem[]): AntiPatternFinding[] {
  const findings: AntiPatternFinding[] = [];
  for (const item of items) {
    if (item.status === 'wont_do') {
      continue;
    }
    const matched = matchPunitivePatterns(item.title);
    if (matched.length === 0) {
      continue;
    }
    const text = `${item.title}\n${item.successCriterion ?? ''}`;
    if (technicalChangePattern.test(text)) {
      continue;
    }
    findings.push({
      rule: 'punitive-action-item',
      severity: 'warning',
      message: `"${item.title}" only adds ${matched.map((p) => p.label).join(' and ')}; people will still meet the same system.`,
      target: { type: 'action_item', id: item.id },
      suggestion:
        'What technical change would make the failure impossible, or catch it sooner? (a check, an alert, a guardrail, automation)',
    });
  }
  return findings;
}
