import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/storage/open-database.ts';
import {
  databaseUrl,
  dropDatabase,
  newTestDatabaseName,
  testDatabaseUrlVariable,
  withAdminClient,
} from '../support/postgres-admin.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const postgres = inject('postgresTemplate');

/** Starts `debrief serve` on a free port; resolves with its URL, or rejects with its output. */
function startServer(url: string, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/debrief.js', 'serve', '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, DEBRIEF_DATA_DIR: '', LOG_LEVEL: 'warn' },
      },
    );
    children.push(child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const started = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (started?.[1]) {
        resolve(started[1]);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`debrief serve exited ${code}:\n${output}`)));
  });
}

describe.skipIf(!postgres)(
  `two instances starting together on an empty PostgreSQL${postgres ? '' : ` (skipped: ${testDatabaseUrlVariable} is not set)`}`,
  () => {
    const children: ChildProcess[] = [];
    const database = postgres ? newTestDatabaseName(postgres) : '';
    afterAll(async () => {
      for (const child of children) {
        child.kill('SIGKILL');
      }
      if (postgres) {
        await withAdminClient(postgres.adminUrl, (client) => dropDatabase(client, database));
      }
    });

    it('migrates from four handles at once on an empty database: one applies, the others wait', async () => {
      if (!postgres) {
        return;
      }
      const empty = newTestDatabaseName(postgres);
      await withAdminClient(postgres.adminUrl, (client) =>
        client.query(`create database "${empty}"`),
      );
      const handles = await Promise.all(
        [1, 2, 3, 4].map(() =>
          openDatabase({
            kind: 'postgres',
            url: databaseUrl(postgres.adminUrl, empty),
            poolSize: 2,
          }),
        ),
      );
      try {
        const outcomes = await Promise.allSettled(handles.map((handle) => handle.migrate()));
        expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual([
          'ok',
          'ok',
          'ok',
          'ok',
        ]);
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
        await withAdminClient(postgres.adminUrl, (client) => dropDatabase(client, empty));
      }
    });

    it('both migrate (one waits for the other) and both answer health', async () => {
      if (!postgres) {
        return;
      }
      await withAdminClient(postgres.adminUrl, (client) =>
        client.query(`create database "${database}"`),
      );
      const url = databaseUrl(postgres.adminUrl, database);
      const urls = await Promise.all([startServer(url, children), startServer(url, children)]);
      for (const base of urls) {
        const health = await fetch(`${base}/api/v1/health`);
        expect(health.status).toBe(200);
        const ready = await fetch(`${base}/api/v1/ready`);
        expect(ready.status).toBe(200);
      }
    });
  },
);
