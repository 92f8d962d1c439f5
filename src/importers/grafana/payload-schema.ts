import { z } from 'zod';
import { alertmanagerPayloadSchema, alertSchema } from '../alertmanager/payload-schema.ts';

/** Grafana unified alerting (v9+) webhook: the Alertmanager shape plus Grafana's fields. */
export const grafanaPayloadSchema = alertmanagerPayloadSchema.extend({
  orgId: z.number().int().optional(),
  state: z.string().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  alerts: z
    .array(
      alertSchema.extend({
        silenceURL: z.string().optional(),
        dashboardURL: z.string().optional(),
        panelURL: z.string().optional(),
        valueString: z.string().optional(),
      }),
    )
    .min(1),
});
export type GrafanaPayload = z.infer<typeof grafanaPayloadSchema>;
