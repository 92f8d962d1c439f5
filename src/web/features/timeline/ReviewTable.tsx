import { useState } from 'react';
import type { ReviewEvent } from '../../api/timeline-api.ts';
import type { Abilities } from '../../lib/abilities.ts';
import { TimelineEventForm, type TimelineEventValues } from '../postmortems/TimelineEventForm.tsx';
import { ReviewRow, type RowAction } from './ReviewRow.tsx';

interface ReviewTableProps {
  rows: Array<{ data: ReviewEvent; abilities: Abilities }>;
  currentId: string | null;
  onAction: (event: ReviewEvent, action: Exclude<RowAction, 'edit'>) => void;
  onEdit: (event: ReviewEvent, values: TimelineEventValues) => Promise<void>;
  onBulk: (events: ReviewEvent[], action: 'accept' | 'reject') => Promise<void>;
}

/**
 * The review checkpoint as a table, the keyboard and screen-reader view of the lanes:
 * accept, edit, reject or pin each event, or select several and accept or reject them at once.
 */
export function ReviewTable({ rows, currentId, onAction, onEdit, onBulk }: ReviewTableProps) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const byId = new Map(rows.map((row) => [row.data.id, row.data]));
  const chosen = rows.filter((row) => selected.has(row.data.id)).map((row) => row.data);
  const proposed = rows.filter((row) => row.data.status === 'proposed');
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    setSelected(next);
  };
  const bulk = async (action: 'accept' | 'reject') => {
    await onBulk(chosen, action);
    setSelected(new Set());
  };

  return (
    <section aria-labelledby="review-heading">
      <h3 id="review-heading">Events ({rows.length})</h3>
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
      {rows.length === 0 ? (
        <p className="empty">No events match. Import a file, add an event or pin a moment.</p>
      ) : (
        <table className="data-table timeline review-table">
          <thead>
            <tr>
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
          <tbody>
            {rows.map(({ data: event, abilities }) =>
              editing === event.id ? (
                <tr key={event.id} id={`event-${event.id}`}>
                  <td colSpan={7}>
                    <TimelineEventForm
                      initial={event}
                      submitLabel="Save and accept"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        await onEdit(event, values);
                        setEditing(null);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <ReviewRow
                  key={event.id}
                  event={event}
                  abilities={abilities}
                  checked={selected.has(event.id)}
                  current={currentId === event.id}
                  onCheck={(on) => toggle(event.id, on)}
                  onAction={(action) =>
                    action === 'edit' ? setEditing(event.id) : onAction(event, action)
                  }
                  lookup={(id) => byId.get(id)}
                />
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
