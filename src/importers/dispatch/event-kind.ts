import type { TimelineEventKind } from '../../domain/timeline-event.ts';

const rules: Array<[RegExp, TimelineEventKind]> = [
  [/\b(closed|resolved)\b/i, 'resolution'],
  [/\bstable\b/i, 'mitigation'],
  [/\bfailed\b|\berror/i, 'observation'],
  [/^incident created$|\breported\b/i, 'detection'],
  [/\brole\b|\bpaged?\b|\bescalat/i, 'escalation'],
  [/notification|conversation|conference|\bmessage|\bsent\b/i, 'communication'],
];

/** A Dispatch timeline entry's kind, guessed from its description; `action` by default. */
export function dispatchEventKind(description: string): TimelineEventKind {
  for (const [test, kind] of rules) {
    if (test.test(description)) {
      return kind;
    }
  }
  return 'action';
}
