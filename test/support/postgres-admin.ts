import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The environment variable naming the PostgreSQL server of the integration suite. */
export const testDatabaseUrlVariable = 'DEBRIEF_TEST_DATABASE_URL';

/**
 * Prefix for test databases named by hand. Prefer `createPostgresTestDatabase()` from
 * `test-database.ts`: its names are per run, so a crashed run's leftovers get dropped later.
 */
export const testDatabasePrefix = 'debrief_t_';

/** Every database the suite creates starts with this, so that it can find its leftovers. */
const databasePrefix = 'debrief_t';

/** `debrief_t<start time, base 36><6 hex>_…`: the names {@link newRunDatabases} makes. */
const runNamePattern = /^debrief_t([0-9a-z]{8})[0-9a-f]{6}_/;

/** Databases of crashed runs are dropped by a later run once they are this old. */
const staleAfterMs = 6 * 60 * 60 * 1000;

/**
 * One test run's database names: `debrief_t<run>_template` and `debrief_t<run>_<random>`, where
 * `<run>` starts with the run's start time. Names are per run so that two runs against the same
 * server (two terminals, two CI jobs) never drop each other's databases.
 */
export interface RunDatabases {
  /** `debrief_t<run>_`: the prefix of every database of this run. */
  prefix: string;
  /** The migrated database each test database is copied from. */
  templateDatabase: string;
}

/** Fresh names for a new run. */
export function newRunDatabases(now = Date.now()): RunDatabases {
  const prefix = `${databasePrefix}${now.toString(36)}${randomBytes(3).toString('hex')}_`;
  return { prefix, templateDatabase: `${prefix}template` };
}

/** A fresh database name within a run. */
export function newTestDatabaseName(run: RunDatabases): string {
  return `${run.prefix}${randomBytes(8).toString('hex')}`;
}

/** `postgres://…/<database>` on the same server (and with the same credentials) as `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }
  return parsed.toString();
}

/** Runs `use` with a short-lived client on the admin URL; an unreachable server throws. */
export async function withAdminClient<T>(
  adminUrl: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    // CI must not turn an unreachable server into a silently skipped suite.
    throw new Error(
      `${testDatabaseUrlVariable} is set but PostgreSQL at ${redact(adminUrl)} does not answer; start it or unset the variable`,
      { cause: error },
    );
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Drops `database`, disconnecting whoever still uses it. Names are ours, never user input. */
export async function dropDatabase(client: pg.Client, database: string): Promise<void> {
  await client.query(`drop database if exists "${database}" with (force)`);
}

/** Drops the databases whose names start with `prefix`. */
export async function dropDatabasesStartingWith(client: pg.Client, prefix: string) {
  const found = await client.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [prefix],
  );
  for (const { datname } of found.rows) {
    await dropDatabase(client, datname);
  }
}

/** Drops what runs that crashed (and so never tore down) left behind, judged by age. */
export async function dropStaleDatabases(client: pg.Client, now = Date.now()): Promise<void> {
  const found = await client.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [databasePrefix],
  );
  for (const { datname } of found.rows) {
    const started = runNamePattern.exec(datname)?.[1];
    if (started !== undefined && now - Number.parseInt(started, 36) > staleAfterMs) {
      await dropDatabase(client, datname);
    }
  }
}
