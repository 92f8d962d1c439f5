import { z } from 'zod';
import { commentTargetTypes } from '../domain/comment.ts';
import { text } from './common.ts';
import { limits } from './limits.ts';

/** A new comment: a thread on a target, or a reply (`threadId`) that takes its thread's target. */
export const createCommentBodySchema = z
  .object({
    targetType: z.enum(commentTargetTypes).default('postmortem'),
    /** The section key, or the part's id; ignored for `postmortem` and for replies. */
    targetId: z.string().trim().max(200).optional(),
    /** Markdown; `@someone@example.com` mentions (and notifies) that account. */
    body: text(limits.longTextMax),
    threadId: z.uuid().optional(),
  })
  .strict();

/** Edit one's own comment, or resolve / re-open a thread (on its first comment). */
export const updateCommentBodySchema = z
  .object({ body: text(limits.longTextMax), resolved: z.boolean() })
  .partial()
  .strict()
  .refine((b) => b.body !== undefined || b.resolved !== undefined, {
    message: 'Send body or resolved.',
    path: ['body'],
  });

export const commentSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  threadId: z.string().nullable(),
  targetType: z.enum(commentTargetTypes),
  targetId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  mentionedUserIds: z.array(z.string()),
  resolvedAt: z.string().nullable(),
  resolvedById: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
