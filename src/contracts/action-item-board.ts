import { z } from 'zod';
import { actionItemPriorities, actionItemStatuses } from '../domain/action-item.ts';
import { boardSorts, boardViews } from '../domain/action-item-board.ts';
import { postmortemPhases } from '../domain/postmortem-phases.ts';
import { commaList } from './comma-list.ts';
import { limits } from './limits.ts';

/** Filters, order and page of the board across postmortems. */
export const boardQuerySchema = z
  .object({
    /** `mine`, `overdue`, `due_soon` (the next 7 days), `done_unverified`, or `all`. */
    view: z.enum(boardViews).default('all'),
    team: z.string().trim().min(1).max(limits.nameMax).optional(),
    service: z.string().trim().min(1).max(limits.serviceNameMax).optional(),
    /** Comma-separated statuses. */
    status: commaList(z.enum(actionItemStatuses)).optional(),
    sort: z.enum(boardSorts).default('due'),
    limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** One item on the board, with its postmortem. */
export const boardItemSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  postmortemNumber: z.string(),
  postmortemTitle: z.string(),
  postmortemPhase: z.enum(postmortemPhases),
  title: z.string(),
  kind: z.string(),
  priority: z.enum(actionItemPriorities),
  status: z.enum(actionItemStatuses),
  ownerName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  team: z.string().nullable(),
  services: z.array(z.string()),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  trackerUrl: z.string().nullable(),
  verificationEvidence: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});

/** The board's answer: a page of items, the counts per view and per team. */
export const boardResponseSchema = z.object({
  data: z.array(boardItemSchema),
  page: z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int() }),
  counts: z.object({
    views: z.record(z.enum(boardViews), z.number().int()),
    teams: z.array(
      z.object({
        team: z.string().nullable(),
        open: z.number().int(),
        overdue: z.number().int(),
        doneUnverified: z.number().int(),
      }),
    ),
  }),
  today: z.string(),
});
