import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { integrations } from '../schema.ts';

/** A webhook sender: its kind, name and how deliveries authenticate. */
export type IntegrationRecord = typeof integrations.$inferSelect;

/** Webhook integrations; tokens are stored as SHA-256, never in clear. */
export const integrationsRepository = {
  async insert(db: Database, record: IntegrationRecord): Promise<IntegrationRecord> {
    const [row] = await db.insert(integrations).values(record).returning();
    return row ?? record;
  },

  /** Every integration, revoked ones included, oldest first. */
  async list(db: Database): Promise<IntegrationRecord[]> {
    return db
      .select()
      .from(integrations)
      .orderBy(asc(integrations.createdAt), asc(integrations.id));
  },

  /** The live integration of this kind whose URL token hashes to `tokenHash`. */
  async findLiveByToken(
    db: Database,
    kind: string,
    tokenHash: string,
  ): Promise<IntegrationRecord | undefined> {
    const [row] = await db
      .select()
      .from(integrations)
      .where(
        and(
          eq(integrations.kind, kind),
          eq(integrations.tokenHash, tokenHash),
          isNull(integrations.revokedAt),
        ),
      );
    return row;
  },

  /** Live integrations of a kind that have a signing secret (signature-only delivery). */
  async listLiveSigned(db: Database, kind: string): Promise<IntegrationRecord[]> {
    const rows = await db
      .select()
      .from(integrations)
      .where(and(eq(integrations.kind, kind), isNull(integrations.revokedAt)));
    return rows.filter((row) => row.signingSecret !== null && row.signingSecret !== '');
  },

  /** Marks an integration revoked; false when there is no live one with this id. */
  async revoke(db: Database, id: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(integrations)
      .set({ revokedAt: at })
      .where(and(eq(integrations.id, id), isNull(integrations.revokedAt)))
      .returning({ id: integrations.id });
    return rows.length > 0;
  },
};
