import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReviewEvent } from '../../api/timeline-api.ts';
import type { TimelineEventValues } from '../postmortems/TimelineEventForm.tsx';
import { ReviewRow, type RowAction, type RowHandlers } from './ReviewRow.tsx';
import type { TimelineRow } from './timeline-rows.ts';
import { useRowWindow } from './use-row-window.ts';

interface ReviewTableProps {
  rows: readonly TimelineRow[];
  /** Every event matching the filters, some perhaps not loaded yet. */
  total: number;
  currentId: string | null;
  onAction: (event: ReviewEvent, action: Exclude<RowAction, 'edit'>) => void;
  onEdit: (event: ReviewEvent, values: TimelineEventValues) => Promise<void>;
  onBulk: (events: ReviewEvent[], action: 'accept' | 'reject') => Promise<void>;
}

/** Keys that move focus between rows from anywhere in a row but its edit form, and how far. */
const rowSteps: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  PageDown: (index) => index + 10,
  PageUp: (index) => index - 10,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

const rowOf = (target: EventTarget) =>
  target instanceof Element ? target.closest<HTMLElement>('tr[data-key]') : null;

/**
 * The review checkpoint as a table, the keyboard and screen-reader view of the lanes:
 * accept, edit, reject or pin each event, or select several and accept or reject them at once.
 * Only the rows near the view are in the page (the table states the full row count and each
 * row its position); in a row, arrow keys, Page Up/Down, Home and End move focus between rows,
 * and the focused row stays in the page wherever the list scrolls.
 */
export function ReviewTable({
  rows,
  total,
  currentId,
  onAction,
  onEdit,
  onBulk,
}: ReviewTableProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusNext = useRef<string | null>(null);
  const keys = useMemo(() => rows.map((row) => row.data.id), [rows]);
  const indexOf = useMemo(() => new Map(keys.map((id, index) => [id, index])), [keys]);
  const byId = useMemo(() => new Map(rows.map((row) => [row.data.id, row.data])), [rows]);
  const chosen = rows.filter((row) => selected.has(row.data.id)).map((row) => row.data);
  const proposed = rows.filter((row) => row.data.status === 'proposed');
  const pinned = [focusedId, currentId, editing].map((id) => indexOf.get(id ?? '') ?? -1);
  const { scrollerRef, bodyRef, plan, scrollToIndex } = useRowWindow(keys, pinned);

  const latest = useRef({ onAction, onEdit });
  latest.current = { onAction, onEdit };
  const handlers = useMemo<RowHandlers>(
    () => ({
      check: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) {
            next.add(id);
          } else {
            next.delete(id);
          }
          return next;
        }),
      act: (event, action) => {
        if (action === 'edit') {
          setEditing(event.id);
        } else {
          latest.current.onAction(event, action);
        }
      },
      save: async (event, values) => {
        await latest.current.onEdit(event, values);
        setEditing(null);
        focusNext.current = event.id;
      },
      cancelEdit: () => setEditing(null),
    }),
    [],
  );

  /** Draws the row of `id` (if loaded), scrolls to it and gives it focus. */
  const goTo = (id: string) => {
    const index = indexOf.get(id);
    if (index === undefined) {
      return false;
    }
    setFocusedId(id);
    focusNext.current = id;
    scrollToIndex(index);
    return true;
  };

  useEffect(() => {
    const index = indexOf.get(currentId ?? '');
    if (index !== undefined) {
      scrollToIndex(index);
    }
  }, [currentId, indexOf, scrollToIndex]);

  useEffect(() => {
    const id = focusNext.current;
    const row = id ? document.getElementById(`event-${id}`) : null;
    if (row) {
      focusNext.current = null;
      // The row is drawn where it belongs; scroll only if it is not wholly in view already.
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = rowOf(event.target);
    const step = rowSteps[event.key];
    const inForm = event.target instanceof Element && event.target.closest('form') !== null;
    if (!row || inForm || !step || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    event.preventDefault();
    const index = Math.min(
      Math.max(step(Number(row.dataset.index), rows.length), 0),
      rows.length - 1,
    );
    const target = rows[index];
    if (target) {
      goTo(target.data.id);
    }
  };
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const id = rowOf(event.target)?.dataset.key;
    if (id && id !== focusedId) {
      setFocusedId(id);
    }
  };
  // A duplicate's link goes to its original even when that row is not drawn yet.
  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const link =
      event.target instanceof Element ? event.target.closest('a[href^="#event-"]') : null;
    const id = link?.getAttribute('href')?.slice('#event-'.length);
    if (id && goTo(id)) {
      event.preventDefault();
    }
  };
  const bulk = async (action: 'accept' | 'reject') => {
    await onBulk(chosen, action);
    setSelected(new Set());
  };

  return (
    <section aria-labelledby="review-heading">
      <h3 id="review-heading">Events ({total})</h3>
      <div className="bulk-bar" role="toolbar" aria-label="Selected events">
        <button
          type="button"
          onClick={() => setSelected(new Set(proposed.map((row) => row.data.id)))}
          disabled={proposed.length === 0}
        >
          Select all proposed ({proposed.length})
        </button>
        <span aria-live="polite">{chosen.length} selected</span>
        <button type="button" disabled={chosen.length === 0} onClick={() => bulk('accept')}>
          Accept selected
        </button>
        <button type="button" disabled={chosen.length === 0} onClick={() => bulk('reject')}>
          Reject selected
        </button>
        {chosen.length > 0 && (
          <button type="button" className="link" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        )}
      </div>
      {rows.length < total && (
        <p className="muted" role="status">
          Loaded {rows.length} of {total} events…
        </p>
      )}
      <div className="review-scroller" ref={scrollerRef}>
        {rows.length === 0 ? (
          <p className="empty">No events match. Import a file, add an event or pin a moment.</p>
        ) : (
          <table
            className="data-table timeline review-table"
            aria-labelledby="review-heading"
            aria-rowcount={total + 1}
          >
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">
                  <span className="visually-hidden">Selected</span>
                </th>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Source</th>
                <th scope="col">Kind</th>
                <th scope="col">What happened</th>
                <th scope="col">Review</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody ref={bodyRef} onKeyDown={onKeyDown} onFocus={onFocus} onClick={onClick}>
              {plan.map((item) => {
                if (item.kind === 'gap') {
                  return (
                    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a gap holds nothing focusable; it only stands for the rows left out
                    <tr key={item.key} className="row-gap" aria-hidden="true">
                      <td colSpan={7} style={{ height: item.height }} />
                    </tr>
                  );
                }
                const row = rows[item.index];
                if (!row) {
                  return null;
                }
                const event = row.data;
                return (
                  <ReviewRow
                    key={event.id}
                    event={event}
                    abilities={row.abilities}
                    position={item.index}
                    checked={selected.has(event.id)}
                    current={currentId === event.id}
                    editing={editing === event.id}
                    original={event.duplicateOfId ? byId.get(event.duplicateOfId) : undefined}
                    handlers={handlers}
                  />
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
