import { z } from 'zod';
import { keyInstantNames } from '../domain/incident.ts';
import { proposableInstants } from '../domain/key-instant-proposals.ts';
import {
  timelineEventKinds,
  timelineEventStatuses,
  timelineSources,
} from '../domain/timeline-event.ts';
import { commaList } from './comma-list.ts';
import { abilitiesSchema, idSchema, instantSchema, pageInfoSchema } from './common.ts';
import { limits } from './limits.ts';
import { timelineEventSchema } from './postmortem-parts.ts';

export { proposableInstants };

/** Ids asked for by `ids` at most: a reader after a change asks for the few that changed. */
export const timelineIdsMax = 100;

/** Filters and paging of the merged timeline. */
export const timelineQuerySchema = z.object({
  /** Comma-separated sources. */
  source: commaList(z.enum(timelineSources)).optional(),
  /** Comma-separated review statuses. */
  status: commaList(z.enum(timelineEventStatuses)).optional(),
  /** Comma-separated kinds. */
  kind: commaList(z.enum(timelineEventKinds)).optional(),
  pinned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  /** Comma-separated event ids: only these (those that match the other filters). */
  ids: commaList(idSchema, { max: timelineIdsMax }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
});

/** A timeline event as the timeline shows it: `skewedOccurredAt` when its source has a skew. */
export const timelineItemSchema = timelineEventSchema.extend({
  skewedOccurredAt: z.string().optional(),
});

/** A clock skew of one source. */
export const clockSkewSchema = z.object({
  source: z.enum(timelineSources),
  offsetMs: z.number().int(),
  reason: z.string(),
  version: z.number().int(),
});

/** One page of the merged timeline with the skews of its sources. */
export const timelinePageSchema = z.object({
  data: z.array(z.object({ data: timelineItemSchema, abilities: abilitiesSchema })),
  page: pageInfoSchema,
  skews: z.array(clockSkewSchema.pick({ source: true, offsetMs: true, reason: true })),
});

/** Filters of the timeline's versions: the filters of its pages. */
export const timelineVersionsQuerySchema = timelineQuerySchema.pick({
  source: true,
  status: true,
  kind: true,
  pinned: true,
  from: true,
  to: true,
});

/**
 * Every event matching the filters as its id and version, in timeline order, with what each
 * row shares (skews, abilities): a reader holding the rows compares and asks only for those
 * that changed. `ids[i]` has version `versions[i]`.
 */
export const timelineVersionsSchema = z.object({
  data: z.object({ ids: z.array(z.string()), versions: z.array(z.number().int()) }),
  skews: timelinePageSchema.shape.skews,
  /** The abilities every row of the timeline carries. */
  abilities: abilitiesSchema,
});

/** The review checkpoint in bulk. */
export const reviewTimelineBodySchema = z
  .object({
    eventIds: z.array(idSchema).min(1).max(1000),
    action: z.enum(['accept', 'reject']),
  })
  .strict();

/** Sets a source's clock skew; `offsetMs` is added to the source's instants when shown. */
export const putClockSkewBodySchema = z
  .object({
    /** Up to ±7 days. */
    offsetMs: z.number().int().min(-604_800_000).max(604_800_000),
    reason: z.string().trim().max(limits.shortTextMax).default(''),
  })
  .strict();

export const clockSkewParamsSchema = z.object({
  id: idSchema,
  source: z.enum(timelineSources),
});

const keyInstantValueSchema = z.object({
  at: z.string(),
  source: z.string(),
  precision: z.enum(['exact', 'estimated']),
});

/** A key instant the accepted timeline proposes, with its evidence and the current value. */
export const keyInstantProposalSchema = z.object({
  name: z.enum(keyInstantNames),
  proposed: z
    .object({
      at: z.string(),
      eventId: z.string(),
      source: z.enum(timelineSources),
      /** `estimated` when inferred (an error burst, a metric crossing, a chat message). */
      precision: z.enum(['exact', 'estimated']).default('exact'),
      /** Why the evidence says so, e.g. `first line of an error burst`. */
      basis: z.string().default(''),
    })
    .nullable(),
  /** What the other sources suggest, one per source. */
  alternatives: z
    .array(
      z.object({
        at: z.string(),
        eventId: z.string(),
        source: z.enum(timelineSources),
        basis: z.string(),
      }),
    )
    .default([]),
  current: keyInstantValueSchema.nullable(),
  /** The other proposals this one is out of order with (acknowledged before detected, …). */
  outOfOrderWith: z.array(z.enum(keyInstantNames)).default([]),
});

export const keyInstantProposalsSchema = z.object({
  data: z.object({ incidentId: z.string(), proposals: z.array(keyInstantProposalSchema) }),
  abilities: abilitiesSchema,
});

/** A person confirms one proposal: the incident's instant is set from this accepted event. */
export const confirmKeyInstantBodySchema = z
  .object({ name: z.enum(proposableInstants), eventId: idSchema })
  .strict();
