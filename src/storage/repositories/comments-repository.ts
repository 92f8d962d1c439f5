import { and, eq, inArray } from 'drizzle-orm';
import type { Comment, CommentTargetType } from '../../domain/comment.ts';
import type { Database } from '../database.ts';
import { actionItems, comments, timelineEvents, users, whyNodes } from '../schema.ts';
import { createPartRepository } from './part-repository.ts';

const partTables = {
  timeline_event: timelineEvents,
  why_node: whyNodes,
  action_item: actionItems,
} as const;

/** Comment threads on a postmortem and its parts. */
export const commentsRepository = {
  ...createPartRepository(
    comments,
    'Comment',
    (row): Comment => ({ ...row, targetType: row.targetType as CommentTargetType }),
  ),

  /** True when the part (`timeline_event`, `why_node`, `action_item`) belongs to the postmortem. */
  async partBelongs(
    db: Database,
    type: keyof typeof partTables,
    id: string,
    postmortemId: string,
  ): Promise<boolean> {
    const table = partTables[type];
    if (!/^[0-9a-f-]{36}$/i.test(id)) {
      return false;
    }
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.postmortemId, postmortemId)));
    return row !== undefined;
  },

  /** Enabled accounts by e-mail (lower-case), for mentions. */
  async accountsByEmail(db: Database, emails: readonly string[]) {
    if (emails.length === 0) {
      return [];
    }
    return db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.email, [...emails]), eq(users.disabled, false)));
  },
};
