import type { ReviewEvent } from '../../api/timeline-api.ts';
import { formatInstant } from '../../lib/datetime.ts';

interface EventBadgesProps {
  event: ReviewEvent;
  /** The event a duplicate points at, to name it in the link; undefined when not loaded. */
  original: ReviewEvent | undefined;
}

/** Pinned, ambiguities (each with its message) and the duplicate link of one event. */
export function EventBadges({ event, original }: EventBadgesProps) {
  return (
    <>
      {event.pinned && <span className="tag">Pinned</span>}
      {event.ambiguities.map((ambiguity) => (
        <span key={ambiguity.code} className="tag tag-warn ambiguity" title={ambiguity.message}>
          Ambiguous: {ambiguity.message}
        </span>
      ))}
      {event.duplicateOfId && (
        <a className="tag duplicate" href={`#event-${event.duplicateOfId}`}>
          Duplicate of{' '}
          {original
            ? `${original.source} event at ${formatInstant(original.occurredAt)}`
            : 'an event outside the filters'}
        </a>
      )}
    </>
  );
}
