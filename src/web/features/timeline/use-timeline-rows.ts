import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../contracts/problem.ts';
import { toProblem } from '../../api/api-error.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import {
  type ClockSkew,
  type TimelineFilters,
  timelineIdsMax,
  timelineReviewApi,
} from '../../api/timeline-api.ts';
import {
  appendPage,
  applySavedEvent,
  idsToRead,
  keepUnchangedRows,
  mergeRead,
  type TimelineRow,
} from './timeline-rows.ts';

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
  /**
   * Brings the rows up to date after a change: reads the timeline's versions and then only
   * the events that changed, keeping every row object that did not.
   */
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
 * Loads the timeline matching `filters`: the first page shows as soon as it arrives (the one
 * asked for ahead, if any) and the others are appended behind it as transitions, which a
 * click or a key press interrupts. Reloads (after a bulk review, an import, someone else's
 * change) read the timeline's versions and then only the events that changed, keeping every
 * other row as it was; one asked for while the first load is still coming waits for it
 * rather than starting over.
 */
export function useTimelineRows(postmortemId: string, filters: TimelineFilters): TimelineRows {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const latest = useRef(0);
  const state = useRef({ filters, skews: [] as ClockSkew[] });
  // The progressive read in flight, and whether a reload was asked for meanwhile.
  const appending = useRef<{ ticket: number; reloadAfter: boolean } | null>(null);
  const [refreshDue, setRefreshDue] = useState(false);

  const read = useCallback(
    async (progressive: boolean): Promise<void> => {
      latest.current += 1;
      const ticket = latest.current;
      const rows: TimelineRow[] = [];
      if (progressive) {
        appending.current = { ticket, reloadAfter: false };
      }
      let shown = false;
      try {
        for await (const page of timelineReviewApi.pages(postmortemId, filters)) {
          if (ticket !== latest.current) {
            return;
          }
          const complete = page.page.nextCursor === null;
          const { total } = page.page;
          state.current = { filters, skews: page.skews };
          if (!progressive) {
            rows.push(...page.data);
            if (complete) {
              setLoaded((previous) => ({
                rows: previous ? keepUnchangedRows(previous.rows, rows) : rows,
                total,
                complete,
                skews: page.skews,
              }));
            }
          } else if (!shown) {
            shown = true;
            setLoaded({ rows: page.data, total, complete, skews: page.skews });
          } else {
            // Appended to the rows on screen, not to what this read has seen: a row saved
            // meanwhile stays as saved. The later pages may wait for whatever the person does.
            startTransition(() =>
              setLoaded((previous) => ({
                rows: appendPage(previous?.rows ?? [], page.data),
                total,
                complete,
                skews: page.skews,
              })),
            );
          }
        }
        setProblem(null);
      } catch (error) {
        if (ticket === latest.current) {
          setProblem(toProblem(error));
        }
      } finally {
        const after = appending.current;
        if (after?.ticket === ticket) {
          appending.current = null;
          // Pages read before the change may not show it: refresh once they are all shown.
          if (after.reloadAfter && ticket === latest.current) {
            setRefreshDue(true);
          }
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

  const held = useRef<Loaded | null>(null);
  held.current = loaded;

  const reload = useCallback(async () => {
    if (appending.current) {
      appending.current.reloadAfter = true;
      return;
    }
    if (!held.current?.complete) {
      await read(false);
      return;
    }
    latest.current += 1;
    const ticket = latest.current;
    try {
      const now = await timelineReviewApi.versions(postmortemId, filters);
      // The rows as they are now: a row saved here while the versions came (its answer and
      // the live change race) is compared as saved, not read again.
      const before = held.current;
      if (!before?.complete || ticket !== latest.current) {
        return;
      }
      const ids = idsToRead(before.rows, before.skews, now, timelineIdsMax);
      const fresh = ids?.length ? await timelineReviewApi.byIds(postmortemId, filters, ids) : null;
      if (ticket !== latest.current) {
        return;
      }
      const merged = ids ? mergeRead(before.rows, now, fresh?.data ?? []) : null;
      if (!merged) {
        await read(false);
        return;
      }
      state.current = { filters, skews: now.skews };
      setLoaded((previous) => {
        // Rows saved here since `before` are merged too; one saved since the versions were
        // read stays as saved (its own change brings another reload).
        const rows = previous ? mergeRead(previous.rows, now, fresh?.data ?? []) : merged;
        return !rows || rows === previous?.rows
          ? previous
          : { rows: [...rows], total: now.data.ids.length, complete: true, skews: now.skews };
      });
      setProblem(null);
    } catch {
      // Whatever failed (a server without the versions, a lost connection), reading the
      // pages again either works or says why.
      if (ticket === latest.current) {
        await read(false);
      }
    }
  }, [read, postmortemId, filters]);

  useEffect(() => {
    if (refreshDue && loaded?.complete) {
      setRefreshDue(false);
      void reload();
    }
  }, [refreshDue, loaded, reload]);

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
