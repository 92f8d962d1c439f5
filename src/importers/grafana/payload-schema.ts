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
        /** Grafana 11: each query's value by its ref id (`{ "A": 7.9 }`). */
        values: z.record(z.string(), z.number().nullable()).nullish(),
        /** A rendered picture of the panel, when image rendering is on. */
        imageURL: z.string().optional(),
      }),
    )
    .min(1),
});
export type GrafanaPayload = z.infer<typeof grafanaPayloadSchema>;
