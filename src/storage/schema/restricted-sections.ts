// Report sections restricted to named members inside an otherwise open postmortem.
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/**
 * The text of a restricted report section. It lives here and NOT in `postmortems.sections`, so
 * that no reader of the postmortem row (lists, themes, search, exports, feeds) can reach it by
 * accident: only queries that join this table under `restrictedSectionVisibleTo` see it.
 * Declassifying moves the text back into `postmortems.sections` and deletes the row.
 */
export const restrictedSections = pgTable(
  'restricted_sections',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key').notNull(),
    body: text('body').notNull().default(''),
    restrictedAt: instant('restricted_at').notNull(),
    restrictedById: uuid('restricted_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.sectionKey] })],
);

/** Who may read a restricted section (besides admins). */
export const restrictedSectionMembers = pgTable(
  'restricted_section_members',
  {
    postmortemId: uuid('postmortem_id').notNull(),
    sectionKey: text('section_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.postmortemId, t.sectionKey, t.userId] }),
    foreignKey({
      name: 'restricted_section_members_section_fk',
      columns: [t.postmortemId, t.sectionKey],
      foreignColumns: [restrictedSections.postmortemId, restrictedSections.sectionKey],
    }).onDelete('cascade'),
    index('restricted_section_members_user_idx').on(t.userId),
  ],
);
