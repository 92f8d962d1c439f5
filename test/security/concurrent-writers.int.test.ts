import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, isTable, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/app-deps.ts';
import { loadDemo } from '../../src/app/demo/load-demo.ts';
import { isDomainError } from '../../src/domain/errors.ts';
import { defaultPolicy } from '../../src/domain/policy.ts';
import type { Database } from '../../src/storage/database.ts';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';
import { usersRepository } from '../../src/storage/repositories/users-repository.ts';
import * as schema from '../../src/storage/schema.ts';
import { updateVersioned } from '../../src/storage/versioned-update.ts';
import { openTestDatabase, queryRows, testDatabaseKinds } from '../support/test-database.ts';

/**
 * Every table with `id` and `version` columns, found in the schema itself: a new versioned record
 * kind joins this matrix without anyone remembering to add it.
 */
const versionedTables = Object.values(schema).filter(
  (value): value is typeof schema.incidents =>
    isTable(value) && 'version' in getTableColumns(value) && 'id' in getTableColumns(value),
);

const writers = 6;
const hasPostgres = testDatabaseKinds.includes('postgres');

describe.skipIf(!hasPostgres)(
  `concurrent writers with the same If-Match, at the storage level [postgres]${hasPostgres ? '' : ' (skipped: DEBRIEF_TEST_DATABASE_URL is not set)'}`,
  () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase('postgres');
      const deps: AppDeps = {
        db: handle.db,
        clock: () => new Date(),
        newId: randomUUID,
        policy: defaultPolicy,
      };
      const admin = await usersRepository.insertUser(handle.db, {
        id: randomUUID(),
        email: 'admin@example.com',
        name: 'Admin',
        role: 'admin',
        passwordHash: 'not used',
        createdAt: new Date(),
      });
      await loadDemo(deps, admin);
      // The demo has no why-tree, open question, personal account, review request or comment
      // yet: one row of each.
      const [postmortem] = await queryRows<{ id: string }>(
        handle,
        sql`select id from postmortems limit 1`,
      );
      await handle.db.execute(sql`
        insert into why_nodes (id, postmortem_id, question) values (${randomUUID()}, ${postmortem?.id}, 'Why did the queue back up?')`);
      await handle.db.execute(sql`
        insert into open_questions (id, postmortem_id, text) values (${randomUUID()}, ${postmortem?.id}, 'Who owns the retry policy?')`);
      await handle.db.execute(sql`
        insert into personal_accounts (id, postmortem_id, anonymous, body, submitted_at)
        values (${randomUUID()}, ${postmortem?.id}, true, 'I saw the alert late.', now())`);
      await handle.db.execute(sql`
        insert into review_requests (id, postmortem_id, team, role, status)
        values (${randomUUID()}, ${postmortem?.id}, 'legal', 'legal', 'pending')`);
      await handle.db.execute(sql`
        insert into comments (id, postmortem_id, target_type, target_id, body)
        values (${randomUUID()}, ${postmortem?.id}, 'section', 'summary', 'Is the impact window right?')`);
      await handle.db.execute(sql`
        insert into saved_search_views (id, owner_id, name, filters)
        values (${randomUUID()}, ${admin.id}, 'sev1 reviews', '{"severity":["sev1"]}')`);
      await handle.db.execute(sql`
        insert into publications (id, postmortem_id, audience, status, slug, title, document, html, postmortem_revision)
        values (${randomUUID()}, ${postmortem?.id}, 'public', 'draft', 'demo', 'Demo', '{}'::jsonb, '', 1)`);
    });
    afterAll(() => handle.close());

    it('finds the versioned record kinds', () => {
      expect(versionedTables.length).toBeGreaterThanOrEqual(9);
    });

    it.each(versionedTables.map((table) => [getTableName(table), table] as const))(
      `%s: of ${writers} writers with the same version exactly one wins, the others are refused`,
      async (name, table) => {
        const [row] = await queryRows<{ id: string; version: number }>(
          handle,
          sql`select id::text as id, version from ${table} limit 1`,
        );
        expect(row, `no ${name} row: give the seed one so that this kind is covered`).toBeDefined();
        if (!row) {
          return;
        }
        const attempt = () =>
          handle.db.transaction(async (tx) => {
            await updateVersioned(tx as unknown as Database, table, row.id, row.version, {}, name);
            // Hold the row a moment, so the other writers are already waiting on it.
            await tx.execute(sql`select pg_sleep(0.05)`);
          });
        const outcomes = await Promise.allSettled(Array.from({ length: writers }, attempt));
        const won = outcomes.filter((o) => o.status === 'fulfilled').length;
        const refused = outcomes.filter(
          (o) => o.status === 'rejected' && isDomainError(o.reason, 'VERSION_MISMATCH'),
        ).length;
        expect({ won, refused }).toEqual({ won: 1, refused: writers - 1 });
        const [after] = await queryRows<{ version: number }>(
          handle,
          sql`select version from ${table} where id::text = ${row.id}`,
        );
        expect(after?.version).toBe(row.version + 1);
      },
    );
  },
);
