import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, notifications } from '../../../storage/schema.ts';

describeEachDatabase('comment routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let ada: ApiClient;
  let bo: ApiClient;
  let sec: ApiClient;
  let viewer: ApiClient;
  let id: string;
  let base: string;
  let eventId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    ada = await server.signUp(admin, 'member', 'Ada Lovelace');
    bo = await server.signUp(admin, 'member', 'Bo Diddley');
    sec = await server.signUp(admin, 'member', 'Sec Lead');
    viewer = await server.signUp(admin, 'viewer');
    const incident = (await ada.post('/api/v1/incidents', incidentBody())).json().data;
    id = (await ada.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data.id;
    base = `/api/v1/postmortems/${id}`;
    eventId = (
      await ada.post(`${base}/timeline-events`, {
        occurredAt: '2026-11-16T10:05:00Z',
        text: 'Alert fired',
      })
    ).json().data.id;
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and viewers writing, lets viewers read', async () => {
    expect((await server.anonymous.get(`${base}/comments`)).statusCode).toBe(401);
    expect((await viewer.post(`${base}/comments`, { body: 'Hi' })).statusCode).toBe(403);
    expect((await viewer.get(`${base}/comments`)).statusCode).toBe(200);
  });

  it('reports every invalid field, and a target outside the postmortem', async () => {
    const invalid = await ada.post(`${base}/comments`, { targetType: 'tweet', body: '' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.body', 'body.targetType']);
    const foreign = await ada.post(`${base}/comments`, {
      targetType: 'action_item',
      targetId: '00000000-0000-4000-8000-000000000000',
      body: 'Who owns this?',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().details).toMatchObject({ rule: 'UNKNOWN_REFERENCE', field: 'targetId' });
  });

  it('threads on a timeline event with an @mention that notifies in the app, resolved and re-opened', async () => {
    const thread = await ada.post(`${base}/comments`, {
      targetType: 'timeline_event',
      targetId: eventId,
      body: `@${bo.user.email} was this the first page? cc @nobody@example.com`,
    });
    expect(thread.statusCode).toBe(201);
    expect(thread.json().data).toMatchObject({
      targetType: 'timeline_event',
      targetId: eventId,
      authorName: 'Ada Lovelace',
      mentionedUserIds: [bo.user.id],
      resolvedAt: null,
    });
    const notices = (await bo.get('/api/v1/notifications')).json().data;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ rule: 'comment.mentioned', postmortemId: id });
    expect(JSON.stringify(notices)).not.toContain('first page');

    const threadId = thread.json().data.id;
    const reply = await bo.post(`${base}/comments`, { threadId, body: 'Yes, at 10:05.' });
    expect(reply.json().data).toMatchObject({ threadId, targetId: eventId });
    const version = thread.json().data.version;
    const notMine = await bo.patch(`/api/v1/comments/${threadId}`, { body: 'Edited' }, version);
    expect(notMine.statusCode).toBe(403);
    const onReply = await ada.patch(
      `/api/v1/comments/${reply.json().data.id}`,
      { resolved: true },
      1,
    );
    expect(onReply.json().details.rule).toBe('RESOLVE_ON_THREAD_START');

    const resolved = await bo.patch(`/api/v1/comments/${threadId}`, { resolved: true }, version);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().data.resolvedById).toBe(bo.user.id);
    expect(
      (await bo.patch(`/api/v1/comments/${threadId}`, { resolved: false }, 2)).statusCode,
    ).toBe(412);
    const reopened = await ada.patch(
      `/api/v1/comments/${threadId}`,
      { resolved: false },
      version + 1,
    );
    expect(reopened.json().data.resolvedAt).toBeNull();

    const actions = (
      await server.handle.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.postmortemId, id))
    )
      .map((a) => a.action)
      .filter((a) => a.startsWith('comment.'));
    expect(actions).toEqual([
      'comment.created',
      'comment.created',
      'comment.resolved',
      'comment.reopened',
    ]);
  });

  it('keeps comments on a restricted section from non-members: no listing, no reply, no notification', async () => {
    const restrict = await ada.post(`${base}/restricted-sections`, {
      key: 'impact',
      memberIds: [ada.user.id, sec.user.id],
    });
    expect(restrict.statusCode).toBe(201);
    const secret = await ada.post(`${base}/comments`, {
      targetType: 'section',
      targetId: 'impact',
      body: `ZEPHYR-7731 exfiltrated? @${sec.user.email} @${bo.user.email}`,
    });
    expect(secret.statusCode).toBe(201);
    expect(secret.json().data.mentionedUserIds).toEqual([sec.user.id]);
    expect((await sec.get(`${base}/comments`)).body).toContain('ZEPHYR-7731');
    expect((await bo.get(`${base}/comments`)).body).not.toContain('ZEPHYR-7731');
    expect((await viewer.get(`${base}/comments`)).body).not.toContain('ZEPHYR-7731');
    const reply = await bo.post(`${base}/comments`, {
      threadId: secret.json().data.id,
      body: 'Me too',
    });
    expect(reply.statusCode).toBe(404);
    const onSection = await bo.post(`${base}/comments`, {
      targetType: 'section',
      targetId: 'impact',
      body: 'x',
    });
    expect(onSection.statusCode).toBe(404);
    const boNotices = await server.handle.db
      .select({ subjectId: notifications.subjectId })
      .from(notifications)
      .where(eq(notifications.recipientUserId, bo.user.id));
    expect(boNotices.map((n) => n.subjectId)).not.toContain(secret.json().data.id);
    expect((await sec.get('/api/v1/notifications')).json().data).toHaveLength(1);
  });
});
