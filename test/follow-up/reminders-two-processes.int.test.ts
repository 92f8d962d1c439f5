import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type JobQueue, startJobQueue } from '../../src/storage/job-queue.ts';
import { notifications } from '../../src/storage/schema.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../http/test-server.ts';
import { startSmtpReceiver, startWebhookReceiver } from '../support/loopback-receivers.ts';
import { testDatabaseUrlVariable } from '../support/postgres-admin.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const postgres = inject('postgresTemplate');
const secret = 'whsec-two-processes';
/** The queue's timings, shortened so that an abandoned delivery is retried within seconds. */
const timings = {
  pollingIntervalSeconds: 0.5,
  expireInSeconds: 4,
  maintenanceIntervalSeconds: 1,
  retryDelaySeconds: 1,
};

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 150_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** `Message-ID: <id@debrief>` of a raw message: the ledger row it delivers. */
const messageId = (raw: string) => /^Message-ID: <([^@>]+)@debrief>/im.exec(raw)?.[1] ?? '';

describe.skipIf(!postgres)(
  `reminders from two debrief serve processes on one PostgreSQL, one killed mid-send${postgres ? '' : ` (skipped: ${testDatabaseUrlVariable} is not set)`}`,
  () => {
    const children: ChildProcess[] = [];
    let server: TestServer;
    let admin: ApiClient;
    let owner: ApiClient;
    let outsider: ApiClient;
    let queue: JobQueue | undefined;
    /** Set once instance A is killed: from then on nothing is held. */
    let killed = false;
    let acceptedFromA = 0;
    /** Instance A's second send is held unanswered; A is killed while it waits for it. */
    const holdSecondOfA = (from: string) => {
      if (killed || from !== 'a') {
        return false;
      }
      acceptedFromA += 1;
      return acceptedFromA > 1;
    };
    let mail: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;

    /** Starts `debrief serve` (own process) as instance `name`; resolves once it listens. */
    const startInstance = async (name: string): Promise<ChildProcess> => {
      if (server.handle.queueTarget.kind !== 'postgres') {
        throw new Error('needs PostgreSQL');
      }
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/support/serve-with-clock.ts'],
        {
          cwd: root,
          env: {
            ...process.env,
            DATABASE_URL: server.handle.queueTarget.url,
            DEBRIEF_DATA_DIR: '',
            LOG_LEVEL: 'warn',
            DEBRIEF_TEST_NOW: '2026-11-20T09:00:00Z',
            DEBRIEF_TEST_QUEUE: JSON.stringify(timings),
            // The greeting name and the path tell the receivers which instance sent what.
            DEBRIEF_SMTP_URL: `${mail.url}/?name=instance-${name}`,
            DEBRIEF_WEBHOOK_URL: `${hook.url}/${name}`,
            DEBRIEF_WEBHOOK_SECRET: secret,
            DEBRIEF_PUBLIC_URL: 'https://debrief.example.com',
          },
        },
      );
      children.push(child);
      return new Promise((resolve, reject) => {
        let output = '';
        const collect = (chunk: Buffer) => {
          output += chunk;
          if (/running at http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
            resolve(child);
          }
        };
        child.stdout?.on('data', collect);
        child.stderr?.on('data', collect);
        child.on('exit', (code, signal) =>
          reject(new Error(`instance ${name} exited (${code ?? signal}):\n${output}`)),
        );
      });
    };

    beforeAll(async () => {
      mail = await startSmtpReceiver({
        hold: (client) => holdSecondOfA(client.replace('instance-', '')),
      });
      hook = await startWebhookReceiver({ hold: (path) => holdSecondOfA(path.slice(1)) });
      server = await startTestServer('postgres');
      admin = await server.setUpAdmin();
      owner = await server.signUp(admin, 'member', 'Olu Owner');
      outsider = await server.signUp(admin, 'member', 'Ola Outsider');
      server.setNow('2026-11-16T12:00:00Z');
      const open = async (body: Record<string, unknown>) => {
        const incident = (await admin.post('/api/v1/incidents', incidentBody(body))).json().data;
        return (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data
          .id as string;
      };
      for (const review of [1, 2, 3]) {
        const id = await open({ title: `Checkout latency ${review}` });
        for (const fix of [1, 2]) {
          const created = await admin.post(`/api/v1/postmortems/${id}/action-items`, {
            title: `Fix ${review}.${fix}: alert on pool saturation`,
            kind: 'detect',
            ownerUserId: owner.user.id,
            dueDate: '2026-11-16',
          });
          expect(created.statusCode).toBe(201);
        }
      }
      const restricted = await open({ kind: 'security', restricted: true });
      await admin.post(`/api/v1/postmortems/${restricted}/action-items`, {
        title: 'Rotate the leaked signing key',
        kind: 'repair',
        ownerUserId: outsider.user.id,
        dueDate: '2026-11-16',
      });
    });

    afterAll(async () => {
      for (const child of children) {
        child.kill('SIGKILL');
      }
      await queue?.stop({ graceful: false });
      await Promise.all([mail?.close(), hook?.close()]);
      await server?.close();
    });

    it('records and delivers each reminder exactly once, though one instance is killed while sending', async () => {
      const [a] = await Promise.all([startInstance('a'), startInstance('b')]);
      // Six hourly scans land at once; both instances take some of them.
      queue = await startJobQueue(server.handle, { ...timings, schedule: false });
      for (let scan = 0; scan < 6; scan++) {
        await queue.send(server.handle.db, 'scan-reminders', {});
      }

      await until(() => mail.held.length + hook.held.length > 0, 'instance A to be mid-send');
      a?.kill('SIGKILL');
      killed = true;
      const heldId =
        mail.held.length > 0
          ? messageId(mail.held[0]?.raw ?? '')
          : String(hook.held[0]?.headers['x-debrief-delivery']);
      const day = and(eq(notifications.day, '2026-11-20'), ne(notifications.channel, 'in_app'));
      const pendingAtKill = (await server.handle.db.select().from(notifications).where(day)).filter(
        (row) => row.status === 'pending',
      );
      // In the middle of sending: A had delivered one, the held one and others are still due.
      expect(acceptedFromA).toBe(2);
      expect(pendingAtKill.map((row) => row.id)).toContain(heldId);

      // A comes back (a restart); B never stopped.
      await startInstance('a');
      await until(async () => {
        const rows = await server.handle.db.select().from(notifications).where(day);
        return rows.length === 32 && rows.every((row) => row.status === 'sent');
      }, 'every delivery');
      await new Promise((resolve) => setTimeout(resolve, 3000));

      const rows = await server.handle.db
        .select()
        .from(notifications)
        .where(eq(notifications.day, '2026-11-20'));
      // Each visible item: overdue to its owner and escalated to the postmortem's opener (in the
      // app and by e-mail), both to the webhook; the restricted item only to the opener (an
      // admin), never to the webhook nor its owner who may not see it; each review's missed
      // phase deadline to its opener (and, for the visible ones, the webhook).
      const count = (channel: string) => rows.filter((row) => row.channel === channel).length;
      expect([count('in_app'), count('email'), count('webhook')]).toEqual([17, 17, 15]);
      expect(rows.some((row) => row.recipientUserId === outsider.user.id)).toBe(false);

      // Exactly once on the wire: every e-mail and webhook row accepted once, none twice.
      const emailIds = rows.filter((row) => row.channel === 'email').map((row) => row.id);
      expect(mail.messages.map((m) => messageId(m.raw)).sort()).toEqual(emailIds.sort());
      const hookIds = rows.filter((row) => row.channel === 'webhook').map((row) => row.id);
      expect(hook.requests.map((r) => String(r.headers['x-debrief-delivery'])).sort()).toEqual(
        hookIds.sort(),
      );
      // The send A was killed in the middle of went out later, once.
      expect([...emailIds, ...hookIds]).toContain(heldId);
      for (const request of hook.requests) {
        expect(request.headers['x-debrief-signature']).toBe(
          `sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`,
        );
        expect(request.body).not.toContain('leaked');
      }
    });
  },
);
