import { z } from 'zod';
import { openQuestionKinds, openQuestionStatuses } from '../domain/open-question.ts';
import { participantRoles } from '../domain/participant.ts';
import { instantSchema, text } from './common.ts';
import { limits } from './limits.ts';

/** Limits of the meeting facilitation, shared with the web forms. */
export const facilitationLimits = {
  meetingMinutesMin: 10,
  meetingMinutesMax: 480,
  meetingMinutesDefault: 60,
  segmentSizeMax: 50,
  segmentSizeDefault: 8,
} as const;

// Open questions and disagreements

/** Body of `POST /postmortems/{id}/open-questions`. */
export const createOpenQuestionBodySchema = z
  .object({
    text: text(limits.longTextMax),
    kind: z.enum(openQuestionKinds).default('question'),
  })
  .strict();

/** Body of `PATCH /open-questions/{id}`: resolving needs a resolution. */
export const updateOpenQuestionBodySchema = z
  .object({
    text: text(limits.longTextMax),
    kind: z.enum(openQuestionKinds),
    status: z.enum(openQuestionStatuses),
    /** How it was answered or settled; required with `status: resolved`. */
    resolution: z.string().trim().max(limits.longTextMax).nullable(),
  })
  .partial()
  .strict()
  .refine((b) => b.status !== 'resolved' || (b.resolution ?? '').length > 0, {
    path: ['resolution'],
    message: 'Say how it was resolved.',
  })
  .refine((b) => b.resolution !== null || b.status === 'open', {
    path: ['resolution'],
    message: 'Only a re-opened question loses its resolution.',
  });

export const openQuestionSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  text: z.string(),
  kind: z.enum(openQuestionKinds),
  status: z.enum(openQuestionStatuses),
  resolution: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type OpenQuestionDto = z.infer<typeof openQuestionSchema>;

// Meeting record

/** Body of `PUT /postmortems/{id}/meeting`: the whole meeting record at once. */
export const recordMeetingBodySchema = z
  .object({
    /** When the meeting took place; `null` clears the record. */
    heldAt: instantSchema.nullable(),
    notes: z.string().max(limits.longTextMax).default(''),
    /** Participants (ids of this postmortem's participants) who attended. */
    attendeeIds: z.array(z.uuid()).max(200).default([]),
  })
  .strict()
  .refine((b) => new Set(b.attendeeIds).size === b.attendeeIds.length, {
    path: ['attendeeIds'],
    message: 'Each attendee may appear once.',
  });
export type RecordMeetingBody = z.infer<typeof recordMeetingBodySchema>;

// Agenda

/** Query of `GET /postmortems/{id}/agenda`. */
export const agendaQuerySchema = z.object({
  /** Length of the meeting in minutes; the sections' timeboxes add up to it. */
  minutes: z.coerce
    .number()
    .int()
    .min(facilitationLimits.meetingMinutesMin)
    .max(facilitationLimits.meetingMinutesMax)
    .default(facilitationLimits.meetingMinutesDefault),
  /** Most timeline events per walk-through segment. */
  segmentSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(facilitationLimits.segmentSizeMax)
    .default(facilitationLimits.segmentSizeDefault),
});

export const agendaItemSchema = z.object({
  subjectType: z.enum(['timeline_event', 'open_question', 'why_node', 'action_item']),
  subjectId: z.string(),
  text: z.string(),
  /** The subject's vocabulary value: event kind, question kind (or `resolved`), mark, status. */
  tag: z.string(),
  occurredAt: z.string().nullable(),
  pinned: z.boolean(),
  depth: z.number().int(),
  prompts: z.array(z.string()),
});
export type AgendaItemDto = z.infer<typeof agendaItemSchema>;

export const agendaSectionSchema = z.object({
  key: z.string(),
  kind: z.enum(['timeline', 'pinned_moments', 'open_questions', 'why_tree', 'action_items']),
  part: z.object({ index: z.number().int(), of: z.number().int() }),
  minutes: z.number().int(),
  items: z.array(agendaItemSchema),
  prompts: z.array(z.string()),
});
export type AgendaSectionDto = z.infer<typeof agendaSectionSchema>;

export const participationSchema = z.object({
  byRole: z.array(
    z.object({
      role: z.enum(participantRoles),
      members: z.array(z.object({ id: z.string(), name: z.string(), attended: z.boolean() })),
    }),
  ),
  /** Expected roles (engineering, product, support, management, facilitator) nobody covers. */
  gaps: z.array(z.enum(participantRoles)),
});

/** Response of `GET /postmortems/{id}/agenda`. */
export const agendaSchema = z.object({
  postmortemId: z.string(),
  totalMinutes: z.number().int(),
  sections: z.array(agendaSectionSchema),
  participation: participationSchema,
  meeting: z.object({
    heldAt: z.string().nullable(),
    notes: z.string(),
    attendeeIds: z.array(z.string()),
  }),
});
export type AgendaDto = z.infer<typeof agendaSchema>;
