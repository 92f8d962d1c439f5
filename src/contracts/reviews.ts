import { z } from 'zod';
import { reviewDecisions, reviewStatuses } from '../domain/review-request.ts';
import { abilitiesSchema } from './common.ts';
import { limits } from './limits.ts';

const roleKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lower_snake_case');

/** Ask a person (`userId`) or a policy team (`team`) to review the report. */
export const requestReviewBodySchema = z
  .object({
    /** The account asked to review. */
    userId: z.uuid().optional(),
    /** A team of the policy's `reviewTeams`; any one member answers for it. */
    team: roleKey.optional(),
    /** The capacity the review counts in; a team's request defaults to the team's key. */
    role: roleKey.optional(),
  })
  .strict()
  .refine((body) => (body.userId === undefined) !== (body.team === undefined), {
    message: 'Name either a person (userId) or a team, not both.',
    path: ['userId'],
  });

/** A reviewer's answer; asking for changes says which. */
export const decideReviewBodySchema = z
  .object({
    decision: z.enum(reviewDecisions),
    comment: z.string().trim().max(limits.longTextMax).optional(),
  })
  .strict()
  .refine((body) => body.decision !== 'changes_requested' || Boolean(body.comment), {
    message: 'Say which changes are needed.',
    path: ['comment'],
  });

/** A requested review as the API shows it. */
export const reviewRequestSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  reviewerUserId: z.string().nullable(),
  team: z.string().nullable(),
  role: z.string().nullable(),
  /** Who is asked: the person's name or "team <key>". */
  label: z.string(),
  status: z.enum(reviewStatuses),
  comment: z.string().nullable(),
  requestedById: z.string().nullable(),
  decidedById: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

/** The review of a report: every request, and where the approvals stand. */
export const reviewListSchema = z.object({
  data: z.array(z.object({ data: reviewRequestSchema, abilities: abilitiesSchema })),
  summary: z.object({
    /** Approvals the policy requires for the worst severity. */
    required: z.number().int(),
    /** Distinct people whose approval counts (participants' ticks and answered requests). */
    approvals: z.number().int(),
    /** Who has not answered yet, or asked for changes. */
    pending: z.array(
      z.object({ id: z.string(), label: z.string(), status: z.enum(reviewStatuses) }),
    ),
    /** Policy teams whose review can be requested. */
    teams: z.array(z.string()),
  }),
  abilities: abilitiesSchema,
});
