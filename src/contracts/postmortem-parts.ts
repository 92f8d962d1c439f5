import { z } from 'zod';
import {
  actionItemKinds,
  actionItemPriorities,
  actionItemStatuses,
} from '../domain/action-item.ts';
import { participantRoles } from '../domain/participant.ts';
import {
  timelineEventKinds,
  timelineEventStatuses,
  timelineSources,
} from '../domain/timeline-event.ts';
import { instantSchema, isoDateSchema, text } from './common.ts';
import { limits } from './limits.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable();

// Participants

export const createParticipantBodySchema = z
  .object({
    name: text(limits.nameMax),
    userId: z.uuid().nullable().default(null),
    role: z.enum(participantRoles),
  })
  .strict();

export const updateParticipantBodySchema = z
  .object({ name: text(limits.nameMax), role: z.enum(participantRoles), approved: z.boolean() })
  .partial()
  .strict();

export const participantSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  role: z.enum(participantRoles),
  approvedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

// Timeline events

/** Manual entry of a timeline event; imported events arrive through importers. */
export const createTimelineEventBodySchema = z
  .object({
    occurredAt: instantSchema,
    text: text(limits.longTextMax),
    kind: z.enum(timelineEventKinds).default('observation'),
    actor: optionalText(limits.nameMax).default(null),
    pinned: z.boolean().default(false),
  })
  .strict();

export const updateTimelineEventBodySchema = z
  .object({
    occurredAt: instantSchema,
    text: text(limits.longTextMax),
    kind: z.enum(timelineEventKinds),
    status: z.enum(timelineEventStatuses),
    pinned: z.boolean(),
  })
  .partial()
  .strict();

export const timelineEventSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  occurredAt: z.string(),
  text: z.string(),
  kind: z.enum(timelineEventKinds),
  source: z.enum(timelineSources),
  sourceRef: z.string().nullable(),
  externalId: z.string(),
  originalTimestamp: z.string().nullable(),
  originalZone: z.string().nullable(),
  actor: z.string().nullable(),
  status: z.enum(timelineEventStatuses),
  pinned: z.boolean(),
  details: z.record(z.string(), z.unknown()),
  rawRef: z.string().nullable(),
  ambiguities: z.array(z.object({ code: z.string(), message: z.string() })),
  duplicateOfId: z.string().nullable(),
  importId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

// Contributing factors

export const createFactorBodySchema = z
  .object({
    description: text(limits.longTextMax),
    category: text(64),
    isRootCause: z.boolean().default(false),
    acceptedRiskReason: optionalText(limits.shortTextMax).default(null),
  })
  .strict();

export const updateFactorBodySchema = z
  .object({
    description: text(limits.longTextMax),
    category: text(64),
    isRootCause: z.boolean(),
    acceptedRiskReason: optionalText(limits.shortTextMax),
  })
  .partial()
  .strict();

export const factorSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  description: z.string(),
  category: z.string(),
  isRootCause: z.boolean(),
  acceptedRiskReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

// Action items

const actionItemFields = {
  title: text(limits.titleMax),
  kind: z.enum(actionItemKinds),
  ownerName: optionalText(limits.nameMax),
  ownerUserId: z.uuid().nullable(),
  dueDate: isoDateSchema.nullable(),
  successCriterion: optionalText(limits.longTextMax),
  status: z.enum(actionItemStatuses),
  wontDoReason: optionalText(limits.shortTextMax),
  trackerUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable(),
  verificationEvidence: optionalText(limits.longTextMax),
  verificationNote: optionalText(limits.longTextMax),
  priority: z.enum(actionItemPriorities),
  team: optionalText(limits.nameMax),
  services: z.array(z.string().trim().min(1).max(limits.serviceNameMax)).max(50),
  isIdea: z.boolean(),
  linkedFactorIds: z.array(z.uuid()).max(100),
  linkedWhyNodeIds: z.array(z.uuid()).max(100),
  reliesOnServices: z.array(z.string().trim().min(1).max(limits.serviceNameMax)).max(50),
};

export const createActionItemBodySchema = z
  .object({
    title: actionItemFields.title,
    kind: actionItemFields.kind,
    ownerName: actionItemFields.ownerName.default(null),
    ownerUserId: actionItemFields.ownerUserId.default(null),
    /** Omitted: the policy's default for the severity and priority; `null`: no date yet. */
    dueDate: actionItemFields.dueDate.optional(),
    successCriterion: actionItemFields.successCriterion.default(null),
    status: actionItemFields.status.default('open'),
    wontDoReason: actionItemFields.wontDoReason.default(null),
    trackerUrl: actionItemFields.trackerUrl.default(null),
    verificationEvidence: actionItemFields.verificationEvidence.default(null),
    verificationNote: actionItemFields.verificationNote.default(null),
    /** Sets the default due date with the severity when `dueDate` is not given. */
    priority: actionItemFields.priority.default('p2'),
    team: actionItemFields.team.default(null),
    services: actionItemFields.services.default([]),
    /** An idea sits beside the items, unjudged by the guards, until it is promoted. */
    isIdea: actionItemFields.isIdea.default(false),
    linkedFactorIds: actionItemFields.linkedFactorIds.default([]),
    linkedWhyNodeIds: actionItemFields.linkedWhyNodeIds.default([]),
    reliesOnServices: actionItemFields.reliesOnServices.default([]),
  })
  .strict();

const { isIdea: _promotedSeparately, ...updatableActionItemFields } = actionItemFields;

/** Every field may change except `isIdea`: an idea becomes an item through its promotion. */
export const updateActionItemBodySchema = z.object(updatableActionItemFields).partial().strict();

export const actionItemSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  title: z.string(),
  kind: z.enum(actionItemKinds),
  ownerName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  dueDate: z.string().nullable(),
  successCriterion: z.string().nullable(),
  status: z.enum(actionItemStatuses),
  wontDoReason: z.string().nullable(),
  trackerUrl: z.string().nullable(),
  verificationEvidence: z.string().nullable(),
  verificationNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedById: z.string().nullable(),
  priority: z.enum(actionItemPriorities),
  team: z.string().nullable(),
  services: z.array(z.string()),
  isIdea: z.boolean(),
  linkedFactorIds: z.array(z.string()),
  linkedWhyNodeIds: z.array(z.string()),
  reliesOnServices: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Blameless findings and waivers

export const blamelessFindingSchema = z.object({
  key: z.string(),
  rule: z.string(),
  severity: z.string(),
  message: z.string(),
  suggestion: z.string(),
  target: z.object({ field: z.string(), start: z.number(), end: z.number() }),
  excerpt: z.string(),
  waiver: z.object({ reason: z.string(), createdAt: z.string() }).nullable(),
});

/**
 * What the blameless linter reads besides the text: the review's participants (people), the
 * service catalogue (never people) and the team's settings. The editor's hints lint with this
 * very context, so that they match the server's findings and `debrief lint`'s.
 */
export const blamelessContextSchema = z.object({
  people: z.array(z.string()),
  services: z.array(z.string()),
  settings: z.object({
    disabledRules: z.array(z.string()),
    extraTerms: z.array(z.object({ rule: z.string(), terms: z.array(z.string()) })),
  }),
});

export const waiveFindingBodySchema = z
  .object({ key: text(600), reason: text(limits.shortTextMax) })
  .strict();

// Audit events

export const auditEventSchema = z.object({
  /** Random, not a sequence: it tells nothing about events elsewhere. */
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  data: z.record(z.string(), z.unknown()),
});
