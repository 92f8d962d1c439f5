import { sql } from 'drizzle-orm';
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
import { scanReminders } from '../../app/notifications/scan-reminders.ts';
import { defaultPolicy, type Policy } from '../../domain/policy.ts';
import { notifications } from '../../storage/schema.ts';
import { buildNotificationChannels } from '../notifications/notification-config.ts';
import { type FollowUpJobs, startFollowUpJobs } from './start-follow-up-jobs.ts';

const until = async (check: () => boolean, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

for (const kind of testDatabaseKinds) {
  describe(`phase-deadline reminders and weekly team digests [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let opener: ApiClient;
    let lead: ApiClient;
    let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let jobs: FollowUpJobs;
    let deps: AppDeps;
    let visible: string;

    beforeAll(async () => {
      server = await startTestServer(kind);
      smtp = await startSmtpReceiver();
      hooks = await startWebhookReceiver();
      admin = await server.setUpAdmin();
      opener = await server.signUp(admin, 'member', 'Pat Opener');
      lead = await server.signUp(admin, 'member', 'Lee Lead');
      const policy: Policy = {
        ...defaultPolicy,
        reminders: { ...defaultPolicy.reminders, teamLeads: { Platform: lead.user.email } },
      };
      deps = { ...server.deps, policy };
      server.setNow('2026-11-16T12:00:00Z');
      // Resolved Monday 16 November (sev2): the timeline is due by Thursday the 19th.
      const open = async (by: ApiClient, body: Record<string, unknown>) => {
        const incident = (await by.post('/api/v1/incidents', incidentBody(body))).json().data;
        return (await by.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data
          .id as string;
      };
      visible = await open(opener, {});
      await opener.post(`/api/v1/postmortems/${visible}/action-items`, {
        title: 'Alert on pool saturation',
        kind: 'detect',
        ownerUserId: opener.user.id,
        team: 'Platform',
        dueDate: '2026-11-20',
      });
      const restricted = await open(admin, { kind: 'security', restricted: true });
      await admin.post(`/api/v1/postmortems/${restricted}/action-items`, {
        title: 'Rotate the leaked signing key',
        kind: 'repair',
        ownerUserId: admin.user.id,
        team: 'Platform',
        dueDate: '2026-11-19',
      });
      const channels = buildNotificationChannels({
        smtpUrl: smtp.url,
        webhookUrl: `${hooks.url}/debrief`,
        publicUrl: 'https://debrief.example.com',
      });
      jobs = await startFollowUpJobs(server.handle, deps, channels, {
        schedule: false,
        pollingIntervalSeconds: 0.5,
      });
    });
    afterAll(async () => {
      await jobs?.stop();
      await smtp?.close();
      await hooks?.close();
      await server?.close();
    });

    const scan = () => scanReminders(deps, jobs.queue, jobs.outbox.channels);
    const subjects = () => smtp.messages.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '');
    const hookBodies = () => hooks.requests.map((r) => JSON.parse(r.body));

    it('reminds the opener of the next phase deadline the day before, then once a day while missed', async () => {
      server.setNow('2026-11-18T09:00:00Z');
      await scan();
      await scan();
      await until(() => smtp.messages.length >= 1 && hooks.requests.length >= 1, 'due soon');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Only the visible review reaches the shared webhook; the restricted one's opener (an
      // admin) hears of it by e-mail only.
      expect(subjects().sort()).toEqual([
        'Postmortem deadline coming up: Postmortem: Checkout latency',
        'Postmortem deadline coming up: Postmortem: Checkout latency',
      ]);
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(
        [admin.user.email, opener.user.email].sort(),
      );
      expect(hookBodies()).toEqual([
        expect.objectContaining({
          rule: 'postmortem.phase_due_soon',
          title: 'Postmortem: Checkout latency',
          body: 'Timeline gathered: due in 1 day, on 2026-11-19.',
          link: `https://debrief.example.com/postmortems/${visible}`,
        }),
      ]);

      server.setNow('2026-11-20T09:00:00Z');
      smtp.messages.length = 0;
      hooks.requests.length = 0;
      await scan();
      await until(() => hooks.requests.length >= 1, 'overdue');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const phase = hookBodies().filter((b) => b.rule === 'postmortem.phase_overdue');
      expect(phase.map((b) => b.body)).toEqual([
        'Timeline gathered: overdue by 1 day (due 2026-11-19).',
      ]);
      expect(JSON.stringify(hookBodies())).not.toContain('leaked');
      // The clock moved on by days: earlier sessions have ended.
      opener = await server.signIn(opener.user.email);
      const inApp = (await opener.get('/api/v1/notifications')).json().data;
      expect(inApp.map((n: { rule: string }) => n.rule)).toEqual(
        expect.arrayContaining(['postmortem.phase_due_soon', 'postmortem.phase_overdue']),
      );
    });

    it('sends each team a weekly digest on Monday, under each reader’s access, once', async () => {
      smtp.messages.length = 0;
      hooks.requests.length = 0;
      server.setNow('2026-11-22T09:00:00Z');
      await scan();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(subjects().some((s) => s.startsWith('Weekly action-item digest'))).toBe(false);

      server.setNow('2026-11-23T09:00:00Z');
      await Promise.all([scan(), scan()]);
      await until(
        () =>
          subjects().some((s) => s.startsWith('Weekly')) &&
          hookBodies().some((b) => b.rule === 'team.weekly_digest'),
        'the digests',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const toLead = smtp.messages.filter((m) => m.raw.includes('Subject: Weekly'));
      expect(toLead).toHaveLength(1);
      expect(toLead[0]?.to).toEqual([lead.user.email]);
      expect(toLead[0]?.raw).toContain('Subject: Weekly action-item digest: Platform: 1 overdue');
      expect(toLead[0]?.raw).toContain('Alert on pool saturation (postmortem #');
      // The lead is not a member of the restricted review: not its title, not its count.
      expect(toLead[0]?.raw).not.toContain('leaked');
      const shared = hookBodies().filter((b) => b.rule === 'team.weekly_digest');
      expect(shared).toHaveLength(1);
      expect(shared[0]).toMatchObject({
        title: 'Platform: 1 overdue',
        link: 'https://debrief.example.com/action-items',
      });
      expect(shared[0].body).not.toContain('leaked');
      const rows = await server.handle.db.select().from(notifications);
      expect(
        rows.filter((r) => r.rule === 'team.weekly_digest').map((r) => [r.channel, r.status]),
      ).toEqual(
        expect.arrayContaining([
          ['email', 'sent'],
          ['webhook', 'sent'],
        ]),
      );
      expect(rows.filter((r) => r.rule === 'team.weekly_digest')).toHaveLength(2);
    });

    it('keeps e-mail for after quiet hours, and none at all when a person turned it off', async () => {
      server.setNow('2026-11-24T09:00:00Z');
      smtp.messages.length = 0;
      opener = await server.signIn(opener.user.email);
      admin = await server.signIn(admin.user.email);
      const quiet = await opener.request({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        payload: {
          emailEnabled: true,
          quietHours: { start: '08:00', end: '11:00', timeZone: 'UTC' },
        },
      });
      expect(quiet.statusCode).toBe(200);
      expect(
        (
          await admin.request({
            method: 'PUT',
            url: '/api/v1/me/notification-preferences',
            payload: {
              emailEnabled: false,
              quietHours: null,
            },
          })
        ).statusCode,
      ).toBe(200);
      await scan();
      const rows = (await server.handle.db.select().from(notifications)).filter(
        (r) => r.day === '2026-11-24' && r.channel === 'email',
      );
      expect(rows.map((r) => r.recipientUserId)).not.toContain(admin.user.id);
      const pending = rows.filter((r) => r.recipientUserId === opener.user.id);
      expect(pending.length).toBeGreaterThan(0);
      // The delivery job waits in the queue until the quiet hours end.
      const starts = await Promise.all(
        pending.map(async (row) => {
          const result = await server.handle.db.execute(
            sql`select start_after from pgboss.job where name = 'deliver-notification' and data->>'id' = ${row.id}`,
          );
          const [job] = (result as unknown as { rows: Array<{ start_after: string | Date }> }).rows;
          return job ? new Date(job.start_after).toISOString().slice(0, 16) : 'no job';
        }),
      );
      expect(starts).toEqual(pending.map(() => '2026-11-24T11:00'));
    });
  });
}
