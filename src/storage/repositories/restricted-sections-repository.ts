import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { RestrictedSection } from '../../domain/restricted-section.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { restrictedSectionMembers, restrictedSections } from '../schema.ts';
import { restrictedSectionVisibleTo } from '../visibility.ts';

type Row = typeof restrictedSections.$inferSelect;

/** A restricted section's access data, never its text. */
export type RestrictedSectionHead = Omit<RestrictedSection, 'text'>;

const toHead = (row: Omit<Row, 'body'>, memberIds: string[]): RestrictedSectionHead => ({
  postmortemId: row.postmortemId,
  key: row.sectionKey,
  memberIds,
  restrictedAt: row.restrictedAt,
  restrictedById: row.restrictedById,
  version: row.version,
});

const headColumns = {
  postmortemId: restrictedSections.postmortemId,
  sectionKey: restrictedSections.sectionKey,
  restrictedAt: restrictedSections.restrictedAt,
  restrictedById: restrictedSections.restrictedById,
  version: restrictedSections.version,
};

async function membersOf(db: Database, postmortemId: string) {
  const rows = await db
    .select()
    .from(restrictedSectionMembers)
    .where(eq(restrictedSectionMembers.postmortemId, postmortemId));
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    byKey.set(row.sectionKey, [...(byKey.get(row.sectionKey) ?? []), row.userId]);
  }
  return byKey;
}

/**
 * Restricted report sections. Reads of the text take the reader and filter in SQL; the
 * callers have already checked that the reader sees the postmortem itself.
 */
export const restrictedSectionsRepository = {
  /** Every restricted section of a postmortem — keys, members, versions; no text. */
  async listHeads(db: Database, postmortemId: string): Promise<RestrictedSectionHead[]> {
    const rows = await db
      .select(headColumns)
      .from(restrictedSections)
      .where(eq(restrictedSections.postmortemId, postmortemId))
      .orderBy(restrictedSections.sectionKey);
    const members = await membersOf(db, postmortemId);
    return rows.map((row) => toHead(row, members.get(row.sectionKey) ?? []));
  },

  /** The restricted sections of a postmortem that `reader` may read, with their text. */
  async listReadable(
    db: Database,
    reader: Actor,
    postmortemId: string,
  ): Promise<RestrictedSection[]> {
    const rows = await db
      .select()
      .from(restrictedSections)
      .where(
        and(eq(restrictedSections.postmortemId, postmortemId), restrictedSectionVisibleTo(reader)),
      )
      .orderBy(restrictedSections.sectionKey);
    const members = await membersOf(db, postmortemId);
    return rows.map((row) => ({
      ...toHead(row, members.get(row.sectionKey) ?? []),
      text: row.body,
    }));
  },

  /**
   * Which restricted sections hold text, for the phase guards (a required section counts as
   * filled whoever may read it). Returns keys only.
   */
  async listFilledKeys(db: Database, postmortemId: string): Promise<string[]> {
    const rows = await db
      .select({ key: restrictedSections.sectionKey })
      .from(restrictedSections)
      .where(
        and(
          eq(restrictedSections.postmortemId, postmortemId),
          sql`btrim(${restrictedSections.body}) <> ''`,
        ),
      );
    return rows.map((r) => r.key);
  },

  /**
   * One restricted section with its text, locked for update: for use cases that have already
   * checked that the actor may manage it, or that move its text (declassification).
   */
  async findForUpdate(
    db: Database,
    postmortemId: string,
    key: string,
  ): Promise<RestrictedSection | undefined> {
    const [row] = await db
      .select()
      .from(restrictedSections)
      .where(
        and(
          eq(restrictedSections.postmortemId, postmortemId),
          eq(restrictedSections.sectionKey, key),
        ),
      )
      .for('update');
    if (!row) {
      return undefined;
    }
    const members = await membersOf(db, postmortemId);
    return { ...toHead(row, members.get(key) ?? []), text: row.body };
  },

  async insert(db: Database, section: Omit<RestrictedSection, 'version'>): Promise<void> {
    await db.insert(restrictedSections).values({
      postmortemId: section.postmortemId,
      sectionKey: section.key,
      body: section.text,
      restrictedAt: section.restrictedAt,
      restrictedById: section.restrictedById,
    });
    await this.replaceMembers(db, section.postmortemId, section.key, section.memberIds);
  },

  async replaceMembers(
    db: Database,
    postmortemId: string,
    key: string,
    memberIds: readonly string[],
  ): Promise<void> {
    await db
      .delete(restrictedSectionMembers)
      .where(
        and(
          eq(restrictedSectionMembers.postmortemId, postmortemId),
          eq(restrictedSectionMembers.sectionKey, key),
        ),
      );
    const unique = [...new Set(memberIds)];
    if (unique.length > 0) {
      await db
        .insert(restrictedSectionMembers)
        .values(unique.map((userId) => ({ postmortemId, sectionKey: key, userId })));
    }
  },

  /**
   * Updates text and/or members only if the version is still `expectedVersion`; otherwise
   * VERSION_MISMATCH with the current version (NOT_FOUND when the section is not restricted).
   */
  async update(
    db: Database,
    postmortemId: string,
    key: string,
    expectedVersion: number,
    change: { text?: string; memberIds?: readonly string[] },
  ): Promise<number> {
    const where = and(
      eq(restrictedSections.postmortemId, postmortemId),
      eq(restrictedSections.sectionKey, key),
    );
    const [row] = await db
      .update(restrictedSections)
      .set({
        ...(change.text === undefined ? {} : { body: change.text }),
        version: sql`${restrictedSections.version} + 1`,
      })
      .where(and(where, eq(restrictedSections.version, expectedVersion)))
      .returning({ version: restrictedSections.version });
    if (!row) {
      const [current] = await db
        .select({ version: restrictedSections.version })
        .from(restrictedSections)
        .where(where);
      if (!current) {
        throw new DomainError('NOT_FOUND', 'Restricted section not found.');
      }
      throw new DomainError('VERSION_MISMATCH', 'The section was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    if (change.memberIds) {
      await this.replaceMembers(db, postmortemId, key, change.memberIds);
    }
    return row.version;
  },

  async delete(db: Database, postmortemId: string, key: string): Promise<void> {
    await db
      .delete(restrictedSections)
      .where(
        and(
          eq(restrictedSections.postmortemId, postmortemId),
          eq(restrictedSections.sectionKey, key),
        ),
      );
  },

  /** Restricted section keys per postmortem, for many postmortems at once (no text). */
  async listKeysByPostmortem(db: Database, postmortemIds: string[]) {
    const byPostmortem = new Map<string, string[]>();
    if (postmortemIds.length === 0) {
      return byPostmortem;
    }
    const rows = await db
      .select({ postmortemId: restrictedSections.postmortemId, key: restrictedSections.sectionKey })
      .from(restrictedSections)
      .where(inArray(restrictedSections.postmortemId, postmortemIds));
    for (const row of rows) {
      byPostmortem.set(row.postmortemId, [...(byPostmortem.get(row.postmortemId) ?? []), row.key]);
    }
    return byPostmortem;
  },
};
