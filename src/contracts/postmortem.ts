import { z } from 'zod';
import { incidentKinds, severities } from '../domain/incident.ts';
import { postmortemScopes } from '../domain/postmortem.ts';
import { postmortemPhases } from '../domain/postmortem-phases.ts';
import { commaList } from './comma-list.ts';
import { instantSchema, pageQuerySchema, text } from './common.ts';
import { limits } from './limits.ts';
import { timelineEventSchema } from './postmortem-parts.ts';
import { unmetConditionSchema } from './unmet-condition.ts';

/** Body of `POST /postmortems`: one incident, or several for a thematic review. */
export const createPostmortemBodySchema = z
  .object({
    incidentIds: z.array(z.uuid()).min(1).max(100),
    title: text(limits.titleMax).optional(),
    scope: z.enum(postmortemScopes).optional(),
    /**
     * Who sees the review while it is restricted. The opener is always among them, listed or
     * not — nobody locks themselves out of what they open (as `PATCH` refuses with
     * `ACCESS_CHANGE_EXCLUDES_ACTOR`) — and so are the members of any restricted incident it
     * reviews: the answer's `memberIds` lists everyone.
     */
    memberIds: z
      .array(z.uuid())
      .max(200)
      .default([])
      .describe(
        "Members of the review while it is restricted. The opener is always added, listed or not, and so are the members of any restricted incident it reviews: the answer's memberIds lists everyone.",
      ),
    /**
     * Hidden from everyone but its members from the start (admins only, as restricting later
     * is): numbered in the restricted series, so no gap shows in the public one.
     */
    restricted: z.boolean().optional(),
  })
  .strict()
  .refine((b) => new Set(b.incidentIds).size === b.incidentIds.length, {
    path: ['incidentIds'],
    message: 'Each incident may appear once.',
  })
  .refine((b) => b.scope !== 'single' || b.incidentIds.length === 1, {
    path: ['scope'],
    message: 'A single-incident postmortem reviews exactly one incident.',
  })
  .refine((b) => b.scope !== 'thematic' || b.title !== undefined, {
    path: ['title'],
    message: 'A thematic postmortem needs a title naming its theme.',
  });
export type CreatePostmortemBody = z.infer<typeof createPostmortemBodySchema>;

/** Body of `PATCH /postmortems/{id}`; `sections` merges by key, an empty string clears one. */
export const updatePostmortemBodySchema = z
  .object({
    title: text(limits.titleMax),
    sections: z.record(
      z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
      z.string().max(limits.sectionMax),
    ),
    analysisMeetingAt: instantSchema.nullable(),
    analysisMeetingNotes: z.string().max(limits.longTextMax),
    /** Participants (ids) who attended the analysis meeting. */
    analysisMeetingAttendeeIds: z.array(z.uuid()).max(200),
    restricted: z.boolean(),
    memberIds: z.array(z.uuid()).max(200),
  })
  .partial()
  .strict();
export type UpdatePostmortemBody = z.infer<typeof updatePostmortemBodySchema>;

/** Body of `POST /postmortems/{id}/transitions`. Going back needs a reason. */
export const transitionBodySchema = z
  .object({
    to: z.enum(postmortemPhases),
    reason: z.string().trim().max(limits.shortTextMax).optional(),
  })
  .strict();

/** Query of `GET /postmortems/{id}`: `include=timeline` adds the whole timeline. */
export const getPostmortemQuerySchema = z.object({
  include: z.enum(['timeline']).optional(),
});

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of `GET /postmortems`: filters combine with AND; lists are OR within a filter. */
export const listPostmortemsQuerySchema = pageQuerySchema.extend({
  phase: commaList(z.enum(postmortemPhases)).optional(),
  incidentId: z.uuid().optional(),
  /** Words of the title, or the number (`12`, `PM-12`). */
  q: z.string().max(200).optional(),
  /** The worst severity among the reviewed incidents, comma-separated. */
  severity: commaList(z.enum(severities)).optional(),
  /** A kind of any reviewed incident, comma-separated. */
  kind: commaList(z.enum(incidentKinds)).optional(),
  /** A service any reviewed incident touched. */
  service: z.string().max(limits.serviceNameMax).optional(),
  /** `true`: only postmortems that have missed a phase deadline. */
  overdue: booleanFlag.optional(),
  /** `true`: only postmortems the caller created, is a member or participant of, or owns an action item in. */
  mine: booleanFlag.optional(),
});

export { unmetConditionSchema };

export const phaseDeadlineSchema = z.object({
  phase: z.string(),
  dueOn: z.string(),
  reached: z.boolean(),
  overdue: z.boolean(),
});

/** A postmortem as the API presents it, with what stands between it and the next phase. */
export const postmortemSchema = z.object({
  id: z.string(),
  /** `12` in the public series, `S-3` in the restricted one (see `domain/record-number.ts`). */
  number: z.string(),
  title: z.string(),
  scope: z.enum(postmortemScopes),
  phase: z.enum(postmortemPhases),
  restricted: z.boolean(),
  incidentIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  severity: z.enum(severities),
  sections: z.record(z.string(), z.string()),
  analysisMeetingAt: z.string().nullable(),
  analysisMeetingNotes: z.string(),
  analysisMeetingAttendeeIds: z.array(z.string()),
  nextPhase: z.enum(postmortemPhases).nullable(),
  unmetForNextPhase: z.array(unmetConditionSchema),
  /**
   * The text sections of the report template chosen for this review (the policy's
   * `reportSections` unless a template, e.g. a security incident's, names its own).
   */
  reportSections: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  deadlines: z.array(phaseDeadlineSchema),
  counts: z.object({
    timelineEvents: z.number().int(),
    contributingFactors: z.number().int(),
    actionItems: z.number().int(),
    participants: z.number().int(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Present with `?include=timeline`: the whole timeline in order. */
  timeline: z.array(timelineEventSchema).optional(),
});
export type PostmortemDto = z.infer<typeof postmortemSchema>;

/** A postmortem in a list: no guard evaluation, just the essentials. */
export const postmortemSummarySchema = postmortemSchema.pick({
  id: true,
  number: true,
  title: true,
  scope: true,
  phase: true,
  restricted: true,
  incidentIds: true,
  severity: true,
  version: true,
  createdAt: true,
  updatedAt: true,
});
