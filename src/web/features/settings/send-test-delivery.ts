import type { IntegrationKind } from '../../../contracts/integrations.ts';

/** Kinds whose test delivery the page can send itself: an Alertmanager-shaped alert. */
export const testableKinds: ReadonlySet<IntegrationKind> = new Set(['alertmanager', 'grafana']);

/**
 * A harmless test alert: low severity and no service, so the intake policy records the
 * delivery and ignores the alert instead of opening an incident.
 */
export function testAlert(now: Date) {
  return {
    version: '4',
    status: 'firing',
    receiver: 'debrief',
    groupLabels: { alertname: 'DebriefTestDelivery' },
    commonLabels: { alertname: 'DebriefTestDelivery', severity: 'info' },
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'DebriefTestDelivery', severity: 'info' },
        annotations: { summary: 'Test delivery sent from the Debrief integrations page' },
        startsAt: now.toISOString(),
        fingerprint: `debrief-test-${now.getTime()}`,
      },
    ],
  };
}

/** Posts the test alert to the webhook URL as the sender would; returns the HTTP status. */
export async function sendTestDelivery(webhookPath: string): Promise<number> {
  const response = await fetch(webhookPath, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'omit',
    body: JSON.stringify(testAlert(new Date())),
  });
  return response.status;
}
