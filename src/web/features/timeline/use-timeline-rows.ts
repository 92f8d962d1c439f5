import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../contracts/problem.ts';
import { toProblem } from '../../api/api-error.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import { type ClockSkew, type TimelineFilters, timelineReviewApi } from '../../api/timeline-api.ts';
import { applySavedEvent, keepUnchangedRows, type TimelineRow } from './timeline-rows.ts';

/** The timeline rows on screen and how they change. */
export interface TimelineRows {
  /** The rows loaded so far, in timeline order; undefined until the first page arrives. */
  rows: TimelineRow[] | undefined;
  /** How many events match the filters, loaded or not. */
  total: number;
  /** False while later pages are still coming. */
  complete: boolean;
  skews: ClockSkew[];
  problem: Problem | null;
  /** Reads the timeline again and keeps every row object that did not change. */
  reload: () => Promise<void>;
  /** Shows one saved event at once, without reading the timeline again. */
  applySaved: (event: TimelineEvent) => void;
}

interface Loaded {
  rows: TimelineRow[];
  total: number;
  complete: boolean;
  skews: ClockSkew[];
}

/**
 * Loads the timeline matching `filters`: the first page shows as soon as it arrives and the
 * others are appended behind it. Reloads (after a bulk review, an import, someone else's
 * change) swap the rows once all pages are in, keeping unchanged rows as they were.
 */
export function useTimelineRows(postmortemId: string, filters: TimelineFilters): TimelineRows {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const latest = useRef(0);
  const state = useRef({ filters, skews: [] as ClockSkew[] });

  const read = useCallback(
    async (progressive: boolean) => {
      latest.current += 1;
      const ticket = latest.current;
      const rows: TimelineRow[] = [];
      try {
        for await (const page of timelineReviewApi.pages(postmortemId, filters)) {
          if (ticket !== latest.current) {
            return;
          }
          rows.push(...page.data);
          const complete = page.page.nextCursor === null;
          state.current = { filters, skews: page.skews };
          if (progressive || complete) {
            const next = { rows: [...rows], total: page.page.total, complete, skews: page.skews };
            setLoaded((previous) =>
              previous && complete && !progressive
                ? { ...next, rows: keepUnchangedRows(previous.rows, next.rows) }
                : next,
            );
          }
        }
        setProblem(null);
      } catch (error) {
        if (ticket === latest.current) {
          setProblem(toProblem(error));
        }
      }
    },
    [postmortemId, filters],
  );

  // Other filters: the rows on screen stay until the first page of the new ones arrives, so
  // the view (and the focused filter) is not taken down meanwhile.
  useEffect(() => {
    void read(true);
  }, [read]);

  const reload = useCallback(() => read(false), [read]);
  const applySaved = useCallback((event: TimelineEvent) => {
    const { filters: shown, skews } = state.current;
    setLoaded((previous) => {
      if (!previous) {
        return previous;
      }
      const rows = applySavedEvent(previous.rows, event, skews, shown);
      return { ...previous, rows, total: previous.total - (previous.rows.length - rows.length) };
    });
  }, []);

  return {
    rows: loaded?.rows,
    total: loaded?.total ?? 0,
    complete: loaded?.complete ?? false,
    skews: loaded?.skews ?? [],
    problem,
    reload,
    applySaved,
  };
}
