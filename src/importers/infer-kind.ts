import type { TimelineEventKind } from '../domain/timeline-event.ts';

const rules: Array<[TimelineEventKind, RegExp]> = [
  ['resolution', /\b(resolved|restored|recovered|back to normal|outage ends?|closed)\b/i],
  [
    'mitigation',
    /\b(roll(?:ed)? ?back|revert(?:ed)?|mitigat\w*|workaround|restart(?:ed)?|failover|scaled)\b/i,
  ],
  ['escalation', /\b(escalat\w*|sev ?[0-9]\b|paged|incident (?:declared|raised)|ticket raised)\b/i],
  ['detection', /\b(alert(?:ed|s)?|detect(?:ed|s)?|noticed|reported|monitoring|outage begins?)\b/i],
  ['communication', /\b(mail|e-?mail|announce\w*|status ?page|posted|informed|notified|slack)\b/i],
];

/**
 * A first guess at an entry's kind from its words, for the reviewer to accept or change
 * (imported events are proposals). Nothing matched: `observation`.
 */
export function inferKind(text: string): TimelineEventKind {
  for (const [kind, pattern] of rules) {
    if (pattern.test(text)) {
      return kind;
    }
  }
  return 'observation';
}
