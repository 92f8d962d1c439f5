import { z } from 'zod';

const reference = z.looseObject({ id: z.string(), summary: z.string().optional() });

/** The incident a v3 event carries as `data` (most event types). */
export const v3IncidentSchema = z.looseObject({
  id: z.string(),
  type: z.literal('incident'),
  number: z.number().optional(),
  status: z.string().optional(),
  title: z.string().optional(),
  html_url: z.string().optional(),
  service: reference.nullish(),
  priority: reference.nullish(),
  urgency: z.string().nullish(),
});

/** `data` of `incident.annotated` / `incident.status_update_published`: `{incident, content|message}`. */
export const v3NoteSchema = z.looseObject({
  incident: reference,
  id: z.string().optional(),
  content: z.string().optional(),
  message: z.string().optional(),
  type: z.string().optional(),
});

/** PagerDuty webhook v3 body. */
export const pagerdutyV3Schema = z.object({
  event: z.looseObject({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: z.string().optional(),
    occurred_at: z.string(),
    agent: reference.nullish(),
    data: z.union([v3IncidentSchema, v3NoteSchema, z.looseObject({ id: z.string().optional() })]),
  }),
});
export type PagerdutyV3Payload = z.infer<typeof pagerdutyV3Schema>;

/** PagerDuty legacy v2 body: `messages[]`, each with optional `log_entries[]`. */
export const pagerdutyV2Schema = z.object({
  messages: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        event: z.string(),
        created_on: z.string().optional(),
        incident: z.looseObject({ id: z.string().optional() }).optional(),
        log_entries: z
          .array(
            z.looseObject({
              id: z.string().min(1),
              type: z.string(),
              summary: z.string().optional(),
              created_at: z.string(),
              agent: reference.nullish(),
              service: reference.nullish(),
              incident: reference.nullish(),
              channel: z.looseObject({ summary: z.string().optional() }).nullish(),
            }),
          )
          .optional(),
      }),
    )
    .min(1),
});
export type PagerdutyV2Payload = z.infer<typeof pagerdutyV2Schema>;
