import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../../test/http/team-server.ts';
import {
  type ApiClient,
  incidentBody,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, postmortems } from '../../../storage/schema.ts';

describeEachDatabase('meeting routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;
  let postmortemId: string;
  let base: string;
  let engineerId: string;

  const open = async (overrides: Record<string, unknown> = {}) => {
    const incident = (await member.post('/api/v1/incidents', incidentBody(overrides))).json().data;
    return (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json().data;
  };
  const meetingAudits = async (id: string) =>
    server.handle.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id))
      .orderBy(asc(auditEvents.id))
      .then((rows) => rows.filter((r) => r.action === 'postmortem.meeting_recorded'));
  const stored = async () =>
    (
      await server.handle.db
        .select({
          at: postmortems.analysisMeetingAt,
          ids: postmortems.analysisMeetingAttendeeIds,
          version: postmortems.version,
        })
        .from(postmortems)
        .where(eq(postmortems.id, postmortemId))
    )[0];

  beforeAll(async () => {
    ({ server, admin, member, viewer } = await startTeamServer(kind));
    postmortemId = (await open()).id;
    base = `/api/v1/postmortems/${postmortemId}`;
    const events = [
      { occurredAt: '2026-11-16T10:20:00Z', text: 'Rolled back the release', kind: 'mitigation' },
      { occurredAt: '2026-11-16T10:05:00Z', text: 'Latency alert fired', kind: 'detection' },
      { occurredAt: '2026-11-16T10:10:00Z', text: 'Paged the database team', kind: 'escalation' },
    ];
    for (const event of events) {
      await member.post(`${base}/timeline-events`, {
        ...event,
        pinned: event.kind === 'detection',
      });
    }
    await member.post(`${base}/open-questions`, { text: 'Why no saturation alert?' });
    engineerId = (
      await member.post(`${base}/participants`, { name: 'Eng', role: 'engineering' })
    ).json().data.id;
    await member.post(`${base}/participants`, { name: 'Fay', role: 'facilitator' });
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and viewer writes', async () => {
    expect((await server.anonymous.get(`${base}/agenda`)).statusCode).toBe(401);
    const write = await viewer.request({
      method: 'PUT',
      url: `${base}/meeting`,
      payload: { heldAt: '2026-11-18T09:00:00Z' },
      ifMatch: 1,
    });
    expect(write.statusCode).toBe(403);
  });

  it('generates the agenda: timeline in order, pinned callout, durations, gaps', async () => {
    const response = await viewer.get(`${base}/agenda?minutes=45`);
    expect(response.statusCode).toBe(200);
    expect(response.json().abilities.update).toBe(false);
    const agenda = response.json().data;
    expect(agenda.totalMinutes).toBe(45);
    expect(agenda.sections.map((s: { key: string }) => s.key)).toEqual([
      'timeline-1',
      'pinned_moments',
      'open_questions',
      'why_tree',
      'action_items',
    ]);
    expect(
      agenda.sections.reduce((sum: number, s: { minutes: number }) => sum + s.minutes, 0),
    ).toBe(45);
    const walk = agenda.sections[0].items;
    expect(walk.map((i: { tag: string }) => i.tag)).toEqual([
      'detection',
      'escalation',
      'mitigation',
    ]);
    expect(walk[0]).toMatchObject({ pinned: true, occurredAt: '2026-11-16T10:05:00.000Z' });
    expect(walk[0].prompts).toContain('How did we find out?');
    expect(agenda.sections[1].items).toHaveLength(1);
    expect(agenda.sections[2].items[0].text).toBe('Why no saturation alert?');
    expect(agenda.participation.gaps).toEqual(['product', 'support', 'management']);
    expect(agenda.meeting).toEqual({ heldAt: null, notes: '', attendeeIds: [] });
  });

  it('refuses an agenda length out of range', async () => {
    const response = await member.get(`${base}/agenda?minutes=2`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.minutes');
  });

  it('refuses attendees who are not participants, writing nothing', async () => {
    const { version } = (await member.get(base)).json().data;
    const response = await member.request({
      method: 'PUT',
      url: `${base}/meeting`,
      payload: {
        heldAt: '2026-11-18T09:00:00Z',
        attendeeIds: [engineerId, '00000000-0000-4000-8000-000000000000'],
      },
      ifMatch: version,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'INVARIANT_VIOLATED',
      details: { rule: 'UNKNOWN_REFERENCE', attendeeIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(await stored()).toMatchObject({ at: null, ids: [], version });
    expect(await meetingAudits(postmortemId)).toEqual([]);
  });

  it('records the meeting under If-Match, lifts the guard and audits it', async () => {
    const gathered = (await member.get(base)).json().data;
    const moved = await member.post(`${base}/transitions`, { to: 'analysis' }, gathered.version);
    expect(moved.statusCode).toBe(200);
    const before = moved.json().data;
    expect(before.unmetForNextPhase.map((u: { code: string }) => u.code)).toContain(
      'ANALYSIS_MEETING_NOT_RECORDED',
    );
    const body = {
      heldAt: '2026-11-18T09:00:00+01:00',
      notes: 'Walked the timeline; two open questions.',
      attendeeIds: [engineerId],
    };
    const put = (ifMatch?: number) =>
      member.request({ method: 'PUT', url: `${base}/meeting`, payload: body, ifMatch });
    expect((await put()).statusCode).toBe(428);
    expect((await put(before.version + 5)).statusCode).toBe(412);
    const response = await put(before.version);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${before.version + 1}"`);
    expect(response.json().data).toMatchObject({
      analysisMeetingAt: '2026-11-18T08:00:00.000Z',
      analysisMeetingNotes: body.notes,
      analysisMeetingAttendeeIds: [engineerId],
    });
    expect(
      response.json().data.unmetForNextPhase.map((u: { code: string }) => u.code),
    ).not.toContain('ANALYSIS_MEETING_NOT_RECORDED');
    expect((await put(before.version)).statusCode).toBe(412);
    const audits = await meetingAudits(postmortemId);
    expect(audits).toEqual([
      {
        action: 'postmortem.meeting_recorded',
        data: { heldAt: '2026-11-18T08:00:00.000Z', attendeeIds: [engineerId] },
      },
    ]);
    const agenda = (await member.get(`${base}/agenda`)).json().data;
    expect(agenda.participation.byRole[0].members[0]).toMatchObject({ attended: true });
  });

  it('hides the agenda and the meeting of a restricted postmortem from outsiders', async () => {
    const restricted = await open({ kind: 'security', title: 'Token exposure' });
    const url = `/api/v1/postmortems/${restricted.id}`;
    const outsider = await server.signUp(admin, 'member');
    expect((await outsider.get(`${url}/agenda`)).statusCode).toBe(404);
    const put = await outsider.request({
      method: 'PUT',
      url: `${url}/meeting`,
      payload: { heldAt: '2026-11-18T09:00:00Z' },
      ifMatch: restricted.version,
    });
    expect(put.statusCode).toBe(404);
    expect(await meetingAudits(restricted.id)).toEqual([]);
    expect((await member.get(`${url}/agenda`)).statusCode).toBe(200);
  });
});
