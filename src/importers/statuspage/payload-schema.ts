import { z } from 'zod';

/** One entry of `incident.incident_updates[]` (the array is newest-first). */
const incidentUpdateSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  body: z.string().nullish(),
  created_at: z.string(),
});

/** Statuspage webhook: an incident notification or a component status change. */
export const statuspagePayloadSchema = z.looseObject({
  meta: z.looseObject({ generated_at: z.string().optional() }).optional(),
  page: z.looseObject({ id: z.string() }),
  incident: z
    .looseObject({
      id: z.string().min(1),
      name: z.string(),
      status: z.string(),
      impact: z.string().nullish(),
      created_at: z.string(),
      resolved_at: z.string().nullish(),
      shortlink: z.string().nullish(),
      incident_updates: z.array(incidentUpdateSchema),
    })
    .optional(),
  component: z.looseObject({ id: z.string(), name: z.string() }).optional(),
  component_update: z
    .looseObject({
      id: z.string().min(1),
      old_status: z.string(),
      new_status: z.string(),
      created_at: z.string(),
      component_id: z.string().optional(),
    })
    .optional(),
});
export type StatuspagePayload = z.infer<typeof statuspagePayloadSchema>;
