import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/storage/open-database.ts';
import {
  databaseUrl,
  dropDatabasesStartingWith,
  dropStaleDatabases,
  newRunDatabases,
  type RunDatabases,
  testDatabaseUrlVariable,
  withAdminClient,
} from './postgres-admin.ts';

/** Where the integration suites find the migrated PostgreSQL template of this run. */
export interface PostgresTemplate extends RunDatabases {
  /** The server's admin URL (`DEBRIEF_TEST_DATABASE_URL`); test databases are created there. */
  adminUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory (`dumpDataDir('none')`). */
    pgliteTemplatePath: string;
    /** `null` when `DEBRIEF_TEST_DATABASE_URL` is not set: the PostgreSQL suite is skipped. */
    postgresTemplate: PostgresTemplate | null;
  }
}

async function preparePglite(dir: string): Promise<string> {
  const started = performance.now();
  const instance = new PGlite();
  const handle = await openDatabase({ kind: 'pglite-instance', instance });
  try {
    await handle.migrate();
    const dump = await instance.dumpDataDir('none');
    const path = join(dir, 'pglite-template.tar');
    await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
    console.log(
      `PGlite template migrated and dumped in ${Math.round(performance.now() - started)} ms`,
    );
    return path;
  } finally {
    await handle.close();
  }
}

async function preparePostgres(adminUrl: string, run: RunDatabases): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await dropStaleDatabases(client);
    await client.query(`create database "${run.templateDatabase}"`);
  });
  const handle = await openDatabase({
    kind: 'postgres',
    url: databaseUrl(adminUrl, run.templateDatabase),
    poolSize: 1,
  });
  try {
    await handle.migrate();
  } finally {
    // A template must have no open connections when it is copied.
    await handle.close();
  }
}

/**
 * Migrates one PGlite and (when configured) one PostgreSQL template per run, so that each test
 * gets a fresh, migrated database by copying rather than migrating.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-test-'));
  project.provide('pgliteTemplatePath', await preparePglite(dir));

  const adminUrl = process.env[testDatabaseUrlVariable];
  const run = newRunDatabases();
  if (adminUrl) {
    try {
      await preparePostgres(adminUrl, run);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    project.provide('postgresTemplate', { adminUrl, ...run });
  } else {
    console.warn(
      `PostgreSQL integration suite skipped: set ${testDatabaseUrlVariable} (e.g. postgres://postgres@127.0.0.1:5432/test) to run it`,
    );
    project.provide('postgresTemplate', null);
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (adminUrl) {
      await withAdminClient(adminUrl, (client) => dropDatabasesStartingWith(client, run.prefix));
    }
  };
}
