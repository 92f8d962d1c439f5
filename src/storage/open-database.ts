import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { openPgliteThread, type PgliteConnection } from './pglite-thread/open-pglite-thread.ts';
import * as schema from './schema.ts';

/** Session-level advisory lock held while migrating a PostgreSQL database. */
const migrationLockKey = 4242000;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Where the data lives: a PostgreSQL URL, a PGlite data directory (opened on a thread of its
 * own), or a ready PGlite instance (used in process: the tests' in-memory databases).
 */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-instance'; instance: PGlite };

/** An open database with the operations the rim needs. */
export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Applies pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** What the job queue connects to: the same PostgreSQL, or the same PGlite connection. */
  queueTarget: { kind: 'postgres'; url: string } | { kind: 'pglite'; instance: PgliteConnection };
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens PGlite (embedded, single connection) or a PostgreSQL pool. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    // JIT off for every connection: compiling a plan costs hundreds of milliseconds, which never
    // pays back in queries of tens, and stale estimates after a bulk load can push one past the
    // threshold. A session setting, so no query needs a transaction just to turn it off.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: '-c jit=off',
    });
    // An idle connection that the server ends (a restart, a failover, an administrator
    // terminating it) is reported here; without a listener node-postgres throws it as an
    // uncaught exception and the whole process dies. The pool drops that connection and the
    // next query opens a new one, so a note is all that is needed.
    pool.on('error', (error) => {
      process.stderr.write(`database: an idle connection ended: ${error.message}\n`);
    });
    const db = drizzlePostgres(pool, { schema }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      queueTarget: { kind: 'postgres', url: target.url },
      migrate: async () => {
        // Instances starting together on one database would otherwise race the same
        // CREATE TABLEs; the lock makes the second wait, then find nothing left to apply.
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
          try {
            await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
          } finally {
            await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
          }
        } finally {
          client.release();
        }
      },
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }
  let instance: PgliteConnection;
  let releaseLock = () => {};
  if (target.kind === 'pglite') {
    mkdirSync(target.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(target.dataDir);
    try {
      // Every statement then runs in PGlite's WebAssembly on that thread, not on the one that
      // answers requests: a long import no longer holds up `/health` or anyone's page.
      instance = await openPgliteThread(target.dataDir);
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    instance = target.instance;
  }
  // The thread's connection answers drizzle's calls (query, transaction) as PGlite does.
  const client = drizzlePglite(instance as PGlite, { schema });
  const db = client as unknown as Database;
  return {
    db,
    kind: 'pglite',
    queueTarget: { kind: 'pglite', instance },
    migrate: async () => {
      await migratePglite(client, { migrationsFolder });
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await instance.close();
      releaseLock();
    },
  };
}
