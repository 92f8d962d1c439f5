import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { personalAccounts, timelineEvents } from '../schema.ts';
import { deleteVersioned, updateVersioned } from '../versioned-update.ts';

/** A participant's own story; `authorUserId`/`authorName` are null when it is anonymous. */
export interface PersonalAccount {
  id: string;
  postmortemId: string;
  anonymous: boolean;
  authorUserId: string | null;
  authorName: string | null;
  body: string;
  version: number;
  submittedAt: Date;
}

const label = 'Personal account';

/** Personal accounts of a postmortem, in submission order. */
export const personalAccountsRepository = {
  async listForPostmortem(db: Database, postmortemId: string): Promise<PersonalAccount[]> {
    return db
      .select()
      .from(personalAccounts)
      .where(eq(personalAccounts.postmortemId, postmortemId))
      .orderBy(asc(personalAccounts.submittedAt), asc(personalAccounts.id));
  },

  async findById(db: Database, id: string): Promise<PersonalAccount | undefined> {
    const [row] = await db.select().from(personalAccounts).where(eq(personalAccounts.id, id));
    return row;
  },

  async insert(db: Database, values: PersonalAccount): Promise<PersonalAccount> {
    const [row] = await db.insert(personalAccounts).values(values).returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    return row;
  },

  async updateBody(
    db: Database,
    id: string,
    expectedVersion: number,
    body: string,
  ): Promise<PersonalAccount> {
    return updateVersioned(db, personalAccounts, id, expectedVersion, { body }, label);
  },

  async remove(db: Database, id: string, expectedVersion: number): Promise<void> {
    await deleteVersioned(db, personalAccounts, id, expectedVersion, label);
  },
};

/** The timeline event a pin already made, if the same moment was pinned before. */
export async function findPinnedEvent(
  db: Database,
  postmortemId: string,
  externalId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: timelineEvents.id })
    .from(timelineEvents)
    .where(
      and(
        eq(timelineEvents.postmortemId, postmortemId),
        eq(timelineEvents.source, 'personal_account'),
        eq(timelineEvents.externalId, externalId),
      ),
    );
  return row;
}
