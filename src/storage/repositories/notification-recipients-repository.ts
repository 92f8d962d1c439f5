import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { postmortems, users } from '../schema.ts';
import { postmortemVisibleTo } from '../visibility.ts';

/** Who a notification goes to: the person's account, their e-mail, what they may see. */
export const notificationRecipientsRepository = {
  /** A person as notifications need them: e-mail, role, whether the account is enabled. */
  async findRecipient(db: Database, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ? { ...row, role: row.role as UserRole } : undefined;
  },

  /** True when the account may see the postmortem (the same SQL condition as every read). */
  async canSee(db: Database, viewer: Actor, postmortemId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: postmortems.id })
      .from(postmortems)
      .where(and(eq(postmortems.id, postmortemId), postmortemVisibleTo(viewer)));
    return row !== undefined;
  },

  /** Account ids of the given e-mails (team leads), enabled accounts only. */
  async userIdsByEmail(db: Database, emails: string[]): Promise<Map<string, string>> {
    if (emails.length === 0) {
      return new Map();
    }
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.email, emails), eq(users.disabled, false)));
    return new Map(rows.map((r) => [r.email, r.id]));
  },
};
