import { z } from 'zod';
import { paged, single } from '../../contracts/common.ts';
import {
  actionItemSchema,
  auditEventSchema,
  type createActionItemBodySchema,
  type createFactorBodySchema,
  type createParticipantBodySchema,
  type createTimelineEventBodySchema,
  factorSchema,
  participantSchema,
  timelineEventSchema,
  type updateActionItemBodySchema,
  type updateFactorBodySchema,
  type updateParticipantBodySchema,
  type updateTimelineEventBodySchema,
} from '../../contracts/postmortem-parts.ts';
import { requestJson, send } from './http.ts';

export type Participant = z.infer<typeof participantSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Factor = z.infer<typeof factorSchema>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** The CRUD calls of one kind of record owned by a postmortem. */
function partApi<S extends z.ZodType, Create, Update>(
  collection: string,
  schema: S,
  limit: number,
) {
  const page = paged(schema);
  const one = single(schema);
  const itemPath = (id: string) => `/${collection}/${encodeURIComponent(id)}`;
  return {
    list: (postmortemId: string) =>
      requestJson(page, 'GET', `/postmortems/${encodeURIComponent(postmortemId)}/${collection}`, {
        query: { limit },
      }),
    create: (postmortemId: string, body: Create) =>
      requestJson(one, 'POST', `/postmortems/${encodeURIComponent(postmortemId)}/${collection}`, {
        body,
      }),
    update: (id: string, version: number, body: Update) =>
      requestJson(one, 'PATCH', itemPath(id), { body, version }),
    remove: async (id: string, version: number): Promise<true> => {
      await send('DELETE', itemPath(id), { version });
      return true;
    },
  };
}

export const participantsApi = partApi<
  typeof participantSchema,
  z.input<typeof createParticipantBodySchema>,
  z.input<typeof updateParticipantBodySchema>
>('participants', participantSchema, 200);

export const timelineApi = partApi<
  typeof timelineEventSchema,
  z.input<typeof createTimelineEventBodySchema>,
  z.input<typeof updateTimelineEventBodySchema>
>('timeline-events', timelineEventSchema, 5000);

export const factorsApi = partApi<
  typeof factorSchema,
  z.input<typeof createFactorBodySchema>,
  z.input<typeof updateFactorBodySchema>
>('contributing-factors', factorSchema, 200);

export const actionItemsApi = partApi<
  typeof actionItemSchema,
  z.input<typeof createActionItemBodySchema>,
  z.input<typeof updateActionItemBodySchema>
>('action-items', actionItemSchema, 200);

/** A page of the audit trail: plain events (no abilities) and no total. */
const auditPageSchema = z.object({
  data: z.array(auditEventSchema),
  page: z.object({ nextCursor: z.string().nullable() }),
});

/** The audit trail of one postmortem, newest first. */
export const auditApi = {
  list: (postmortemId: string, cursor?: string) =>
    requestJson(
      auditPageSchema,
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/audit-events`,
      { query: { cursor, limit: 100 } },
    ),
};
