import type { TimelineEvent } from './timeline-event.ts';
import { nearDuplicateWindowMs } from './timeline-rules.ts';

/** The few fields the sweep reads; no text. */
export type CandidateKey = Pick<TimelineEvent, 'id' | 'occurredAt' | 'kind' | 'source'>;

interface Entry {
  id: string;
  at: number;
  marked: boolean;
}

interface SourceWindow {
  entries: Entry[];
  head: number;
  /** Entries before this index were already marked by an event of another source. */
  markedFrom: number;
}

/**
 * Finds the events that can have a near-duplicate at all: those with an event of the same
 * kind from another source within `nearDuplicateWindowMs`. Fed in time order (`add`), one
 * pass, each event visited a bounded number of times, so a timeline of a million messages
 * from one source and a few alerts from another yields only the messages near those alerts.
 * `take()` returns the ids found since the last call, each id once.
 */
export class NearDuplicateCandidates {
  private readonly windows = new Map<string, Map<string, SourceWindow>>();
  private found: string[] = [];

  /** Adds the next event in time order. */
  add(event: CandidateKey): void {
    const at = event.occurredAt.getTime();
    const bySource = this.windows.get(event.kind) ?? new Map<string, SourceWindow>();
    this.windows.set(event.kind, bySource);
    const entry: Entry = { id: event.id, at, marked: false };
    for (const [source, window] of bySource) {
      while ((window.entries[window.head]?.at ?? at) < at - nearDuplicateWindowMs) {
        window.head += 1;
      }
      window.markedFrom = Math.max(window.markedFrom, window.head);
      if (source === event.source || window.head >= window.entries.length) {
        continue;
      }
      this.mark(entry);
      for (let i = window.markedFrom; i < window.entries.length; i += 1) {
        const earlier = window.entries[i];
        if (earlier) {
          this.mark(earlier);
        }
      }
      window.markedFrom = window.entries.length;
    }
    const own = bySource.get(event.source) ?? { entries: [], head: 0, markedFrom: 0 };
    bySource.set(event.source, own);
    if (own.head > 1024 && own.head * 2 > own.entries.length) {
      own.entries = own.entries.slice(own.head);
      own.markedFrom = Math.max(0, own.markedFrom - own.head);
      own.head = 0;
    }
    own.entries.push(entry);
  }

  /** The candidates found since the last call. */
  take(): string[] {
    const found = this.found;
    this.found = [];
    return found;
  }

  private mark(entry: Entry): void {
    if (!entry.marked) {
      entry.marked = true;
      this.found.push(entry.id);
    }
  }
}
