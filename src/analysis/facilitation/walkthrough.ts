import type { IncidentShape, ShapeEvent } from './incident-shape.ts';
import { meetingPrompts, promptsForEvent } from './meeting-prompts.ts';

/** A walk-through item before it is placed in a section (see `AgendaItem`). */
export interface WalkthroughItem {
  subjectType: 'timeline_event';
  subjectId: string;
  text: string;
  /** The event's kind, or `chat_burst` for a summarised run of chat messages. */
  tag: string;
  occurredAt: Date;
  pinned: boolean;
  depth: 0;
  prompts: string[];
  /** For a chat burst: how many messages it stands for. */
  eventCount: number;
}

const chatSources = new Set(['slack']);
const keyKinds = new Set(['detection', 'escalation', 'mitigation', 'resolution']);
/** Messages closer together than this belong to one exchange. */
const burstGapMinutes = 5;
const smallestBurst = 3;
const clock = (at: Date) => at.toISOString().slice(11, 16);

const isChatter = (event: ShapeEvent) =>
  chatSources.has(event.source ?? 'manual') && !event.pinned && !keyKinds.has(event.kind);

/** Runs of chat messages in quick succession, each run as a list (single events alone). */
function groupBursts(events: readonly ShapeEvent[]): ShapeEvent[][] {
  const groups: ShapeEvent[][] = [];
  for (const event of events) {
    const current = groups.at(-1);
    const last = current?.at(-1);
    const joins =
      current !== undefined &&
      last !== undefined &&
      isChatter(event) &&
      isChatter(last) &&
      event.occurredAt.getTime() - last.occurredAt.getTime() <= burstGapMinutes * 60_000;
    if (joins) {
      current.push(event);
    } else {
      groups.push([event]);
    }
  }
  return groups.flatMap((group) =>
    group.length >= smallestBurst ? [group] : group.map((e) => [e]),
  );
}

/** How much a walk-through item deserves a place when the meeting cannot walk everything. */
function priorityOf(item: WalkthroughItem, asked: ReadonlySet<string>): number {
  return (
    (item.pinned ? 100 : 0) +
    (asked.has(item.subjectId) ? 50 : 0) +
    (keyKinds.has(item.tag) ? 30 : 0) +
    (item.tag === 'chat_burst' ? 10 + Math.min(item.eventCount, 100) / 10 : 0)
  );
}

/**
 * The timeline as the meeting walks it: runs of chat messages summarised into one item each,
 * the incident's shape prompts placed at their moments, and, beyond `maxItems`, only the items
 * that matter most (pinned, asked about, key moments, the largest exchanges), in time order.
 */
export function walkthroughItems(
  events: readonly ShapeEvent[],
  shape: IncidentShape,
  maxItems: number,
): WalkthroughItem[] {
  const promptsAt = new Map<string, string[]>();
  for (const { eventId, prompt } of shape.prompts) {
    promptsAt.set(eventId, [...(promptsAt.get(eventId) ?? []), prompt]);
  }
  const items = groupBursts(events).map((group): WalkthroughItem => {
    const [first] = group as [ShapeEvent, ...ShapeEvent[]];
    const shapePrompts = group.flatMap((e) => promptsAt.get(e.id) ?? []);
    if (group.length === 1) {
      return {
        subjectType: 'timeline_event',
        subjectId: first.id,
        text: first.text,
        tag: first.kind,
        occurredAt: first.occurredAt,
        pinned: first.pinned,
        depth: 0,
        prompts: [...shapePrompts, ...promptsForEvent(first)],
        eventCount: 1,
      };
    }
    const last = group.at(-1) ?? first;
    const excerpt = first.text.length > 80 ? `${first.text.slice(0, 79)}…` : first.text;
    return {
      subjectType: 'timeline_event',
      subjectId: first.id,
      text: `${group.length} chat messages, ${clock(first.occurredAt)}–${clock(last.occurredAt)}, from “${excerpt}”`,
      tag: 'chat_burst',
      occurredAt: first.occurredAt,
      pinned: false,
      depth: 0,
      prompts: [...shapePrompts, ...meetingPrompts.chatBurst],
      eventCount: group.length,
    };
  });
  if (items.length <= maxItems) {
    return items;
  }
  const asked = new Set(
    items
      .filter((item) => item.prompts.some((p) => shape.prompts.some((s) => s.prompt === p)))
      .map((i) => i.subjectId),
  );
  const kept = new Set(
    [...items]
      .map((item, index) => ({ item, index, priority: priorityOf(item, asked) }))
      .sort((a, b) => b.priority - a.priority || a.index - b.index)
      .slice(0, maxItems)
      .map(({ item }) => item),
  );
  return items.filter((item) => kept.has(item));
}
