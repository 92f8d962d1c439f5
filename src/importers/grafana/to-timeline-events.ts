import { alertsToTimelineEvents } from '../alertmanager/to-timeline-events.ts';
import type { ImportResult } from '../imported-event.ts';
import type { GrafanaPayload } from './payload-schema.ts';

/** Grafana alerts read as Alertmanager alerts, with the values, the image and Grafana links kept. */
export function grafanaToTimelineEvents(payload: GrafanaPayload, fileName: string): ImportResult {
  const result = alertsToTimelineEvents('grafana', payload, fileName);
  const events = result.events.map((event) => {
    const index = Number(event.rawRef?.split('/alerts/')[1] ?? 0);
    const alert = payload.alerts[index];
    return {
      ...event,
      details: {
        ...event.details,
        orgId: payload.orgId ?? null,
        state: payload.state ?? null,
        valueString: alert?.valueString ?? null,
        silenceURL: alert?.silenceURL ?? null,
        dashboardURL: alert?.dashboardURL || null,
        panelURL: alert?.panelURL || null,
        values: alert?.values ?? null,
        imageURL: alert?.imageURL || null,
      },
    };
  });
  return { ...result, events };
}
