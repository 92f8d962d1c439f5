import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { User, UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { apiTokens, sessions, users } from '../schema.ts';

/** What the credential lookups read of the account. */
const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

const liveSessionQuery = (db: Database) =>
  db
    .select({ session: sessions, user: accountColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('idHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('debrief_find_live_session');

const liveApiTokenQuery = (db: Database) =>
  db
    .select({ token: apiTokens, user: accountColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
      ),
    )
    .prepare('debrief_find_live_api_token');

const liveSessionQueries = new WeakMap<Database, ReturnType<typeof liveSessionQuery>>();
const liveApiTokenQueries = new WeakMap<Database, ReturnType<typeof liveApiTokenQuery>>();

/**
 * A lookup built once per database handle (a drizzle prepared query is bound to its handle):
 * on PostgreSQL it is a named statement, parsed and planned once per connection.
 */
function preparedFor<Q>(db: Database, cache: WeakMap<Database, Q>, build: (db: Database) => Q): Q {
  let query = cache.get(db);
  if (!query) {
    query = build(db);
    cache.set(db, query);
  }
  return query;
}

/** Browser sessions and API tokens, both looked up by the hash of their secret. */
export const credentialsRepository = {
  async insertSession(db: Database, session: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(session);
  },

  /**
   * A session that has not expired, with its account, in one query: every signed-in request
   * asks, so the account is not a second round trip, and the query is built and prepared once.
   */
  async findLiveSession(
    db: Database,
    idHash: string,
    now: Date,
  ): Promise<{ session: typeof sessions.$inferSelect; user: User } | undefined> {
    const [row] = await preparedFor(db, liveSessionQueries, liveSessionQuery).execute({
      idHash,
      now,
    });
    return row && { session: row.session, user: { ...row.user, role: row.user.role as UserRole } };
  },

  async deleteSession(db: Database, idHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, idHash));
  },

  /** Marks a session as used now (the idle timeout counts from here). */
  async touchSession(db: Database, idHash: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, idHash));
  },

  /** Ends every session of an account; returns how many there were. */
  async deleteSessionsOfUser(db: Database, userId: string): Promise<number> {
    const rows = await db
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    return rows.length;
  },

  async deleteExpiredSessions(db: Database, now: Date): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  },

  async insertApiToken(db: Database, token: typeof apiTokens.$inferInsert): Promise<void> {
    await db.insert(apiTokens).values(token);
  },

  /**
   * A token that is neither revoked nor expired at `now`, with its account, in one query built
   * and prepared once (every request with a token asks).
   */
  async findLiveApiToken(
    db: Database,
    tokenHash: string,
    now: Date,
  ): Promise<{ token: typeof apiTokens.$inferSelect; user: User } | undefined> {
    const [row] = await preparedFor(db, liveApiTokenQueries, liveApiTokenQuery).execute({
      tokenHash,
      now,
    });
    return row && { token: row.token, user: { ...row.user, role: row.user.role as UserRole } };
  },

  async touchApiToken(db: Database, id: string, at: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  },

  async listApiTokens(db: Database, userId: string) {
    return db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(desc(apiTokens.createdAt));
  },

  /** Revokes the user's token; returns false when the user has no such live token. */
  async revokeApiToken(db: Database, userId: string, id: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
};
