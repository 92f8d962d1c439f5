import { z } from 'zod';
import {
  incidentKinds,
  incidentStatuses,
  instantPrecisions,
  keyInstantNames,
  severities,
} from '../domain/incident.ts';
import { commaList } from './comma-list.ts';
import { instantSchema, isoDateSchema, pageQuerySchema, text } from './common.ts';
import { limits } from './limits.ts';

/** One key instant as sent by a client; `source` defaults to `manual`. */
export const keyInstantInputSchema = z.object({
  at: instantSchema,
  source: z.string().trim().min(1).max(50).default('manual'),
  precision: z.enum(instantPrecisions).default('exact'),
});

/** Key instants by name; `null` clears one. */
export const keyInstantsInputSchema = z
  .object(
    Object.fromEntries(
      keyInstantNames.map((name) => [name, keyInstantInputSchema.nullable().optional()]),
    ) as Record<
      (typeof keyInstantNames)[number],
      z.ZodOptional<z.ZodNullable<typeof keyInstantInputSchema>>
    >,
  )
  .strict();

const servicesSchema = z
  .array(text(limits.serviceNameMax))
  .max(limits.servicesMax)
  .transform((names) => [...new Set(names)]);

/**
 * Run the near-miss rules whenever kind and potential severity themselves parsed, even if
 * other fields failed, so that every issue is reported at once.
 */
const kindAndPotentialParsed = (payload: z.core.ParsePayload) =>
  !payload.issues.some((i) => i.path?.[0] === 'kind' || i.path?.[0] === 'potentialSeverity');

/** Body of `POST /incidents`. */
export const createIncidentBodySchema = z
  .object({
    title: text(limits.titleMax),
    summary: z.string().max(limits.longTextMax).default(''),
    kind: z.enum(incidentKinds),
    severity: z.enum(severities),
    /** Required for a near miss: how bad it could have been. */
    potentialSeverity: z.enum(severities).nullable().default(null),
    isDrill: z.boolean().default(false),
    services: servicesSchema.default([]),
    /** Defaults to true for security incidents. */
    restricted: z.boolean().optional(),
    instants: keyInstantsInputSchema.default({}),
    /** Users (besides the creator) who may see a restricted incident. */
    memberIds: z.array(z.uuid()).max(200).default([]),
  })
  .strict()
  .refine((body) => body.kind !== 'near_miss' || body.potentialSeverity !== null, {
    path: ['potentialSeverity'],
    message: 'A near miss needs its potential severity.',
    when: kindAndPotentialParsed,
  })
  .refine((body) => body.kind === 'near_miss' || body.potentialSeverity === null, {
    path: ['potentialSeverity'],
    message: 'Only a near miss has a potential severity.',
    when: kindAndPotentialParsed,
  });
export type CreateIncidentBody = z.infer<typeof createIncidentBodySchema>;

/** Body of `PATCH /incidents/{id}`: any subset; `instants` merges by name. */
export const updateIncidentBodySchema = z
  .object({
    title: text(limits.titleMax),
    summary: z.string().max(limits.longTextMax),
    kind: z.enum(incidentKinds),
    severity: z.enum(severities),
    potentialSeverity: z.enum(severities).nullable(),
    isDrill: z.boolean(),
    services: servicesSchema,
    restricted: z.boolean(),
    instants: keyInstantsInputSchema,
    memberIds: z.array(z.uuid()).max(200),
  })
  .partial()
  .strict();
export type UpdateIncidentBody = z.infer<typeof updateIncidentBodySchema>;

/** Query of `GET /incidents`: filters combine with AND; lists are OR within a filter. */
export const listIncidentsQuerySchema = pageQuerySchema.extend({
  kind: commaList(z.enum(incidentKinds)).optional(),
  severity: commaList(z.enum(severities)).optional(),
  status: commaList(z.enum(incidentStatuses)).optional(),
  service: z.string().max(limits.serviceNameMax).optional(),
  /** Incidents that started on or after this date (or instant). */
  from: z.union([instantSchema, isoDateSchema]).optional(),
  /** Incidents that started before this date (exclusive) or instant. */
  to: z.union([instantSchema, isoDateSchema]).optional(),
  q: z.string().max(200).optional(),
  isDrill: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>;

const keyInstantSchema = z.object({
  at: z.string(),
  source: z.string(),
  precision: z.enum(instantPrecisions),
});

/** An incident as the API presents it. */
export const incidentSchema = z.object({
  id: z.string(),
  /** `12` in the public series, `S-3` in the restricted one (see `domain/record-number.ts`). */
  number: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(incidentKinds),
  severity: z.enum(severities),
  potentialSeverity: z.enum(severities).nullable(),
  isDrill: z.boolean(),
  status: z.enum(incidentStatuses),
  services: z.array(z.string()),
  restricted: z.boolean(),
  instants: z.record(z.string(), keyInstantSchema),
  memberIds: z.array(z.string()),
  postmortemRequired: z.boolean(),
  postmortemRequiredReasons: z.array(z.string()),
  postmortemIds: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncidentDto = z.infer<typeof incidentSchema>;
