import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { startSmtpReceiver } from '../../../../test/support/loopback-receivers.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { deliverNotification } from '../../../app/notifications/deliver-notification.ts';
import type { NotificationChannels } from '../../../app/notifications/notification-channels.ts';
import { type JobQueue, startJobQueue } from '../../../storage/job-queue.ts';
import { notifications } from '../../../storage/schema.ts';
import { buildNotificationChannels } from '../../notifications/notification-config.ts';

/**
 * @mentions go through the follow-up notifications (`notifyPerson`): in the app, and by e-mail
 * as each person's preferences allow; never to someone who may not read where they were
 * mentioned, neither when the comment is written nor when its e-mail goes out. Deliveries are
 * run by hand here (a queue with no worker), so that access can change in between.
 */
describeEachDatabase('@mention notifications', (kind) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let queue: JobQueue;
  let channels: NotificationChannels;
  let admin: ApiClient;
  let ada: ApiClient;
  let bo: ApiClient;
  let cy: ApiClient;
  let sec: ApiClient;
  let base: string;
  let eventId: string;

  const ledger = async (commentId: string) =>
    (
      await server.handle.db
        .select({
          id: notifications.id,
          recipientUserId: notifications.recipientUserId,
          channel: notifications.channel,
          status: notifications.status,
          title: notifications.title,
          body: notifications.body,
          link: notifications.link,
        })
        .from(notifications)
        .where(
          and(eq(notifications.rule, 'comment.mentioned'), eq(notifications.subjectId, commentId)),
        )
    ).sort((a, b) =>
      `${a.recipientUserId}${a.channel}`.localeCompare(`${b.recipientUserId}${b.channel}`),
    );
  /** The comments `client` is told of in the app now (`GET /notifications`). */
  const noticesOf = async (client: ApiClient) => {
    const response = await client.get('/api/v1/notifications');
    expect(response.statusCode).toBe(200);
    return (response.json().data as Array<{ rule: string; subjectId: string }>)
      .filter((notice) => notice.rule === 'comment.mentioned')
      .map((notice) => notice.subjectId);
  };
  const channelsOf = async (commentId: string, userId: string) =>
    (await ledger(commentId))
      .filter((row) => row.recipientUserId === userId)
      .map((row) => row.channel)
      .sort();

  beforeAll(async () => {
    server = await startTestServer(kind);
    smtp = await startSmtpReceiver();
    queue = await startJobQueue(server.handle, { schedule: false });
    channels = buildNotificationChannels({
      smtpUrl: smtp.url,
      publicUrl: 'https://debrief.example.com',
    });
    // As `debrief serve` does: use cases notify through the outbox.
    server.deps.outbox = { queue, channels };
    admin = await server.setUpAdmin();
    ada = await server.signUp(admin, 'member', 'Ada Lovelace');
    bo = await server.signUp(admin, 'member', 'Bo Diddley');
    cy = await server.signUp(admin, 'member', 'Cy Young');
    sec = await server.signUp(admin, 'member', 'Sec Lead');
    const quiet = await cy.request({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      payload: { emailEnabled: false, quietHours: null },
    });
    expect(quiet.statusCode).toBe(200);
    const incident = (await ada.post('/api/v1/incidents', incidentBody())).json().data;
    const id = (await ada.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data
      .id;
    base = `/api/v1/postmortems/${id}`;
    eventId = (
      await ada.post(`${base}/timeline-events`, {
        occurredAt: '2026-11-16T10:05:00Z',
        text: 'Alert fired',
      })
    ).json().data.id;
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false });
    await smtp?.close();
    await server?.close();
  });

  it('tells the mentioned in the app and by e-mail, as each allows, without the comment', async () => {
    const comment = await ada.post(`${base}/comments`, {
      targetType: 'timeline_event',
      targetId: eventId,
      body: `@${bo.user.email} @${cy.user.email} did WALRUS-12 page anyone?`,
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json().data.id;
    expect(comment.json().data.mentionedUserIds.sort()).toEqual([bo.user.id, cy.user.id].sort());
    expect(await channelsOf(commentId, bo.user.id)).toEqual(['email', 'in_app']);
    // Cy turned e-mail off: the app only.
    expect(await channelsOf(commentId, cy.user.id)).toEqual(['in_app']);
    const rows = await ledger(commentId);
    expect(JSON.stringify(rows)).not.toContain('WALRUS-12');
    expect(rows[0]?.link).toMatch(/^https:\/\/debrief\.example\.com\/postmortems\//);

    const email = rows.find((r) => r.channel === 'email');
    expect(await deliverNotification(server.deps, channels, email?.id ?? '')).toBe('sent');
    expect(smtp.messages.map((m) => m.to)).toEqual([[bo.user.email]]);
    expect(smtp.messages[0]?.raw).toContain('Mentioned in a comment');
    expect(smtp.messages[0]?.raw).not.toContain('WALRUS-12');
  });

  it('tells no one outside a restricted section, and re-checks when the e-mail goes out', async () => {
    expect(
      (
        await ada.post(`${base}/restricted-sections`, {
          key: 'impact',
          memberIds: [ada.user.id, sec.user.id],
        })
      ).statusCode,
    ).toBe(201);
    const comment = await ada.post(`${base}/comments`, {
      targetType: 'section',
      targetId: 'impact',
      body: `@${sec.user.email} @${bo.user.email} was OSPREY-3 copied?`,
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json().data.id;
    expect(comment.json().data.mentionedUserIds).toEqual([sec.user.id]);
    expect(await channelsOf(commentId, bo.user.id)).toEqual([]);
    expect(await channelsOf(commentId, sec.user.id)).toEqual(['email', 'in_app']);
    expect(await noticesOf(sec)).toContain(commentId);

    // Sec leaves the section's members before the e-mail is sent: it is not sent, and the
    // notice is no longer shown to them in the app.
    const section = (await ada.get(`${base}/restricted-sections`)).json().data[0];
    const changed = await ada.patch(
      `${base}/restricted-sections/impact`,
      { memberIds: [ada.user.id] },
      section.version,
    );
    expect(changed.statusCode).toBe(200);
    const before = smtp.messages.length;
    const email = (await ledger(commentId)).find((r) => r.channel === 'email');
    expect(await deliverNotification(server.deps, channels, email?.id ?? '')).toBe('skipped');
    expect((await ledger(commentId)).find((r) => r.channel === 'email')?.status).toBe('failed');
    expect(smtp.messages.length).toBe(before);
    expect(await noticesOf(sec)).not.toContain(commentId);
    expect(await noticesOf(ada)).toEqual(expect.not.arrayContaining([commentId]));
  });

  it('takes a notice back from someone the postmortem is restricted from afterwards', async () => {
    const incident = (await ada.post('/api/v1/incidents', incidentBody())).json().data;
    const opened = (await ada.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data;
    const comment = await ada.post(`/api/v1/postmortems/${opened.id}/comments`, {
      body: `@${bo.user.email} @${sec.user.email} which queue backed up?`,
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json().data.id;
    expect(await noticesOf(bo)).toContain(commentId);
    expect(await noticesOf(sec)).toContain(commentId);

    const restricted = await admin.patch(
      `/api/v1/postmortems/${opened.id}`,
      { restricted: true, memberIds: [ada.user.id, sec.user.id] },
      opened.version,
    );
    expect(restricted.statusCode).toBe(200);
    expect(await noticesOf(bo)).not.toContain(commentId);
    expect(await noticesOf(sec)).toContain(commentId);
    const email = (await ledger(commentId)).find(
      (r) => r.channel === 'email' && r.recipientUserId === bo.user.id,
    );
    const before = smtp.messages.length;
    expect(await deliverNotification(server.deps, channels, email?.id ?? '')).toBe('skipped');
    expect(smtp.messages.length).toBe(before);
  });

  it('tells no one who may not see a restricted postmortem, by any channel', async () => {
    const incident = (await ada.post('/api/v1/incidents', incidentBody())).json().data;
    const hidden = await admin.post('/api/v1/postmortems', {
      incidentIds: [incident.id],
      restricted: true,
      memberIds: [ada.user.id, sec.user.id],
    });
    expect(hidden.statusCode).toBe(201);
    const comment = await ada.post(`/api/v1/postmortems/${hidden.json().data.id}/comments`, {
      body: `@${bo.user.email} @${sec.user.email} look`,
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json().data.id;
    expect(comment.json().data.mentionedUserIds).toEqual([sec.user.id]);
    expect(await channelsOf(commentId, bo.user.id)).toEqual([]);
    expect(await channelsOf(commentId, sec.user.id)).toEqual(['email', 'in_app']);
  });

  it('tells someone newly mentioned by an edit, once, and nobody outside a restricted section', async () => {
    const comment = (await ada.post(`${base}/comments`, { body: 'Who saw the first page?' })).json()
      .data;
    expect(await ledger(comment.id)).toEqual([]);
    const edited = await ada.patch(
      `/api/v1/comments/${comment.id}`,
      { body: `Who saw the first page? @${bo.user.email}` },
      comment.version,
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data.mentionedUserIds).toEqual([bo.user.id]);
    expect(await channelsOf(comment.id, bo.user.id)).toEqual(['email', 'in_app']);
    const again = await ada.patch(
      `/api/v1/comments/${comment.id}`,
      { body: `@${bo.user.email}: who saw the first page?` },
      edited.json().data.version,
    );
    expect(again.statusCode).toBe(200);
    expect((await ledger(comment.id)).length).toBe(2);

    // On the restricted section (Ada its only member by now), Bo is mentioned by an edit: nothing.
    const secret = (
      await ada.post(`${base}/comments`, {
        targetType: 'section',
        targetId: 'impact',
        body: 'Copied or not?',
      })
    ).json().data;
    const onSection = await ada.patch(
      `/api/v1/comments/${secret.id}`,
      { body: `Copied or not? @${bo.user.email}` },
      secret.version,
    );
    expect(onSection.statusCode).toBe(200);
    expect(onSection.json().data.mentionedUserIds).toEqual([]);
    expect(await ledger(secret.id)).toEqual([]);
  });
});
