import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { User, UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { users } from '../schema.ts';

type UserRow = typeof users.$inferSelect;

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as UserRole,
  disabled: row.disabled,
  createdAt: row.createdAt,
});

/** Accounts: lookups, creation and listing. */
export const usersRepository = {
  async countUsers(db: Database): Promise<number> {
    const [row] = await db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  },

  async insertUser(
    db: Database,
    user: Omit<User, 'disabled' | 'createdAt'> & {
      passwordHash: string;
      createdAt: Date;
      oidcSubject?: string;
    },
  ): Promise<User> {
    const [row] = await db.insert(users).values(user).returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    return toUser(row);
  },

  async findUserById(db: Database, id: string): Promise<User | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ? toUser(row) : undefined;
  },

  /** The user and the stored password hash, for sign-in. */
  async findCredentialsByEmail(
    db: Database,
    email: string,
  ): Promise<{ user: User; passwordHash: string } | undefined> {
    const [row] = await db.select().from(users).where(eq(users.email, email));
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : undefined;
  },

  /** The account that signs in as `iss|sub` at the identity provider. */
  async findByOidcSubject(db: Database, subject: string): Promise<User | undefined> {
    const [row] = await db.select().from(users).where(eq(users.oidcSubject, subject));
    return row ? toUser(row) : undefined;
  },

  async setOidcSubject(db: Database, id: string, subject: string): Promise<void> {
    await db.update(users).set({ oidcSubject: subject }).where(eq(users.id, id));
  },

  async listUsers(db: Database): Promise<User[]> {
    const rows = await db.select().from(users).orderBy(asc(users.createdAt), asc(users.id));
    return rows.map(toUser);
  },

  /** Serialises changes to admins, so two concurrent demotions cannot remove the last one. */
  async lockAdmins(db: Database): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(4242003)`);
  },

  async countEnabledAdmins(db: Database): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
    return row?.n ?? 0;
  },

  async updateUser(
    db: Database,
    id: string,
    fields: Partial<Pick<User, 'name' | 'role' | 'disabled'>>,
  ): Promise<User> {
    const [row] = await db.update(users).set(fields).where(eq(users.id, id)).returning();
    if (!row) {
      throw new Error('update returned no row');
    }
    return toUser(row);
  },

  async setPasswordHash(db: Database, id: string, passwordHash: string): Promise<void> {
    await db.update(users).set({ passwordHash }).where(eq(users.id, id));
  },

  async findFirstAdmin(db: Database): Promise<User | undefined> {
    const [row] = await db
      .select()
      .from(users)
      .where(eq(users.role, 'admin'))
      .orderBy(asc(users.createdAt))
      .limit(1);
    return row ? toUser(row) : undefined;
  },
};
