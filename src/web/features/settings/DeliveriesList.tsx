import type { WebhookDelivery } from '../../api/settings-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { deliveryOutcomeLabels } from './integration-labels.ts';

/** The last deliveries of one integration: when, the outcome and what happened. */
export function DeliveriesList({
  deliveries,
  name,
}: {
  deliveries: WebhookDelivery[];
  name: string;
}) {
  if (deliveries.length === 0) {
    return <p className="muted">Nothing received yet.</p>;
  }
  return (
    <ol className="audit-list" aria-label={`Last deliveries of ${name}`}>
      {deliveries.map((delivery) => (
        <li key={delivery.id}>
          <time dateTime={delivery.receivedAt}>{formatInstant(delivery.receivedAt)}</time>{' '}
          <strong
            className={
              delivery.outcome === 'accepted' || delivery.outcome === 'ignored'
                ? 'outcome-ok'
                : 'outcome-failed'
            }
          >
            {deliveryOutcomeLabels[delivery.outcome]}
          </strong>{' '}
          <span className="muted">(HTTP {delivery.statusCode})</span> {delivery.summary}
        </li>
      ))}
    </ol>
  );
}
