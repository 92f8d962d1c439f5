import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { actionItems, timelineEvents } from '../../../storage/schema.ts';

describeEachDatabase('postmortem part routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;
  let base: string;

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    base = `/api/v1/postmortems/${postmortem.id}`;
  });
  afterAll(() => server.close());

  it('refuses anonymous and viewer writes but lets viewers read', async () => {
    expect((await server.anonymous.get(`${base}/timeline-events`)).statusCode).toBe(401);
    const write = await viewer.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:00:00Z',
      text: 'x',
    });
    expect(write.statusCode).toBe(403);
    const read = await viewer.get(`${base}/timeline-events`);
    expect(read.statusCode).toBe(200);
    expect(
      read.json().data.every((e: { abilities: { update: boolean } }) => !e.abilities.update),
    ).toBe(true);
  });

  it('keeps manual timeline events sorted, accepted, with their original timestamp text', async () => {
    await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:30:00+01:00',
      text: 'Second',
      kind: 'action',
    });
    await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T09:00:00Z',
      text: 'First',
      kind: 'detection',
    });
    const events = (await member.get(`${base}/timeline-events`))
      .json()
      .data.map((e: { data: Record<string, unknown> }) => e.data);
    expect(events.map((e: { text: string }) => e.text)).toEqual(['First', 'Second']);
    expect(events[1]).toMatchObject({
      occurredAt: '2026-11-16T09:30:00.000Z',
      originalTimestamp: '2026-11-16T10:30:00+01:00',
      source: 'manual',
      status: 'accepted',
    });
  });

  it('rejects a timestamp without a zone and invalid kinds, all at once', async () => {
    const response = await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16 10:00',
      text: '',
      kind: 'panic',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.kind', 'body.occurredAt', 'body.text']);
  });

  it('edits and deletes a timeline event under If-Match', async () => {
    const created = (
      await member.post(`${base}/timeline-events`, {
        occurredAt: '2026-11-16T11:00:00Z',
        text: 'Typo',
      })
    ).json().data;
    const url = `/api/v1/timeline-events/${created.id}`;
    expect((await member.patch(url, { text: 'Fixed' })).statusCode).toBe(428);
    const edited = await member.patch(url, { text: 'Fixed', pinned: true }, 1);
    expect(edited.json().data).toMatchObject({ text: 'Fixed', pinned: true, version: 2 });
    expect((await member.delete(url, 1)).statusCode).toBe(412);
    expect((await member.delete(url, 2)).statusCode).toBe(204);
    const [row] = await server.handle.db
      .select({ n: count() })
      .from(timelineEvents)
      .where(eq(timelineEvents.id, created.id));
    expect(row?.n).toBe(0);
    expect((await member.delete(url, 2)).statusCode).toBe(404);
  });

  it('checks factor categories against the policy taxonomy', async () => {
    const bad = await member.post(`${base}/contributing-factors`, {
      description: 'x',
      category: 'gremlins',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('category');
    const ok = await member.post(`${base}/contributing-factors`, {
      description: 'No alert on saturation',
      category: 'detection_gap',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('enforces action item invariants and keeps linked factors within the postmortem', async () => {
    const before = (await server.handle.db.select({ n: count() }).from(actionItems))[0]?.n;
    const wontDo = await member.post(`${base}/action-items`, {
      title: 'Rewrite',
      kind: 'prevent',
      status: 'wont_do',
    });
    expect(wontDo.statusCode).toBe(422);
    expect(wontDo.json().details.rule).toBe('WONT_DO_WITHOUT_REASON');
    const foreign = await member.post(`${base}/action-items`, {
      title: 'Link elsewhere',
      kind: 'prevent',
      linkedFactorIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.statusCode).toBe(422);
    const unknownOwner = await member.post(`${base}/action-items`, {
      title: 'Owned by a ghost',
      kind: 'detect',
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOwner.statusCode).toBe(422);
    expect(unknownOwner.json().details.rule).toBe('UNKNOWN_REFERENCE');
    const badUrl = await member.post(`${base}/action-items`, {
      title: 'x',
      kind: 'detect',
      trackerUrl: 'javascript:alert(1)',
    });
    expect(badUrl.statusCode).toBe(400);
    expect((await server.handle.db.select({ n: count() }).from(actionItems))[0]?.n).toBe(before);
    const created = await member.post(`${base}/action-items`, {
      title: 'Alert on pool saturation',
      kind: 'detect',
      ownerName: 'SRE',
      dueDate: '2026-12-01',
      successCriterion: 'Alert fires in a load test',
      trackerUrl: 'https://tracker.example.com/SRE-12',
    });
    expect(created.statusCode).toBe(201);
    const skip = await member.patch(
      `/api/v1/action-items/${created.json().data.id}`,
      { status: 'wont_do', wontDoReason: 'Superseded by SRE-13' },
      1,
    );
    expect(skip.json().data).toMatchObject({
      status: 'wont_do',
      wontDoReason: 'Superseded by SRE-13',
    });
  });

  it('refuses the author approving their own report, and shows no approve button for it', async () => {
    const self = (
      await member.post(`${base}/participants`, {
        name: 'Author as reviewer',
        role: 'reviewer',
        userId: member.user.id,
      })
    ).json().data;
    const refused = await member.patch(`/api/v1/participants/${self.id}`, { approved: true }, 1);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'INVARIANT_VIOLATED',
      details: { rule: 'AUTHOR_SELF_APPROVAL' },
    });
    const listed = (await member.get(`${base}/participants`)).json().data;
    const row = listed.find((p: { data: { id: string } }) => p.data.id === self.id);
    expect(row.abilities.approve).toBe(false);
    expect(row.data.approvedAt).toBeNull();
    await member.delete(`/api/v1/participants/${self.id}`, 1);
  });

  it('lets only reviewers approve, in their own name or by an admin', async () => {
    const engineer = (
      await member.post(`${base}/participants`, { name: 'Eng', role: 'engineering' })
    ).json().data;
    const notReviewer = await member.patch(
      `/api/v1/participants/${engineer.id}`,
      { approved: true },
      1,
    );
    expect(notReviewer.statusCode).toBe(422);
    const reviewer = (
      await member.post(`${base}/participants`, {
        name: 'Rev',
        role: 'reviewer',
        userId: admin.user.id,
      })
    ).json();
    expect(reviewer.abilities.approve).toBe(false);
    const byOther = await member.patch(
      `/api/v1/participants/${reviewer.data.id}`,
      { approved: true },
      1,
    );
    expect(byOther.statusCode).toBe(403);
    const own = await admin.patch(
      `/api/v1/participants/${reviewer.data.id}`,
      { approved: true },
      1,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json().data.approvedAt).not.toBeNull();
    const unknownUser = await member.post(`${base}/participants`, {
      name: 'Ghost',
      role: 'reviewer',
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownUser.statusCode).toBe(422);
  });
});
