import { memo } from 'react';
import type { ReviewEvent } from '../../api/timeline-api.ts';
import { type Abilities, can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { TimelineEventForm, type TimelineEventValues } from '../postmortems/TimelineEventForm.tsx';
import { EventBadges } from './EventBadges.tsx';

/** What a row can ask for. */
export type RowAction = 'accept' | 'reject' | 'pin' | 'unpin' | 'edit';

/** What every row may ask of the table: one object for all rows, the same on every render. */
export interface RowHandlers {
  check: (id: string, checked: boolean) => void;
  act: (event: ReviewEvent, action: RowAction) => void;
  save: (event: ReviewEvent, values: TimelineEventValues) => Promise<void>;
  cancelEdit: () => void;
}

interface ReviewRowProps {
  event: ReviewEvent;
  abilities: Abilities;
  /** Position in the whole list (0-based), for screen readers that only see a window. */
  position: number;
  checked: boolean;
  /** Chosen in the lanes. */
  current: boolean;
  editing: boolean;
  /** The event this one duplicates, when loaded. */
  original: ReviewEvent | undefined;
  handlers: RowHandlers;
}

/**
 * One event of the review table: time (as written and with any skew), text, badges, actions,
 * or the edit form in its place. Memoised: it renders again only when its own props change.
 */
export const ReviewRow = memo(function ReviewRow({
  event,
  abilities,
  position,
  checked,
  current,
  editing,
  original,
  handlers,
}: ReviewRowProps) {
  const editable = can(abilities, 'update');
  const when = formatInstant(event.occurredAt);
  const classes = [`status-${event.status}`, current ? 'current' : ''].join(' ');
  return (
    <tr
      id={`event-${event.id}`}
      data-index={position}
      data-key={event.id}
      aria-rowindex={position + 2}
      tabIndex={-1}
      className={classes}
      aria-current={current ? 'true' : undefined}
      data-editing={editing ? 'true' : undefined}
    >
      {editing ? (
        <td colSpan={7}>
          <TimelineEventForm
            initial={event}
            submitLabel="Save and accept"
            onCancel={handlers.cancelEdit}
            onSubmit={(values) => handlers.save(event, values)}
          />
        </td>
      ) : (
        <>
          <td>
            {editable && (
              <input
                type="checkbox"
                checked={checked}
                onChange={(change) => handlers.check(event.id, change.target.checked)}
                aria-label={`Select event at ${when}`}
              />
            )}
          </td>
          <td>
            <time dateTime={event.occurredAt}>{when}</time>
            {event.originalTimestamp && (
              <div className="muted small">
                as written: {event.originalTimestamp}
                {event.originalZone ? ` (${event.originalZone})` : ''}
              </div>
            )}
            {event.skewedOccurredAt && (
              <div className="muted small">
                with clock skew: {formatInstant(event.skewedOccurredAt)}
              </div>
            )}
          </td>
          <td>{postmortemLabels.timelineSource[event.source]}</td>
          <td>{postmortemLabels.timelineKind[event.kind]}</td>
          <td className="prewrap">
            {event.actor && <strong>{event.actor}: </strong>}
            {event.text} <EventBadges event={event} original={original} />
          </td>
          <td>
            <span className={`tag status-tag-${event.status}`}>
              {postmortemLabels.timelineStatus[event.status]}
            </span>
          </td>
          <td className="row-actions">
            {editable && event.status !== 'accepted' && (
              <button type="button" className="link" onClick={() => handlers.act(event, 'accept')}>
                Accept<span className="visually-hidden"> event at {when}</span>
              </button>
            )}
            {editable && event.status !== 'rejected' && (
              <button type="button" className="link" onClick={() => handlers.act(event, 'reject')}>
                Reject<span className="visually-hidden"> event at {when}</span>
              </button>
            )}
            {editable && (
              <button type="button" className="link" onClick={() => handlers.act(event, 'edit')}>
                Edit<span className="visually-hidden"> event at {when}</span>
              </button>
            )}
            {editable && (
              <button
                type="button"
                className="link"
                onClick={() => handlers.act(event, event.pinned ? 'unpin' : 'pin')}
              >
                {event.pinned ? 'Unpin' : 'Pin'}
                <span className="visually-hidden"> event at {when}</span>
              </button>
            )}
          </td>
        </>
      )}
    </tr>
  );
});
