import { describe, expect, it } from 'vitest';
import { startSuiteTeamServer } from '../../../../test/http/team-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

describeEachDatabase('postmortem routes', (kind) => {
  const team = startSuiteTeamServer(kind);
  const { createIncident, openPostmortem: openFor } = team;

  it('refuses unauthenticated callers and viewers', async () => {
    const incident = await createIncident();
    expect(
      (await team.server.anonymous.post('/api/v1/postmortems', { incidentIds: [incident.id] }))
        .statusCode,
    ).toBe(401);
    expect((await openFor([incident.id], team.viewer)).statusCode).toBe(403);
  });

  it('validates the body: ids, duplicates, thematic title', async () => {
    const response = await team.member.post('/api/v1/postmortems', {
      incidentIds: ['nope', 'nope'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.length).toBeGreaterThanOrEqual(2);
    const incident = await createIncident();
    const thematic = await team.member.post('/api/v1/postmortems', {
      incidentIds: [incident.id],
      scope: 'thematic',
    });
    expect(thematic.statusCode).toBe(400);
  });

  it('opens one postmortem per incident and refuses a second single one', async () => {
    const incident = await createIncident();
    const first = await openFor([incident.id]);
    expect(first.statusCode).toBe(201);
    expect(first.json().data).toMatchObject({
      phase: 'data_gathering',
      scope: 'single',
      severity: 'sev2',
      version: 1,
    });
    const second = await openFor([incident.id]);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_EXISTS');
    expect(
      (await team.member.get(`/api/v1/incidents/${incident.id}`)).json().data.postmortemIds,
    ).toEqual([first.json().data.id]);
  });

  it('keeps the opener among the members of a review restricted from the start, and says so', async () => {
    const incident = await createIncident();
    const opened = await openFor([incident.id], team.admin, {
      restricted: true,
      memberIds: [team.member.user.id],
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json().data.restricted).toBe(true);
    // The answer lists everyone who sees it: the opener too, though the request left them out.
    expect([...opened.json().data.memberIds].sort()).toEqual(
      [team.admin.user.id, team.member.user.id].sort(),
    );
    const reread = await team.member.get(`/api/v1/postmortems/${opened.json().data.id}`);
    expect(reread.json().data.memberIds).toEqual(opened.json().data.memberIds);

    const openapi = (await team.server.anonymous.get('/api/v1/openapi.json')).json();
    const operation = openapi.paths['/api/v1/postmortems'].post;
    expect(operation.description).toMatch(/opener always among them/);
    expect(
      operation.requestBody.content['application/json'].schema.properties.memberIds.description,
    ).toMatch(/opener is always added/);
  });

  it('opens a thematic postmortem over several incidents with the worst severity', async () => {
    const a = await createIncident({ severity: 'sev3' });
    const b = await createIncident({ severity: 'sev1' });
    const response = await openFor([a.id, b.id], team.member, {
      title: 'Recurring cache evictions',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toMatchObject({ scope: 'thematic', severity: 'sev1' });
  });

  it('includes the timeline on request and never serves a stale cached read', async () => {
    const incident = await createIncident({
      instants: { started_at: { at: '2026-11-16T10:00:00Z' } },
    });
    const { data } = (await openFor([incident.id])).json();
    const url = `/api/v1/postmortems/${data.id}?include=timeline`;
    const first = await team.member.get(url);
    expect(first.json().data.timeline).toEqual([]);
    expect(first.json().abilities.update).toBe(true);
    expect((await team.viewer.get(url)).json().abilities.update).toBe(false);
    const event = (
      await team.member.post(`/api/v1/postmortems/${data.id}/timeline-events`, {
        occurredAt: '2026-11-16T10:01:00Z',
        text: 'Page sent',
      })
    ).json().data;
    const afterEvent = (await team.member.get(url)).json().data;
    expect(afterEvent.timeline.map((e: { text: string }) => e.text)).toEqual(['Page sent']);
    expect(afterEvent.unmetForNextPhase.map((u: { code: string }) => u.code)).toEqual([
      'INCIDENT_NOT_RESOLVED',
    ]);
    await team.member.patch(
      `/api/v1/incidents/${incident.id}`,
      { instants: { resolved_at: { at: '2026-11-16T11:00:00Z' } } },
      1,
    );
    expect((await team.member.get(url)).json().data.unmetForNextPhase).toEqual([]);
    await team.member.patch(
      `/api/v1/timeline-events/${event.id}`,
      { text: 'Page sent to on-call' },
      1,
    );
    expect((await team.member.get(url)).json().data.timeline[0].text).toBe('Page sent to on-call');
    expect(
      (await team.member.get(`/api/v1/postmortems/${data.id}`)).json().data.timeline,
    ).toBeUndefined();
  });

  it('shows deadlines from resolution in business days', async () => {
    const incident = await createIncident({ severity: 'sev1' });
    const { data } = (await openFor([incident.id])).json();
    expect(data.deadlines).toEqual([
      { phase: 'analysis', dueOn: '2026-11-18', reached: false, overdue: true },
      { phase: 'documentation', dueOn: '2026-11-23', reached: false, overdue: false },
      { phase: 'follow_up', dueOn: '2026-11-30', reached: false, overdue: false },
      { phase: 'closed', dueOn: '2027-01-11', reached: false, overdue: false },
    ]);
  });

  describe('restricted postmortems', () => {
    it('are 404 for non-members, absent from their lists and counts, visible to members and admins', async () => {
      const outsider = await team.server.signUp(team.admin, 'member');
      const before = (await outsider.get('/api/v1/postmortems')).json().page.total;
      const viewerBefore = (await team.viewer.get('/api/v1/postmortems')).json().page.total;
      const incident = await createIncident({ kind: 'security', title: 'Token exposure' });
      const { data } = (await openFor([incident.id])).json();
      expect(data.restricted).toBe(true);
      const base = `/api/v1/postmortems/${data.id}`;
      for (const client of [outsider, team.viewer]) {
        expect((await client.get(base)).statusCode).toBe(404);
        expect((await client.get(`${base}/timeline-events`)).statusCode).toBe(404);
        expect((await client.get(`${base}/audit-events`)).statusCode).toBe(404);
        expect(
          (await client.get(`/api/v1/postmortems?incidentId=${incident.id}`)).json().page.total,
        ).toBe(0);
      }
      expect((await outsider.get('/api/v1/postmortems')).json().page.total).toBe(before);
      expect((await team.viewer.get('/api/v1/postmortems')).json().page.total).toBe(viewerBefore);
      const event = (
        await team.member.post(`${base}/timeline-events`, {
          occurredAt: '2026-11-16T10:00:00Z',
          text: 'Key rotated',
        })
      ).json().data;
      expect(
        (await outsider.patch(`/api/v1/timeline-events/${event.id}`, { text: 'x' }, 1)).statusCode,
      ).toBe(404);
      expect((await outsider.post(`${base}/transitions`, { to: 'analysis' }, 1)).statusCode).toBe(
        404,
      );
      expect((await team.member.get(base)).statusCode).toBe(200);
      expect((await team.admin.get(base)).statusCode).toBe(200);
      const unrestricting = await team.member.patch(base, { restricted: false }, data.version);
      expect(unrestricting.statusCode).toBe(200);
      // The incident itself stays restricted, so its review stays hidden from outsiders.
      expect((await outsider.get(base)).statusCode).toBe(404);
    });
  });
});
