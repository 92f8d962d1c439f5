import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { testDatabaseUrlVariable } from '../support/postgres-admin.ts';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../support/test-database.ts';
import { type DebriefRun, runDebrief } from './run-debrief.ts';

/** A temporary folder for one test file (data directories, written files), removed after it. */
export function temporaryFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `debrief-${name}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** The account a CLI test creates, an admin unless it says otherwise. */
export interface TestAccount {
  email?: string;
  name?: string;
  role?: 'admin' | 'member' | 'viewer';
}

/**
 * Creates an account through the real binary (`debrief user create`) in the database `target`
 * names; by default the first admin, `ops@example.com`, whom commands act as without `--as`.
 */
export function createAccount(
  target: readonly string[],
  { email = 'ops@example.com', name = 'Ops Admin', role = 'admin' }: TestAccount = {},
  ...flags: string[]
): Promise<DebriefRun> {
  return runDebrief([
    'user',
    'create',
    ...target,
    '--email',
    email,
    '--name',
    name,
    '--password',
    'correct horse battery staple',
    '--role',
    role,
    ...flags,
  ]);
}

const postgresTemplate = inject('postgresTemplate');

/**
 * Declares `name [postgres]` over a fresh PostgreSQL database; `fn` gets the flags naming it.
 * Without `DEBRIEF_TEST_DATABASE_URL` (or when `runIf` is false) the suite is declared skipped,
 * with the reason in its name, so that the report shows what did not run.
 */
export function describeOnPostgres(
  name: string,
  fn: (target: () => string[]) => void,
  runIf = true,
): void {
  const reason = postgresTemplate ? '' : ` (skipped: ${testDatabaseUrlVariable} is not set)`;
  describe.skipIf(!postgresTemplate || !runIf)(`${name} [postgres]${reason}`, () => {
    let database: PostgresTestDatabase | undefined;
    beforeAll(async () => {
      database = await createPostgresTestDatabase();
    });
    afterAll(() => database?.drop());
    fn(() => ['--database-url', database?.url ?? '']);
  });
}
