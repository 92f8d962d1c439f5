import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { timelineQueriesRepository } from '../../../storage/repositories/timeline-queries-repository.ts';
import { auditEvents } from '../../../storage/schema.ts';

type Item = { data: Record<string, unknown> & { id: string; text: string } };

describeEachDatabase('timeline routes', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  let viewer: ApiClient;
  let postmortemId: string;
  let base: string;
  const ids: Record<string, string> = {};

  const seed = (
    name: string,
    source: string,
    at: string,
    eventKind: string,
    status = 'proposed',
  ) => {
    const id = randomUUID();
    ids[name] = id;
    return {
      id,
      postmortemId,
      occurredAt: new Date(at),
      text: name,
      kind: eventKind,
      source,
      sourceRef: 'seed',
      externalId: `seed:${name}`,
      originalTimestamp: at,
      originalZone: 'UTC',
      actor: null,
      status,
      createdAt: new Date('2026-11-20T00:00:00Z'),
    };
  };

  beforeAll(async () => {
    ({ server, member, viewer } = await startTeamServer(kind));
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
    base = `/api/v1/postmortems/${postmortemId}`;
    await timelineQueriesRepository.insertImported(server.handle.db, [
      seed('page', 'pagerduty', '2026-11-16T10:02:00Z', 'detection'),
      seed('alert', 'alertmanager', '2026-11-16T10:01:00Z', 'detection'),
      seed('chat', 'slack', '2026-11-16T10:03:00Z', 'communication'),
      seed('rollback', 'slack', '2026-11-16T10:20:00Z', 'mitigation'),
      seed('ack', 'pagerduty', '2026-11-16T10:04:00Z', 'escalation'),
    ]);
  });
  afterAll(() => server.close());

  it('needs a session and hides other postmortems', async () => {
    expect((await server.anonymous.get(`${base}/timeline`)).statusCode).toBe(401);
    const missing = await member.get(`/api/v1/postmortems/${randomUUID()}/timeline`);
    expect(missing.statusCode).toBe(404);
  });

  it('merges sources in stable order, filters, and pages with a keyset cursor', async () => {
    const all = (await viewer.get(`${base}/timeline`)).json();
    expect(all.data.map((i: Item) => i.data.text)).toEqual([
      'alert',
      'page',
      'chat',
      'ack',
      'rollback',
    ]);
    expect(all.page).toEqual({ nextCursor: null, total: 5 });
    expect(all.data[0].abilities.update).toBe(false);
    const slack = (
      await viewer.get(`${base}/timeline?source=slack,pagerduty&kind=communication,mitigation`)
    ).json();
    expect(slack.data.map((i: Item) => i.data.text)).toEqual(['chat', 'rollback']);
    const window = (
      await viewer.get(`${base}/timeline?from=2026-11-16T10:02:00Z&to=2026-11-16T10:03:00Z`)
    ).json();
    expect(window.data.map((i: Item) => i.data.text)).toEqual(['page', 'chat']);
    const first = (await viewer.get(`${base}/timeline?limit=2`)).json();
    expect(first.page.total).toBe(5);
    const second = (
      await viewer.get(`${base}/timeline?limit=2&cursor=${first.page.nextCursor}`)
    ).json();
    const third = (
      await viewer.get(`${base}/timeline?limit=2&cursor=${second.page.nextCursor}`)
    ).json();
    expect([...first.data, ...second.data, ...third.data].map((i: Item) => i.data.text)).toEqual([
      'alert',
      'page',
      'chat',
      'ack',
      'rollback',
    ]);
    expect(third.page.nextCursor).toBeNull();
    const bad = await viewer.get(`${base}/timeline?status=maybe&cursor=nope`);
    expect(bad.statusCode).toBe(400);
  });

  it('lists ids and versions in timeline order, filtered, for a reader to compare', async () => {
    expect((await server.anonymous.get(`${base}/timeline/versions`)).statusCode).toBe(401);
    const missing = await member.get(`/api/v1/postmortems/${randomUUID()}/timeline/versions`);
    expect(missing.statusCode).toBe(404);
    const all = (await viewer.get(`${base}/timeline/versions`)).json();
    expect(all.data).toEqual({
      ids: [ids.alert, ids.page, ids.chat, ids.ack, ids.rollback],
      versions: [1, 1, 1, 1, 1],
    });
    expect(all.abilities).toEqual({ update: false, remove: false, review: false });
    expect(all.skews).toEqual([]);
    expect((await member.get(`${base}/timeline/versions`)).json().abilities).toEqual({
      update: true,
      remove: true,
      review: true,
    });
    const slack = (await viewer.get(`${base}/timeline/versions?source=slack`)).json();
    expect(slack.data.ids).toEqual([ids.chat, ids.rollback]);
    // The versions read the filters of the pages: the same address lists the same events.
    for (const filters of [
      'source=slack,pagerduty&kind=communication,mitigation',
      'from=2026-11-16T10:02:00Z&to=2026-11-16T10:03:00Z',
      'status=proposed&pinned=false&kind=detection',
    ]) {
      const page = (await viewer.get(`${base}/timeline?${filters}`)).json();
      const versions = (await viewer.get(`${base}/timeline/versions?${filters}`)).json();
      expect(versions.data.ids, filters).toEqual(page.data.map((i: Item) => i.data.id));
      expect(versions.data.ids.length, filters).toBeGreaterThan(0);
    }
    expect((await viewer.get(`${base}/timeline/versions?status=maybe`)).statusCode).toBe(400);
  });

  it('reads only the events asked for by id, with the other filters', async () => {
    const two = (await viewer.get(`${base}/timeline?ids=${ids.rollback},${ids.alert}`)).json();
    expect(two.data.map((i: Item) => i.data.text)).toEqual(['alert', 'rollback']);
    expect(two.page).toEqual({ nextCursor: null, total: 2 });
    const filtered = (
      await viewer.get(`${base}/timeline?ids=${ids.rollback},${ids.alert}&source=slack`)
    ).json();
    expect(filtered.data.map((i: Item) => i.data.text)).toEqual(['rollback']);
    expect((await viewer.get(`${base}/timeline?ids=nope`)).statusCode).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => randomUUID()).join(',');
    const refused = await viewer.get(`${base}/timeline?ids=${tooMany}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('reviews in bulk: viewers may not, foreign ids are refused, one audit event with the count', async () => {
    const body = { eventIds: [ids.alert, ids.ack, ids.rollback], action: 'accept' };
    expect((await viewer.post(`${base}/timeline/review`, body)).statusCode).toBe(403);
    const foreign = await member.post(`${base}/timeline/review`, {
      eventIds: [ids.alert, randomUUID()],
      action: 'accept',
    });
    expect(foreign.statusCode).toBe(422);
    const tooMany = await member.post(`${base}/timeline/review`, {
      eventIds: Array.from({ length: 1001 }, () => randomUUID()),
      action: 'reject',
    });
    expect(tooMany.statusCode).toBe(400);
    const accepted = await member.post(`${base}/timeline/review`, body);
    expect(accepted.json()).toEqual({ data: { updated: 3 } });
    const rejected = await member.post(`${base}/timeline/review`, {
      eventIds: [ids.chat],
      action: 'reject',
    });
    expect(rejected.json().data.updated).toBe(1);
    const proposed = (await member.get(`${base}/timeline?status=proposed`)).json();
    expect(proposed.data.map((i: Item) => i.data.text)).toEqual(['page']);
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'timeline.reviewed'),
          eq(auditEvents.postmortemId, postmortemId),
        ),
      );
    expect(audits.map((a) => a.data)).toEqual([
      { action: 'accept', updated: 3, requested: 3 },
      { action: 'reject', updated: 1, requested: 1 },
    ]);
  });

  it('shows a clock skew beside the instants of its source, never moving them', async () => {
    const created = await member.request({
      method: 'PUT',
      url: `${base}/clock-skews/slack`,
      payload: { offsetMs: -60_000, reason: 'export server clock ran fast' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const timeline = (await viewer.get(`${base}/timeline?source=slack`)).json();
    expect(timeline.skews).toEqual([
      { source: 'slack', offsetMs: -60_000, reason: 'export server clock ran fast' },
    ]);
    const versions = (await viewer.get(`${base}/timeline/versions?source=slack`)).json();
    expect(versions.skews).toEqual(timeline.skews);
    expect(timeline.data[0].data).toMatchObject({
      occurredAt: '2026-11-16T10:03:00.000Z',
      skewedOccurredAt: '2026-11-16T10:02:00.000Z',
    });
    const page = (await viewer.get(`${base}/timeline?source=pagerduty`)).json();
    expect(page.data[0].data.skewedOccurredAt).toBeUndefined();
    const put = (ifMatch?: number) =>
      member.request({
        method: 'PUT',
        url: `${base}/clock-skews/slack`,
        payload: { offsetMs: 5 },
        ifMatch,
      });
    expect((await put()).statusCode).toBe(428);
    expect((await put(7)).statusCode).toBe(412);
    expect((await put(1)).json().data).toMatchObject({ offsetMs: 5, version: 2, reason: '' });
    expect((await viewer.get(`${base}/clock-skews`)).json().data).toHaveLength(1);
    expect((await member.delete(`${base}/clock-skews/slack`, 1)).statusCode).toBe(412);
    expect((await member.delete(`${base}/clock-skews/slack`, 2)).statusCode).toBe(204);
    expect((await member.delete(`${base}/clock-skews/slack`, 2)).statusCode).toBe(404);
    expect((await viewer.get(`${base}/clock-skews`)).json().data).toEqual([]);
  });

  it('proposes key instants from accepted events and sets one when a person confirms', async () => {
    const proposals = (await viewer.get(`${base}/key-instant-proposals`)).json().data;
    const byName = Object.fromEntries(
      proposals.proposals.map((p: { name: string }) => [p.name, p]),
    );
    expect(byName.detected_at.proposed).toMatchObject({
      eventId: ids.alert,
      source: 'alertmanager',
    });
    expect(byName.detected_at.current).toMatchObject({ at: '2026-11-16T10:05:00.000Z' });
    expect(byName.acknowledged_at.proposed.eventId).toBe(ids.ack);
    expect(byName.mitigated_at.proposed.eventId).toBe(ids.rollback);
    expect(byName.resolved_at.proposed).toBeNull();
    const confirm = (name: string, eventId: string | undefined) =>
      member.post(`${base}/key-instant-proposals/confirm`, { name, eventId });
    expect((await confirm('detected_at', ids.page)).statusCode).toBe(422);
    const confirmed = await confirm('detected_at', ids.alert);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().data.instants.detected_at).toEqual({
      at: '2026-11-16T10:01:00.000Z',
      source: 'alertmanager',
      precision: 'exact',
    });
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'incident.updated'),
          eq(auditEvents.incidentId, proposals.incidentId),
        ),
      );
    expect(audits).toHaveLength(1);
  });
});
