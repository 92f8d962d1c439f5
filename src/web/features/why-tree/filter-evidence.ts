/** What the evidence picker narrows the timeline by; empty fields do not narrow. */
export interface EvidenceFilter {
  /** Words that must all appear in the event's text (or its actor), in any case. */
  query: string;
  kind: string;
  source: string;
  /** `datetime-local` values (the browser's zone), inclusive. */
  from: string;
  to: string;
}

/** The picker's filter with nothing set. */
export const noEvidenceFilter: EvidenceFilter = {
  query: '',
  kind: '',
  source: '',
  from: '',
  to: '',
};

interface PickableEvent {
  id: string;
  occurredAt: string;
  text: string;
  kind: string;
  source: string;
  actor?: string | null;
}

const instant = (value: string) => (value ? new Date(value).getTime() : Number.NaN);

/**
 * The events the picker lists: those matching every set field of the filter, plus every event
 * already chosen as evidence (so that it can still be unchosen), in the timeline's order.
 */
export function filterEvidenceEvents<T extends PickableEvent>(
  events: readonly T[],
  filter: EvidenceFilter,
  chosen: readonly string[],
): T[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const from = instant(filter.from);
  const to = instant(filter.to);
  const keep = new Set(chosen);
  return events.filter((event) => {
    if (keep.has(event.id)) {
      return true;
    }
    const haystack = `${event.text} ${event.actor ?? ''}`.toLowerCase();
    const at = new Date(event.occurredAt).getTime();
    return (
      words.every((word) => haystack.includes(word)) &&
      (!filter.kind || event.kind === filter.kind) &&
      (!filter.source || event.source === filter.source) &&
      (Number.isNaN(from) || at >= from) &&
      // A minute-precise "to" includes the whole minute.
      (Number.isNaN(to) || at < to + 60_000)
    );
  });
}
