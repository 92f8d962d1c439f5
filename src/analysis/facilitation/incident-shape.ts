import type { TimelineEvent } from '../../domain/timeline-event.ts';

/** The parts of an accepted event the shape reads; source and actor may be unknown. */
export type ShapeEvent = Pick<TimelineEvent, 'id' | 'occurredAt' | 'text' | 'kind' | 'pinned'> &
  Partial<Pick<TimelineEvent, 'source' | 'actor'>>;

/** A moment of the incident worth asking about, with the question to ask there. */
export interface ShapePrompt {
  /** The event the prompt is about (where the gap ends, the alert, the hand-off…). */
  eventId: string;
  prompt: string;
}

/** What the shape of an incident says, read from its accepted timeline (in time order). */
export interface IncidentShape {
  /** The longest quiet stretch between the first detection and the first mitigation. */
  longestGap: { minutes: number; from: Date; to: Date; endEventId: string } | null;
  prompts: ShapePrompt[];
}

const alertSources = new Set(['alertmanager', 'pagerduty', 'opsgenie', 'grafana', 'metric']);
const responseKinds = new Set([
  'action',
  'mitigation',
  'escalation',
  'communication',
  'resolution',
]);
const didNotHelp =
  /\b(?:did(?:n['’]t| not) (?:help|work|change|fix)|no (?:effect|change|improvement)|still (?:failing|down|erroring|high|broken)|made (?:it|things) worse|rolled back the (?:mitigation|fix)|reverted the (?:mitigation|fix))\b/i;
const minutesBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60_000);
const clock = (at: Date) => at.toISOString().slice(11, 16);
/** Gaps shorter than this are the normal rhythm of a response, not a question. */
const notableGapMinutes = 5;
/** An alert with no response within this many minutes was not acted on. */
const unansweredAlertMinutes = 15;

/** Mitigations followed, before the next step, by the alert again soon or by words saying so. */
function mitigationsThatDidNotHelp(events: readonly ShapeEvent[]): ShapeEvent[] {
  return events.filter((event, index) => {
    if (event.kind !== 'mitigation') {
      return false;
    }
    const later = events.slice(index + 1);
    const next = later.findIndex((e) => e.kind === 'mitigation' || e.kind === 'resolution');
    const meanwhile = next < 0 ? later : later.slice(0, next + 1);
    const soon = event.occurredAt.getTime() + unansweredAlertMinutes * 60_000;
    return meanwhile.some(
      (e) => (e.kind === 'detection' && e.occurredAt.getTime() <= soon) || didNotHelp.test(e.text),
    );
  });
}

/**
 * The longest quiet stretch from the first detection to diagnosis: the first mitigation that
 * worked (one that did not help does not end the search), or the resolution.
 */
function longestGapOf(
  events: readonly ShapeEvent[],
  failed: ReadonlySet<ShapeEvent>,
): IncidentShape['longestGap'] {
  const first = events.findIndex((e) => e.kind === 'detection');
  if (first < 0) {
    return null;
  }
  const mitigated = events.findIndex(
    (e, i) => i > first && ((e.kind === 'mitigation' && !failed.has(e)) || e.kind === 'resolution'),
  );
  const window = events.slice(first, mitigated < 0 ? events.length : mitigated + 1);
  let best: IncidentShape['longestGap'] = null;
  for (let i = 1; i < window.length; i += 1) {
    const before = window[i - 1] as ShapeEvent;
    const after = window[i] as ShapeEvent;
    const minutes = minutesBetween(before.occurredAt, after.occurredAt);
    if (minutes >= notableGapMinutes && (!best || minutes > best.minutes)) {
      best = { minutes, from: before.occurredAt, to: after.occurredAt, endEventId: after.id };
    }
  }
  return best;
}

/**
 * Reads the shape of an incident from its accepted timeline, sorted by time: the longest gap
 * between detection and mitigation, the detection delay from the start, hand-offs between
 * responders, mitigations that did not help, alerts nobody acted on. Each becomes a prompt
 * about that moment, asked in terms of what people saw then, never what they should have done.
 */
export function readIncidentShape(
  events: readonly ShapeEvent[],
  startedAt: Date | null = null,
): IncidentShape {
  const prompts: ShapePrompt[] = [];
  const failed = new Set(mitigationsThatDidNotHelp(events));
  const longestGap = longestGapOf(events, failed);
  if (longestGap) {
    prompts.push({
      eventId: longestGap.endEventId,
      prompt: `What was being tried during these ${longestGap.minutes} minutes (${clock(longestGap.from)}–${clock(longestGap.to)}), and what did people see?`,
    });
  }
  const detection = events.find((e) => e.kind === 'detection');
  const start = startedAt ?? events[0]?.occurredAt ?? null;
  if (detection && start) {
    const delay = minutesBetween(start, detection.occurredAt);
    if (delay >= notableGapMinutes) {
      prompts.push({
        eventId: detection.id,
        prompt: `It started at ${clock(start)} and was detected at ${clock(detection.occurredAt)} (${delay} minutes): what told us, and when?`,
      });
    }
  }
  let lastResponder: ShapeEvent | undefined;
  for (const event of events) {
    if (!responseKinds.has(event.kind) || !event.actor) {
      continue;
    }
    if (lastResponder?.actor && lastResponder.actor !== event.actor) {
      prompts.push({
        eventId: event.id,
        prompt: `${event.actor} took over from ${lastResponder.actor} at ${clock(event.occurredAt)}: what context came with the hand-off, and how?`,
      });
    }
    lastResponder = event;
  }
  for (const event of failed) {
    prompts.push({
      eventId: event.id,
      prompt: `This mitigation at ${clock(event.occurredAt)} did not end it: what did we expect it to change, and what showed that it had not?`,
    });
  }
  for (const [index, event] of events.entries()) {
    if (event.kind !== 'detection' || !alertSources.has(event.source ?? 'manual')) {
      continue;
    }
    const deadline = event.occurredAt.getTime() + unansweredAlertMinutes * 60_000;
    const answered = events
      .slice(index + 1)
      .some((e) => responseKinds.has(e.kind) && e.occurredAt.getTime() <= deadline);
    if (!answered) {
      prompts.push({
        eventId: event.id,
        prompt: `This alert fired at ${clock(event.occurredAt)} and nothing followed for ${unansweredAlertMinutes} minutes: what else was competing for attention, and how did the alert look among them?`,
      });
    }
  }
  return { longestGap, prompts };
}
