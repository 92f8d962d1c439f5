import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSlackExport } from '../../bench/generate-slack-export.ts';
import { multipartBody } from '../fuzz/support/multipart.ts';
import {
  createPostgresTestDatabase,
  type PostgresTestDatabase,
  testDatabaseKinds,
} from '../support/test-database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A `debrief serve` child process and its address. */
interface Served {
  child: ChildProcess;
  base: string;
}

/** Starts `debrief serve` on a free port with `env`; resolves once it listens. */
function serve(env: Record<string, string>): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/debrief.js', 'serve', '--port', '0', '--host', '127.0.0.1'],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env } },
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const started = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (started?.[1]) {
        resolve({ child, base: started[1] });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code, signal) =>
      reject(new Error(`debrief serve ended (${code ?? signal}):\n${output}`)),
    );
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A signed-in browser-like client of a served Debrief. */
function client(base: string, cookie: string, csrf: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    upload: async (path: string, files: Array<{ name: string; content: Buffer }>) => {
      const { payload, headers } = multipartBody({}, files);
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, cookie, 'x-csrf-token': csrf },
        body: new Uint8Array(payload),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

/** The upload folders the server left in the temporary directory. */
function uploadsIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('debrief-import-'));
}

for (const kind of testDatabaseKinds) {
  describe(`an import cut off by kill -9 [${kind}]`, () => {
    let work: string;
    let temp: string;
    let env: Record<string, string>;
    let postgres: PostgresTestDatabase | undefined;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'debrief-crash-'));
      temp = join(work, 'tmp');
      mkdirSync(temp);
      if (kind === 'postgres') {
        postgres = await createPostgresTestDatabase();
        env = { TMPDIR: temp, DATABASE_URL: postgres.url, DEBRIEF_DATA_DIR: '' };
      } else {
        env = { TMPDIR: temp, DEBRIEF_DATA_DIR: join(work, 'data'), DATABASE_URL: '' };
      }
    });
    afterAll(async () => {
      await Promise.all(children.map(killHard));
      await postgres?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    it('is failed with IMPORT_INTERRUPTED on the next start, nothing of it stored, its upload removed', async () => {
      // A Slack export large enough that its import is still running when the server dies.
      const exportDir = join(work, 'export');
      await generateSlackExport(exportDir, 40_000);
      const files = readdirSync(exportDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return { name: `export/${relative(exportDir, path)}`, content: readFileSync(path) };
        });

      const first = await serve(env);
      children.push(first.child);
      const setup = await fetch(`${first.base}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'admin@example.com',
          name: 'Avery Admin',
          password: 'correct horse battery staple',
        }),
      });
      expect(setup.status).toBe(201);
      const cookie = String(setup.headers.get('set-cookie')).split(';')[0] ?? '';
      const { csrfToken } = (await setup.json()) as { csrfToken: string };
      const before = client(first.base, cookie, csrfToken);
      const incident = await before.post('/api/v1/incidents', {
        title: 'Payments pool saturation',
        kind: 'outage',
        severity: 'sev2',
        services: ['payments-db'],
        instants: { started_at: { at: '2026-01-01T08:00:00Z' } },
      });
      const postmortem = await before.post('/api/v1/postmortems', {
        incidentIds: [incident.body.data.id],
      });
      const postmortemId: string = postmortem.body.data.id;
      const accepted = await before.upload(`/api/v1/postmortems/${postmortemId}/imports`, files);
      expect(accepted.status).toBe(202);
      const jobId: string = accepted.body.data.id;

      // The import runs in the background (on PGlite it holds the one connection, so nothing
      // else can read the job meanwhile); a few seconds into it, end the server as a crash or
      // the OOM killer would. 40k messages take far longer than that to import.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(uploadsIn(temp)).toHaveLength(1);
      await killHard(first.child);

      const second = await serve(env);
      children.push(second.child);
      const after = client(second.base, cookie, csrfToken);
      const job = (await after.get(`/api/v1/imports/${jobId}`)).body.data;
      expect(job).toMatchObject({
        status: 'failed',
        error: { code: 'IMPORT_INTERRUPTED', status: 503 },
      });
      expect(job.finishedAt).not.toBeNull();
      const timeline = await after.get(`/api/v1/postmortems/${postmortemId}/timeline-events`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.data).toEqual([]);
      expect(uploadsIn(temp)).toEqual([]);
    });
  });
}
