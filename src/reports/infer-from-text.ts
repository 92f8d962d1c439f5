import type { ActionItemKind } from '../domain/action-item.ts';

const categoryWords: Array<[RegExp, string]> = [
  [/\b(alert|alerting|monitor|monitoring|dashboard|detect|noise|observab)/i, 'detection_gap'],
  [/\b(document|documentation|playbook|runbook|notes)\b/i, 'documentation'],
  [/\b(upgrade|deploy|release|version|rollout|change|pipeline|merge|bump)/i, 'change_management'],
  [/\b(capacity|memory|cpu|ip address|starvation|exhaust|resource|limit|scal)/i, 'capacity'],
  [/\b(config|configuration|setting|misconfig)/i, 'configuration'],
  [/\b(depend|third[- ]party|vendor|upstream|provider|aws|amazon)/i, 'dependency'],
  [/\b(knowledge|experience|understanding|training|aware)/i, 'knowledge'],
  [/\b(automat|manual)/i, 'automation_gap'],
  [/\b(tool|ui|console)\b/i, 'tooling_ui'],
];

/**
 * A taxonomy category for a factor read from another team's document, from the words it uses;
 * the first of `known` when none matches (and when the matched one is not in the taxonomy).
 */
export function inferCategory(text: string, known: readonly string[]): string {
  const found = categoryWords.find(([pattern, key]) => pattern.test(text) && known.includes(key));
  return found?.[1] ?? (known.includes('process') ? 'process' : (known[0] ?? 'process'));
}

/** What an action item read from a document does, from its words; `prevent` by default. */
export function inferActionKind(text: string): ActionItemKind {
  if (/\b(alert|monitor|dashboard|detect|observ|probe|metric)/i.test(text)) {
    return 'detect';
  }
  if (
    /\b(document|process|procedure|agree|discuss|review|teach|train|communicat|retrospective|report|guideline|talk)/i.test(
      text,
    )
  ) {
    return 'process';
  }
  if (/\b(rollback|roll back|fallback|mitigat|failover)/i.test(text)) {
    return 'mitigate';
  }
  if (/\b(fix|repair|restore|clean ?up|remove)\b/i.test(text)) {
    return 'repair';
  }
  return 'prevent';
}
