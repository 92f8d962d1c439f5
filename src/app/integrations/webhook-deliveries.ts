import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type WebhookDeliveryRecord,
  webhookDeliveriesRepository,
} from '../../storage/repositories/webhook-deliveries-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** How a delivery ended, as the admin page groups them. */
export type DeliveryOutcome = 'accepted' | 'ignored' | 'refused' | 'failed';

/** What the webhook front door saw of one delivery. */
export interface DeliveryReport {
  integrationId: string;
  kind: string;
  statusCode: number;
  summary: string;
}

/** The outcome of a delivery from the status it was answered with. */
export function deliveryOutcome(statusCode: number): DeliveryOutcome {
  if (statusCode === 200 || statusCode === 201) {
    return 'accepted';
  }
  if (statusCode === 202) {
    return 'ignored';
  }
  return statusCode === 401 || statusCode === 403 ? 'refused' : 'failed';
}

/**
 * Logs one delivery (no body, token or signature). A log, not a change anybody made: it is
 * not audited, and a failure to log never changes the sender's answer.
 */
export async function recordWebhookDelivery(deps: AppDeps, report: DeliveryReport): Promise<void> {
  await webhookDeliveriesRepository.insert(deps.db, {
    id: deps.newId(),
    integrationId: report.integrationId,
    kind: report.kind,
    statusCode: report.statusCode,
    outcome: deliveryOutcome(report.statusCode),
    summary: report.summary.slice(0, 500),
    receivedAt: deps.clock(),
  });
}

/** The latest deliveries to every webhook URL (admins only). */
export async function listWebhookDeliveries(
  deps: AppDeps,
  actor: Actor,
): Promise<WebhookDeliveryRecord[]> {
  if (actor.role !== 'admin') {
    throw new DomainError('FORBIDDEN', 'Only admins see webhook deliveries.');
  }
  return webhookDeliveriesRepository.listLatest(deps.db, 100);
}
