import { and, desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { PublicationAudience, PublicationStatus } from '../../domain/publication.ts';
import type { Database } from '../database.ts';
import { publications } from '../schema.ts';

/** A stored publication (a public draft, a public version, an internal publication). */
export type PublicationRow = typeof publications.$inferSelect;

/** A publication as a feed lists it: no document, no page. */
export type PublicationHead = Pick<
  PublicationRow,
  'id' | 'postmortemId' | 'slug' | 'title' | 'publishedAt' | 'postmortemRevision' | 'version'
> & { summary: string };

const headColumns = {
  id: publications.id,
  postmortemId: publications.postmortemId,
  slug: publications.slug,
  title: publications.title,
  publishedAt: publications.publishedAt,
  postmortemRevision: publications.postmortemRevision,
  version: publications.version,
  summary: sql<string>`coalesce(${publications.document} ->> 'feedSummary', '')`,
};

/**
 * Publications. They hold only what was published — already redacted for the public, without
 * restricted sections for everyone — so reading them needs no visibility condition beyond the
 * audience: internal ones are for every signed-in account, public ones for anyone.
 */
export const publicationsRepository = {
  async find(
    db: Database,
    postmortemId: string,
    audience: PublicationAudience,
    status: PublicationStatus,
  ): Promise<PublicationRow | undefined> {
    const [row] = await db
      .select()
      .from(publications)
      .where(
        and(
          eq(publications.postmortemId, postmortemId),
          eq(publications.audience, audience),
          eq(publications.status, status),
        ),
      );
    return row;
  },

  /** Inserts or replaces the row of this postmortem, audience and status. */
  async put(
    db: Database,
    row: Omit<PublicationRow, 'version' | 'createdAt'>,
  ): Promise<PublicationRow> {
    const [saved] = await db
      .insert(publications)
      .values(row)
      .onConflictDoUpdate({
        target: [publications.postmortemId, publications.audience, publications.status],
        set: {
          title: row.title,
          document: row.document,
          html: row.html,
          redactions: row.redactions,
          postmortemRevision: row.postmortemRevision,
          createdById: row.createdById,
          approvedById: row.approvedById,
          publishedAt: row.publishedAt,
          version: sql`${publications.version} + 1`,
        },
      })
      .returning();
    if (!saved) {
      throw new Error('upsert returned no row');
    }
    return saved;
  },

  /** Deletes one row only at `expectedVersion` (VERSION_MISMATCH otherwise). */
  async deleteAt(db: Database, id: string, expectedVersion: number): Promise<void> {
    const deleted = await db
      .delete(publications)
      .where(and(eq(publications.id, id), eq(publications.version, expectedVersion)))
      .returning({ id: publications.id });
    if (deleted.length === 0) {
      const [current] = await db
        .select({ version: publications.version })
        .from(publications)
        .where(eq(publications.id, id));
      if (!current) {
        throw new DomainError('NOT_FOUND', 'Publication not found.');
      }
      throw new DomainError('VERSION_MISMATCH', 'The publication changed meanwhile.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
  },

  /** The published rows of an audience, newest first (a feed). */
  async listPublished(
    db: Database,
    audience: PublicationAudience,
    limit: number,
  ): Promise<PublicationHead[]> {
    return db
      .select(headColumns)
      .from(publications)
      .where(and(eq(publications.audience, audience), eq(publications.status, 'published')))
      .orderBy(desc(publications.publishedAt), desc(publications.id))
      .limit(limit);
  },

  /** A published row by its public address (public) or id (internal). */
  async findPublished(
    db: Database,
    audience: PublicationAudience,
    slugOrId: string,
  ): Promise<PublicationRow | undefined> {
    const [row] = await db
      .select()
      .from(publications)
      .where(
        and(
          eq(publications.audience, audience),
          eq(publications.status, 'published'),
          audience === 'public'
            ? eq(publications.slug, slugOrId)
            : sql`${publications.id}::text = ${slugOrId}`,
        ),
      );
    return row;
  },
};
