import type { IntegrationKind } from '../../../contracts/integrations.ts';
import type { WebhookDelivery } from '../../api/settings-api.ts';

/** Display names of the webhook senders. */
export const integrationLabels: Record<IntegrationKind, string> = {
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  statuspage: 'Statuspage',
  github: 'GitHub',
};

/** How a delivery ended, in words. */
export const deliveryOutcomeLabels: Record<WebhookDelivery['outcome'], string> = {
  accepted: 'Accepted',
  ignored: 'Received, ignored',
  refused: 'Refused',
  failed: 'Failed',
};
