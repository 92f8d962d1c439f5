import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import { startSmtpReceiver } from '../../../test/support/loopback-receivers.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { scanReminders } from '../../app/notifications/scan-reminders.ts';
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

const rule = 'theme.recurring_minor_issue';

for (const kind of testDatabaseKinds) {
  describe(`the recurring-minor-issue trigger tells the service owner [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let reporter: ApiClient;
    let owner: ApiClient;
    let otherOwner: ApiClient;
    let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let jobs: FollowUpJobs;
    const numbers: number[] = [];
    let restrictedNumber = 0;

    const incident = async (client: ApiClient, day: string, title: string, extra = {}) => {
      const response = await client.post('/api/v1/incidents', {
        title,
        summary: `${title}: webhook deliveries from the payment provider to payments-gateway timed out.`,
        kind: 'degradation',
        severity: 'sev3',
        services: ['payments-gateway'],
        instants: {
          started_at: { at: `${day}T09:00:00Z` },
          resolved_at: { at: `${day}T09:40:00Z` },
        },
        ...extra,
      });
      expect(response.statusCode).toBe(201);
      return response.json().data.number as number;
    };
    const own = async (service: string, ownerUserId: string) =>
      admin.request({
        method: 'PUT',
        url: `/api/v1/services/${service}`,
        payload: { ownerUserId },
      });

    beforeAll(async () => {
      server = await startTestServer(kind);
      server.setNow('2026-11-16T12:00:00Z');
      smtp = await startSmtpReceiver();
      admin = await server.setUpAdmin();
      reporter = await server.signUp(admin, 'member', 'Rae Reporter');
      owner = await server.signUp(admin, 'member', 'Oona Owner');
      otherOwner = await server.signUp(admin, 'member', 'Otto Other');
      expect((await own('payments-gateway', owner.user.id)).statusCode).toBe(201);
      expect((await own('ci', otherOwner.user.id)).statusCode).toBe(201);
      await incident(reporter, '2026-11-04', 'Build agents ran out of disk space', {
        summary: 'CI agents filled their disks with cached layers; builds failed.',
        services: ['ci'],
      });
      await incident(reporter, '2026-11-09', 'Expired TLS certificate on the status page', {
        summary: 'The certificate expired; browsers refused the status page for three hours.',
        services: ['status-page'],
      });
      numbers.push(await incident(reporter, '2026-11-02', 'Payment webhooks timing out'));
      numbers.push(await incident(reporter, '2026-11-06', 'Payment webhooks timing out again'));
      numbers.push(
        await incident(reporter, '2026-11-10', 'Payment webhooks timing out at checkout'),
      );
      // A fourth, restricted: it reaches the threshold only for those who may see it.
      restrictedNumber = await incident(admin, '2026-11-12', 'Payment webhooks timing out', {
        restricted: true,
      });
      jobs = await startFollowUpJobs(
        server.handle,
        server.deps,
        buildNotificationChannels({
          smtpUrl: smtp.url,
          publicUrl: 'https://debrief.example.com',
        }),
        { schedule: false, pollingIntervalSeconds: 0.5 },
      );
    });
    afterAll(async () => {
      await jobs?.stop();
      await smtp?.close();
      await server?.close();
    });

    // Sessions end after 8 idle hours: moving the clock by a day signs everyone in again.
    const moveTo = async (instant: string) => {
      server.setNow(instant);
      reporter = await server.signIn(reporter.user.email);
      owner = await server.signIn(owner.user.email);
      otherOwner = await server.signIn(otherOwner.user.email);
    };
    const scan = () => scanReminders(server.deps, jobs.queue, jobs.outbox.channels);
    const inApp = async (client: ApiClient) =>
      ((await client.get('/api/v1/notifications')).json().data as Array<{ rule: string }>).filter(
        (n) => n.rule === rule,
      ) as Array<{ rule: string; title: string; body: string }>;

    it('refuses an owner account that does not exist', async () => {
      const response = await own('search', '00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(422);
      expect(response.json().details.rule).toBe('UNKNOWN_REFERENCE');
    });

    it('says nothing while the owner sees only three of the four', async () => {
      await scan();
      expect(await inApp(owner)).toEqual([]);
    });

    it('tells the owner once, in the app and by e-mail, when a fourth visible one comes', async () => {
      await moveTo('2026-11-17T12:00:00Z');
      numbers.push(await incident(reporter, '2026-11-16', 'Payment webhooks timing out once more'));
      await scan();
      await until(() => smtp.messages.length >= 1, 'the e-mail');
      const [notice, ...more] = await inApp(owner);
      expect(more).toEqual([]);
      expect(notice?.title).toBe('Recurring minor issue on payments-gateway');
      expect(notice?.body).toContain(
        `4 related minor incidents (${numbers.map((n) => `#${n}`).join(', ')})`,
      );
      expect(notice?.body).not.toContain(`#${restrictedNumber}`);
      expect(smtp.messages.map((m) => m.to[0])).toEqual([owner.user.email]);
      expect(smtp.messages[0]?.raw).toContain('Recurring minor issue on payments-gateway');
      expect(smtp.messages[0]?.raw).not.toContain(`#${restrictedNumber},`);

      // Once per trigger, not once a day; no one else hears of it.
      await moveTo('2026-11-18T12:00:00Z');
      await scan();
      expect(await inApp(owner)).toHaveLength(1);
      expect(await inApp(otherOwner)).toEqual([]);
      expect(await inApp(reporter)).toEqual([]);
    });

    it('stops once every incident of the trigger has a review', async () => {
      const themes = (await owner.get('/api/v1/themes')).json().data;
      expect(themes[0].recurringMinorIssue.incidentIds).toHaveLength(4);
      expect(
        (await owner.post('/api/v1/postmortems', themes[0].suggestedPostmortem)).statusCode,
      ).toBe(201);
      await moveTo('2026-11-19T12:00:00Z');
      numbers.push(await incident(reporter, '2026-11-18', 'Payment webhooks timing out yet again'));
      await scan();
      // The newest incident has no review yet: the trigger holds anew, and says so once.
      expect(await inApp(owner)).toHaveLength(2);
    });
  });
}
