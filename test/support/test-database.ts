import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { describe, inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/storage/open-database.ts';
import {
  databaseUrl,
  dropDatabase,
  newTestDatabaseName,
  testDatabaseUrlVariable,
  withAdminClient,
} from './postgres-admin.ts';

/**
 * The databases the integration suites run against. `pglite-dir` is PGlite as `debrief serve`
 * opens it: a data directory, on a thread of its own (`pglite` is in memory, in process).
 */
export type TestDatabaseKind = 'pglite' | 'pglite-dir' | 'postgres';

const postgresTemplate = inject('postgresTemplate');

/** `pglite` always, plus `postgres` when `DEBRIEF_TEST_DATABASE_URL` is set. */
export const testDatabaseKinds: readonly TestDatabaseKind[] = postgresTemplate
  ? ['pglite', 'postgres']
  : ['pglite'];

let pgliteTemplate: Promise<Blob> | undefined;

/** The migrated PGlite data directory, read once per worker. */
function loadPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= readFile(inject('pgliteTemplatePath')).then((bytes) => new Blob([bytes]));
  return pgliteTemplate;
}

async function openPglite(): Promise<DatabaseHandle> {
  const instance = new PGlite({ loadDataDir: await loadPgliteTemplate() });
  return openDatabase({ kind: 'pglite-instance', instance });
}

/** A fresh data directory, opened on PGlite's thread and migrated; closing removes it. */
async function openPgliteDir(): Promise<DatabaseHandle> {
  const dataDir = await mkdtemp(join(tmpdir(), 'debrief-test-data-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database copied from the migrated template, by URL. */
export interface PostgresTestDatabase {
  url: string;
  /** Drops the database, disconnecting whoever still uses it. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, migrated PostgreSQL database (for code that wants a URL rather than a
 * handle, e.g. the CLI). Throws when `DEBRIEF_TEST_DATABASE_URL` is not set.
 */
export async function createPostgresTestDatabase(): Promise<PostgresTestDatabase> {
  if (!postgresTemplate) {
    throw new Error(`PostgreSQL test databases need ${testDatabaseUrlVariable}`);
  }
  const { adminUrl, templateDatabase } = postgresTemplate;
  const database = newTestDatabaseName(postgresTemplate);
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`create database "${database}" template "${templateDatabase}"`);
  });
  return {
    url: databaseUrl(adminUrl, database),
    drop: () => withAdminClient(adminUrl, (client) => dropDatabase(client, database)),
  };
}

async function openPostgres(): Promise<DatabaseHandle> {
  const database = await createPostgresTestDatabase();
  const handle = await openDatabase({ kind: 'postgres', url: database.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/**
 * A fresh, migrated database of the given kind, for one test or one file. Close it when done:
 * for PostgreSQL, closing also drops the database.
 */
export function openTestDatabase(kind: TestDatabaseKind): Promise<DatabaseHandle> {
  switch (kind) {
    case 'pglite':
      return openPglite();
    case 'pglite-dir':
      return openPgliteDir();
    case 'postgres':
      return openPostgres();
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown test database kind ${String(unreachable)}`);
    }
  }
}

/**
 * Declares the suite once per database kind, as `name [kind]`. Without
 * `DEBRIEF_TEST_DATABASE_URL` the PostgreSQL copy is still declared, skipped, with the reason in
 * its name, so that the report shows what did not run.
 */
export function describeEachDatabase(name: string, fn: (kind: TestDatabaseKind) => void): void {
  declareEach(name, testDatabaseKinds, fn);
}

/**
 * `describeEachDatabase` plus a copy over a PGlite data directory (`pglite-dir`, PGlite on its
 * own thread, as `debrief serve` runs it), for the suites that cover what that thread must keep
 * working: imports, the job queue, live updates.
 */
export function describeEachDatabaseAndDataDir(
  name: string,
  fn: (kind: TestDatabaseKind) => void,
): void {
  declareEach(name, ['pglite', 'pglite-dir', ...testDatabaseKinds.slice(1)], fn);
}

function declareEach(
  name: string,
  kinds: readonly TestDatabaseKind[],
  fn: (kind: TestDatabaseKind) => void,
): void {
  for (const kind of kinds) {
    describe(`${name} [${kind}]`, () => fn(kind));
  }
  if (!postgresTemplate) {
    describe.skip(`${name} [postgres] (skipped: ${testDatabaseUrlVariable} is not set)`, () =>
      fn('postgres'));
  }
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`, but the shared `Database`
 * type leaves `execute`'s result opaque.
 */
export async function queryRows<T extends Record<string, unknown>>(
  handle: Pick<DatabaseHandle, 'db'>,
  statement: SQL,
): Promise<T[]> {
  const result = (await handle.db.execute(statement)) as { rows: T[] };
  return result.rows;
}
