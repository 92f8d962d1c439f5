import {
  compareTimelineEvents,
  type TimelineEvent,
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

/** The words two texts are compared by, computed once per event however often it is compared. */
interface Fingerprint {
  words: Set<string>;
  /** Long words with a letter (alert names, say): one shared is enough for a match. */
  names: string[];
}

function fingerprintOf(text: string): Fingerprint {
  const words = significantWords(text);
  return { words, names: [...words].filter((w) => w.length >= 8 && /\p{L}/u.test(w)) };
}

function similar(a: Fingerprint, b: Fingerprint): boolean {
  if (a.words.size > 0 && b.words.size > 0) {
    let shared = 0;
    for (const word of a.words) {
      if (b.words.has(word)) {
        shared += 1;
      }
    }
    if (shared / (a.words.size + b.words.size - shared) >= 0.5) {
      return true;
    }
  }
  return a.names.some((word) => b.words.has(word)) || b.names.some((word) => a.words.has(word));
}

/** Same happening seen by two sources: close in time, same kind, similar text. */
export function isNearDuplicate(a: Linkable, b: Linkable): boolean {
  return (
    a.source !== b.source &&
    a.kind === b.kind &&
    Math.abs(a.occurredAt.getTime() - b.occurredAt.getTime()) <= nearDuplicateWindowMs &&
    similar(fingerprintOf(a.text), fingerprintOf(b.text))
  );
}

/**
 * At most this many earlier events of each other source are compared with one event: in a
 * window dense with look-alike-free chatter, linking stays linear in the number of events.
 */
export const nearDuplicateComparisonsMax = 100;

/** The earlier events of one kind and one source still inside the window, in timeline order. */
interface SourceWindow<T> {
  items: Array<{ event: T; position: number }>;
  head: number;
}

/**
 * Links near-duplicates across sources: the later event of a pair points at the earlier one
 * (`duplicateOfId`); nothing is deleted. Returns only the links to set — events already linked
 * keep their link — always pointing at the first event of a group, so chains never form.
 * Sorts once, then slides a window per kind and source, so the work grows with the events
 * times the other sources' events near each (at most `nearDuplicateComparisonsMax`), never
 * with the square of the timeline.
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
  const fingerprints = new Map<T, Fingerprint>();
  const fingerprint = (event: T) => {
    let found = fingerprints.get(event);
    if (!found) {
      found = fingerprintOf(event.text);
      fingerprints.set(event, found);
    }
    return found;
  };
  const windows = new Map<string, Map<string, SourceWindow<T>>>();
  ordered.forEach((event, position) => {
    const bySource = windows.get(event.kind) ?? new Map<string, SourceWindow<T>>();
    windows.set(event.kind, bySource);
    const from = event.occurredAt.getTime() - nearDuplicateWindowMs;
    let match: { event: T; position: number } | undefined;
    for (const [source, window] of bySource) {
      while ((window.items[window.head]?.event.occurredAt.getTime() ?? from) < from) {
        window.head += 1;
      }
      if (source === event.source || rootOf.has(event.id)) {
        continue;
      }
      const end = Math.min(window.items.length, window.head + nearDuplicateComparisonsMax);
      for (let i = window.head; i < end; i += 1) {
        const earlier = window.items[i];
        if (earlier && (match === undefined || earlier.position < match.position)) {
          if (similar(fingerprint(earlier.event), fingerprint(event))) {
            match = earlier;
            break;
          }
        }
      }
    }
    if (match) {
      const root = rootOf.get(match.event.id) ?? match.event.id;
      rootOf.set(event.id, root);
      links.push({ id: event.id, duplicateOfId: root });
    }
    const own = bySource.get(event.source) ?? { items: [], head: 0 };
    bySource.set(event.source, own);
    if (own.head > 1024 && own.head * 2 > own.items.length) {
      own.items = own.items.slice(own.head);
      own.head = 0;
    }
    own.items.push({ event, position });
  });
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
