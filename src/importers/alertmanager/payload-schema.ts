import { z } from 'zod';

const stringMap = z.record(z.string(), z.string());

/** One alert of an Alertmanager (or Grafana) webhook. */
export const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']).optional(),
  labels: stringMap,
  annotations: stringMap.optional(),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().optional(),
});
export type AlertmanagerAlert = z.infer<typeof alertSchema>;

/** Alertmanager webhook v4 body (older captures lack `version`, per-alert `status`, `fingerprint`). */
export const alertmanagerPayloadSchema = z.looseObject({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: z.string().optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  alerts: z.array(alertSchema).min(1),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;
