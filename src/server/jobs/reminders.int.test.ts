import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import {
  startSmtpReceiver,
  startWebhookReceiver,
} from '../../../test/support/loopback-receivers.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { AppDeps } from '../../app/app-deps.ts';
import { deliverNotification } from '../../app/notifications/deliver-notification.ts';
import { scanReminders } from '../../app/notifications/scan-reminders.ts';
import { defaultPolicy, type Policy } from '../../domain/policy.ts';
import { startJobQueue } from '../../storage/job-queue.ts';
import { type DatabaseHandle, openDatabase } from '../../storage/open-database.ts';
import { notifications } from '../../storage/schema.ts';
import { buildNotificationChannels } from '../notifications/notification-config.ts';
import { startFollowUpJobs } from './start-follow-up-jobs.ts';

// Only the action-item rules here: no phase deadlines for sev2 (they have their own test).
const policy: Policy = {
  ...defaultPolicy,
  dueBusinessDays: { ...defaultPolicy.dueBusinessDays, sev2: {} },
  reminders: { ...defaultPolicy.reminders, escalateToPostmortemOwnerAfterDays: 2 },
};
const secret = 'whsec-loopback-test';

const until = async (check: () => boolean, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

// The job queue over a PGlite data directory too: pg-boss then talks to PGlite's thread.
for (const kind of [...testDatabaseKinds, 'pglite-dir' as const]) {
  describe(`reminders through the job queue [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let owner: ApiClient;
    let outsider: ApiClient;
    let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let second: { handle: DatabaseHandle; deps: AppDeps } | undefined;

    beforeAll(async () => {
      server = await startTestServer(kind, policy);
      smtp = await startSmtpReceiver();
      hooks = await startWebhookReceiver();
      admin = await server.setUpAdmin();
      owner = await server.signUp(admin, 'member', 'Olu Owner');
      outsider = await server.signUp(admin, 'member', 'Ola Outsider');
      server.setNow('2026-11-16T12:00:00Z');
      const open = async (body: Record<string, unknown>) => {
        const incident = (await admin.post('/api/v1/incidents', incidentBody(body))).json().data;
        return (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data
          .id as string;
      };
      const visible = await open({});
      await owner.post(`/api/v1/postmortems/${visible}/action-items`, {
        title: 'Alert on pool saturation',
        kind: 'detect',
        ownerUserId: owner.user.id,
        ownerName: 'Olu Owner',
        team: 'Platform',
        dueDate: '2026-11-18',
      });
      const secretReview = await open({ kind: 'security', restricted: true });
      await admin.post(`/api/v1/postmortems/${secretReview}/action-items`, {
        title: 'Rotate the leaked signing key',
        kind: 'repair',
        ownerUserId: outsider.user.id,
        dueDate: '2026-11-20',
      });
      if (kind === 'postgres' && server.handle.queueTarget.kind === 'postgres') {
        // A second Debrief instance on the same PostgreSQL, with the same (injected) clock.
        const handle = await openDatabase({ kind: 'postgres', url: server.handle.queueTarget.url });
        second = { handle, deps: { ...server.deps, db: handle.db } };
      }
    });
    afterAll(async () => {
      await second?.handle.close();
      await smtp?.close();
      await hooks?.close();
      await server?.close();
    });

    const channels = () =>
      buildNotificationChannels(
        {
          smtpUrl: smtp.url,
          webhookUrl: `${hooks.url}/debrief`,
          webhookSecret: secret,
          publicUrl: 'https://debrief.example.com',
        },
        () => new Date('2026-11-20T09:00:00Z'),
      );

    it('sends each overdue reminder once per rule per day, and a restart mid-way loses none and repeats none', async () => {
      server.setNow('2026-11-20T09:00:00Z');
      const instances = [server.deps, ...(second ? [second.deps] : [])];
      const handles = [server.handle, ...(second ? [second.handle] : [])];
      const firstJobs = await startFollowUpJobs(
        handles[0] as DatabaseHandle,
        server.deps,
        channels(),
        {
          schedule: false,
          pollingIntervalSeconds: 0.5,
        },
      );
      await firstJobs.stop();
      // Both instances scan at the same moment; the ledger lets one insert of each reminder win.
      const scanQueue = await startJobQueue(handles.at(-1) as DatabaseHandle, { schedule: false });
      const outcomes = await Promise.all(
        instances.map((deps) => scanReminders(deps, scanQueue, channels())),
      );
      // Overdue to the owner, escalated to the postmortem owner (the admin): in the app and by
      // e-mail; the shared webhook hears each rule once. The restricted item reaches nobody.
      expect(outcomes.reduce((sum, o) => sum + o.created, 0)).toBe(6);
      expect(outcomes.reduce((sum, o) => sum + o.enqueued, 0)).toBe(4);
      const again = await Promise.all(
        instances.map((deps) => scanReminders(deps, scanQueue, channels())),
      );
      expect(again.map((o) => o.created)).toEqual(instances.map(() => 0));
      await scanQueue.stop();

      // Instance one delivers one notification and stops (a restart); the next one delivers the rest.
      let deliveredBeforeRestart = 0;
      const stopping: Array<Promise<void>> = [];
      const base = channels();
      const counting = {
        ...base,
        email: async (...args: Parameters<NonNullable<typeof base.email>>) => {
          await base.email?.(...args);
          deliveredBeforeRestart += 1;
          stopping.push(one.stop());
        },
        shared: {
          webhook: async (n: Parameters<NonNullable<typeof base.shared.webhook>>[0]) => {
            await base.shared.webhook?.(n);
            deliveredBeforeRestart += 1;
            stopping.push(one.stop());
          },
        },
      };
      const one = await startFollowUpJobs(handles[0] as DatabaseHandle, server.deps, counting, {
        schedule: false,
        pollingIntervalSeconds: 0.5,
      });
      await until(() => deliveredBeforeRestart > 0, 'the first delivery');
      await Promise.all(stopping);
      expect(deliveredBeforeRestart).toBe(1);
      const two = await startFollowUpJobs(
        handles.at(-1) as DatabaseHandle,
        instances.at(-1) as AppDeps,
        channels(),
        {
          schedule: false,
          pollingIntervalSeconds: 0.5,
        },
      );
      try {
        await until(() => smtp.messages.length + hooks.requests.length >= 4, 'every delivery');
        await new Promise((resolve) => setTimeout(resolve, 1500));
      } finally {
        await two.stop();
      }

      expect(smtp.messages.map((m) => m.to).sort()).toEqual(
        [[admin.user.email], [owner.user.email]].sort(),
      );
      expect(smtp.messages.every((m) => !m.raw.includes('leaked'))).toBe(true);
      expect(
        smtp.messages.some((m) =>
          m.raw.includes('Subject: Action item overdue: Alert on pool saturation'),
        ),
      ).toBe(true);
      expect(hooks.requests).toHaveLength(2);
      for (const request of hooks.requests) {
        const expected = `sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`;
        expect(request.headers['x-debrief-signature']).toBe(expected);
        expect(JSON.parse(request.body)).toMatchObject({
          title: 'Alert on pool saturation',
          link: expect.stringContaining('https://debrief.example.com/postmortems/'),
        });
      }
      const rows = await server.handle.db.select().from(notifications);
      expect(rows.filter((r) => r.channel !== 'in_app').map((r) => r.status)).toEqual([
        'sent',
        'sent',
        'sent',
        'sent',
      ]);
      // A delivery job that runs again (a retry after a crash) finds the row sent and sends nothing.
      const sent = rows.find((r) => r.channel === 'email');
      expect(await deliverNotification(server.deps, channels(), sent?.id ?? '')).toBe('skipped');
      expect(smtp.messages).toHaveLength(2);

      // The next day brings the next reminder of each rule, once.
      server.setNow('2026-11-21T09:00:00Z');
      const nextQueue = await startJobQueue(handles[0] as DatabaseHandle, { schedule: false });
      const nextDay = await Promise.all(
        instances.map((deps) => scanReminders(deps, nextQueue, channels())),
      );
      await nextQueue.stop();
      expect(nextDay.reduce((sum, o) => sum + o.created, 0)).toBe(6);
      const byDay = await server.handle.db
        .select()
        .from(notifications)
        .where(eq(notifications.day, '2026-11-21'));
      expect(byDay).toHaveLength(6);
    });

    it('shows reminders in the app, only to whom they are addressed', async () => {
      // The clock moved on by days: earlier sessions have ended.
      owner = await server.signIn(owner.user.email);
      outsider = await server.signIn(outsider.user.email);
      const mine = (await owner.get('/api/v1/notifications')).json().data;
      expect(mine.map((n: { rule: string }) => n.rule)).toContain('action_item.overdue');
      expect(mine.every((n: { title: string }) => n.title === 'Alert on pool saturation')).toBe(
        true,
      );
      expect((await outsider.get('/api/v1/notifications')).json().data).toEqual([]);
    });
  });
}
