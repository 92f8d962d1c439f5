import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/storage/open-database.ts';
import { describeEachDatabase, openTestDatabase, queryRows } from './test-database.ts';

const migratedTables = [
  'users',
  'sessions',
  'api_tokens',
  'incidents',
  'incident_members',
  'postmortems',
  'postmortem_incidents',
  'postmortem_members',
  'participants',
  'timeline_events',
  'contributing_factors',
  'action_items',
  'finding_waivers',
  'audit_events',
];

describeEachDatabase('test database', (kind) => {
  const opened: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openTestDatabase(kind);
    opened.push(handle);
    return handle;
  };

  afterEach(async () => {
    for (const handle of opened.splice(0)) {
      await handle.close();
    }
  });

  it('answers a query', async () => {
    const handle = await open();
    expect(handle.kind).toBe(kind);
    expect(await queryRows(handle, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    await expect(handle.ping()).resolves.toBeUndefined();
  });

  it('comes migrated and empty', async () => {
    const handle = await open();
    const tables = await queryRows<{ table_name: string }>(
      handle,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(migratedTables));
    expect(await queryRows(handle, sql`select count(*)::int as count from users`)).toEqual([
      { count: 0 },
    ]);
  });

  it('gives each caller its own database', async () => {
    const first = await open();
    const second = await open();
    await first.db.execute(
      sql`insert into users (id, email, name, role, password_hash)
          values (gen_random_uuid(), 'a@example.com', 'A', 'admin', 'x')`,
    );
    const counts = await Promise.all(
      [first, second].map((handle) =>
        queryRows<{ count: number }>(handle, sql`select count(*)::int as count from users`),
      ),
    );
    expect(counts.map((rows) => rows[0]?.count)).toEqual([1, 0]);
  });

  it('re-running the migrations changes nothing', async () => {
    const handle = await open();
    await expect(handle.migrate()).resolves.toBeUndefined();
  });
});
