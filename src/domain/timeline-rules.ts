import type { KeyInstantName, KeyInstants } from './incident.ts';
import {
  compareTimelineEvents,
  type TimelineEvent,
  type TimelineEventKind,
  type TimelineSource,
} from './timeline-event.ts';

type Ordered = Pick<TimelineEvent, 'occurredAt' | 'createdAt' | 'id'>;

/** Merges events from any number of sources into one stable timeline order (never mutates). */
export function mergeTimelines<T extends Ordered>(...lists: ReadonlyArray<readonly T[]>): T[] {
  return lists.flat().sort(compareTimelineEvents);
}

/** How close two events from different sources must be to be the same happening. */
export const nearDuplicateWindowMs = 2 * 60 * 1000;

type Linkable = Ordered & Pick<TimelineEvent, 'source' | 'kind' | 'text' | 'duplicateOfId'>;

const stopWords = new Set(['the', 'a', 'an', 'is', 'of', 'on', 'in', 'for', 'to', 'and', 'at']);

/** The words of a text that carry meaning, lower-cased: `[FIRING:1] HighLatency` → firing, 1, highlatency. */
export function significantWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !stopWords.has(word));
  return new Set(words);
}

/** Jaccard similarity of the two texts' significant words, 0 … 1. */
export function textSimilarity(a: string, b: string): number {
  const left = significantWords(a);
  const right = significantWords(b);
  if (left.size === 0 || right.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const word of left) {
    if (right.has(word)) {
      shared += 1;
    }
  }
  return shared / (left.size + right.size - shared);
}

/** True when one text's longest word (an alert name, say) appears in the other's words. */
function sharesAlertName(a: string, b: string): boolean {
  const longest = (words: Set<string>) =>
    [...words].filter((w) => w.length >= 8 && /\p{L}/u.test(w)).sort((x, y) => y.length - x.length);
  const left = significantWords(a);
  const right = significantWords(b);
  return (
    longest(left).some((word) => right.has(word)) || longest(right).some((word) => left.has(word))
  );
}

/** Same happening seen by two sources: close in time, same kind, similar text. */
export function isNearDuplicate(a: Linkable, b: Linkable): boolean {
  return (
    a.source !== b.source &&
    a.kind === b.kind &&
    Math.abs(a.occurredAt.getTime() - b.occurredAt.getTime()) <= nearDuplicateWindowMs &&
    (textSimilarity(a.text, b.text) >= 0.5 || sharesAlertName(a.text, b.text))
  );
}

/**
 * Links near-duplicates across sources: the later event of a pair points at the earlier one
 * (`duplicateOfId`); nothing is deleted. Returns only the links to set — events already linked
 * keep their link — always pointing at the first event of a group, so chains never form.
 */
export function findNearDuplicateLinks<T extends Linkable>(
  events: readonly T[],
): Array<{ id: string; duplicateOfId: string }> {
  const ordered = [...events].sort(compareTimelineEvents);
  const links: Array<{ id: string; duplicateOfId: string }> = [];
  const rootOf = new Map<string, string>();
  for (const event of ordered) {
    if (event.duplicateOfId) {
      rootOf.set(event.id, event.duplicateOfId);
    }
  }
  let windowStart = 0;
  for (let i = 0; i < ordered.length; i += 1) {
    const event = ordered[i];
    if (!event) {
      continue;
    }
    while (
      (ordered[windowStart]?.occurredAt.getTime() ?? 0) <
      event.occurredAt.getTime() - nearDuplicateWindowMs
    ) {
      windowStart += 1;
    }
    if (rootOf.has(event.id)) {
      continue;
    }
    for (let j = windowStart; j < i; j += 1) {
      const earlier = ordered[j];
      if (earlier && isNearDuplicate(earlier, event)) {
        const root = rootOf.get(earlier.id) ?? earlier.id;
        rootOf.set(event.id, root);
        links.push({ id: event.id, duplicateOfId: root });
        break;
      }
    }
  }
  return links;
}

/** A per-source clock offset a person set: shown beside the stored instant, never applied to it. */
export interface ClockSkew {
  source: TimelineSource | string;
  offsetMs: number;
  reason: string;
}

/** The instant an event would have with its source's skew corrected, or null without a skew. */
export function skewedInstant(
  event: Pick<TimelineEvent, 'occurredAt' | 'source'>,
  skews: readonly ClockSkew[],
): Date | null {
  const skew = skews.find((s) => s.source === event.source);
  return skew ? new Date(event.occurredAt.getTime() + skew.offsetMs) : null;
}

/** The key instants the timeline can propose (started_at needs a person's judgement). */
export const proposableInstants = [
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
] as const satisfies readonly KeyInstantName[];
export type ProposableInstant = (typeof proposableInstants)[number];

const evidenceKinds: Record<ProposableInstant, TimelineEventKind> = {
  detected_at: 'detection',
  acknowledged_at: 'escalation',
  mitigated_at: 'mitigation',
  resolved_at: 'resolution',
};

const acknowledgement = /\back(?:nowledged?)?\b/i;

/** A proposed key instant, with the event that is its evidence and the incident's current value. */
export interface KeyInstantCandidate {
  name: ProposableInstant;
  proposed: { at: Date; eventId: string; source: TimelineSource } | null;
  current: KeyInstants[ProposableInstant] | null;
}

/**
 * Proposes key instants from ACCEPTED events only (the review checkpoint): detected = the first
 * detection, acknowledged = the first escalation or acknowledgement, mitigated = the first
 * mitigation, resolved = the first resolution. A person confirms each.
 */
export function proposeKeyInstants(
  events: ReadonlyArray<Ordered & Pick<TimelineEvent, 'status' | 'kind' | 'text' | 'source'>>,
  current: KeyInstants,
): KeyInstantCandidate[] {
  const accepted = events.filter((e) => e.status === 'accepted').sort(compareTimelineEvents);
  return proposableInstants.map((name) => {
    const evidence = accepted.find(
      (e) =>
        e.kind === evidenceKinds[name] ||
        (name === 'acknowledged_at' && e.kind !== 'resolution' && acknowledgement.test(e.text)),
    );
    return {
      name,
      proposed: evidence
        ? { at: evidence.occurredAt, eventId: evidence.id, source: evidence.source }
        : null,
      current: current[name] ?? null,
    };
  });
}
