import type { ReviewEvent } from '../../api/timeline-api.ts';
import { type Abilities, can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { EventBadges } from './EventBadges.tsx';

/** What a row can ask for. */
export type RowAction = 'accept' | 'reject' | 'pin' | 'unpin' | 'edit';

interface ReviewRowProps {
  event: ReviewEvent;
  abilities: Abilities;
  checked: boolean;
  current: boolean;
  onCheck: (checked: boolean) => void;
  onAction: (action: RowAction) => void;
  lookup: (id: string) => ReviewEvent | undefined;
}

/** One event of the review table: time (as written and with any skew), text, badges, actions. */
export function ReviewRow({
  event,
  abilities,
  checked,
  current,
  onCheck,
  onAction,
  lookup,
}: ReviewRowProps) {
  const editable = can(abilities, 'update');
  const when = formatInstant(event.occurredAt);
  const classes = [`status-${event.status}`, current ? 'current' : ''].join(' ');
  return (
    <tr id={`event-${event.id}`} className={classes} aria-current={current ? 'true' : undefined}>
      <td>
        {editable && (
          <input
            type="checkbox"
            checked={checked}
            onChange={(change) => onCheck(change.target.checked)}
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
        {event.text} <EventBadges event={event} lookup={lookup} />
      </td>
      <td>
        <span className={`tag status-tag-${event.status}`}>
          {postmortemLabels.timelineStatus[event.status]}
        </span>
      </td>
      <td className="row-actions">
        {editable && event.status !== 'accepted' && (
          <button type="button" className="link" onClick={() => onAction('accept')}>
            Accept<span className="visually-hidden"> event at {when}</span>
          </button>
        )}
        {editable && event.status !== 'rejected' && (
          <button type="button" className="link" onClick={() => onAction('reject')}>
            Reject<span className="visually-hidden"> event at {when}</span>
          </button>
        )}
        {editable && (
          <button type="button" className="link" onClick={() => onAction('edit')}>
            Edit<span className="visually-hidden"> event at {when}</span>
          </button>
        )}
        {editable && (
          <button
            type="button"
            className="link"
            onClick={() => onAction(event.pinned ? 'unpin' : 'pin')}
          >
            {event.pinned ? 'Unpin' : 'Pin'}
            <span className="visually-hidden"> event at {when}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
