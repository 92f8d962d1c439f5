import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { withAdminClient } from '../../test/support/postgres-admin.ts';
import { createPostgresTestDatabase } from '../../test/support/test-database.ts';
import { openDatabase } from './open-database.ts';

const postgres = inject('postgresTemplate');

describe.skipIf(!postgres)(
  `a PostgreSQL connection ended by the server${postgres ? '' : ' (skipped: no PostgreSQL)'}`,
  () => {
    it('is dropped from the pool without ending the process, and the next query reconnects', async () => {
      const database = await createPostgresTestDatabase();
      const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 1 });
      try {
        await handle.ping();
        const name = new URL(database.url).pathname.slice(1);
        const ended = await withAdminClient(postgres?.adminUrl ?? '', (client) =>
          client.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          ),
        );
        expect(ended.rowCount).toBe(1);
        // Give the ended connection's error time to arrive while the client sits idle.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const rows = await handle.db.execute(sql`select 1 as one`);
        expect(rows).toBeTruthy();
      } finally {
        await handle.close();
        await database.drop();
      }
    });
  },
);

describe.skipIf(!postgres)(
  `a PostgreSQL connection's settings${postgres ? '' : ' (skipped: no PostgreSQL)'}`,
  () => {
    // The search runs outside a transaction, so it relies on the connection, not `set local`.
    it('have JIT compilation off on every connection of the pool', async () => {
      const database = await createPostgresTestDatabase();
      const handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 });
      try {
        const jit = async () =>
          (
            (await handle.db.execute(sql`select current_setting('jit') as jit`)) as unknown as {
              rows: Array<{ jit: string }>;
            }
          ).rows[0]?.jit;
        const settings = await Promise.all([jit(), jit(), jit()]);
        expect(settings).toEqual(['off', 'off', 'off']);
      } finally {
        await handle.close();
        await database.drop();
      }
    });
  },
);
