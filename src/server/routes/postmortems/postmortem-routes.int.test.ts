import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, postmortems } from '../../../storage/schema.ts';

const codes = (response: { json(): { details: { unmet: Array<{ code: string }> } } }) =>
  response.json().details.unmet.map((u) => u.code);

describeEachDatabase('postmortem routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');
  });
  afterAll(() => server.close());

  const createIncident = async (overrides: Record<string, unknown> = {}) =>
    (await member.post('/api/v1/incidents', incidentBody(overrides))).json().data;
  const openFor = async (
    incidentIds: string[],
    client = member,
    extra: Record<string, unknown> = {},
  ) => client.post('/api/v1/postmortems', { incidentIds, ...extra });

  it('refuses unauthenticated callers and viewers', async () => {
    const incident = await createIncident();
    expect(
      (await server.anonymous.post('/api/v1/postmortems', { incidentIds: [incident.id] }))
        .statusCode,
    ).toBe(401);
    expect((await openFor([incident.id], viewer)).statusCode).toBe(403);
  });

  it('validates the body: ids, duplicates, thematic title', async () => {
    const response = await member.post('/api/v1/postmortems', { incidentIds: ['nope', 'nope'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.length).toBeGreaterThanOrEqual(2);
    const incident = await createIncident();
    const thematic = await member.post('/api/v1/postmortems', {
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
      (await member.get(`/api/v1/incidents/${incident.id}`)).json().data.postmortemIds,
    ).toEqual([first.json().data.id]);
  });

  it('keeps the opener among the members of a review restricted from the start, and says so', async () => {
    const incident = await createIncident();
    const opened = await openFor([incident.id], admin, {
      restricted: true,
      memberIds: [member.user.id],
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json().data.restricted).toBe(true);
    // The answer lists everyone who sees it: the opener too, though the request left them out.
    expect([...opened.json().data.memberIds].sort()).toEqual(
      [admin.user.id, member.user.id].sort(),
    );
    const reread = await member.get(`/api/v1/postmortems/${opened.json().data.id}`);
    expect(reread.json().data.memberIds).toEqual(opened.json().data.memberIds);

    const openapi = (await server.anonymous.get('/api/v1/openapi.json')).json();
    const operation = openapi.paths['/api/v1/postmortems'].post;
    expect(operation.description).toMatch(/opener always among them/);
    expect(
      operation.requestBody.content['application/json'].schema.properties.memberIds.description,
    ).toMatch(/opener is always added/);
  });

  it('opens a thematic postmortem over several incidents with the worst severity', async () => {
    const a = await createIncident({ severity: 'sev3' });
    const b = await createIncident({ severity: 'sev1' });
    const response = await openFor([a.id, b.id], member, { title: 'Recurring cache evictions' });
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toMatchObject({ scope: 'thematic', severity: 'sev1' });
  });

  it('refuses a premature phase change with 409 listing every unmet condition, changing nothing', async () => {
    const incident = await createIncident({
      instants: { started_at: { at: '2026-11-16T10:00:00Z' } },
    });
    const { data } = (await openFor([incident.id])).json();
    const url = `/api/v1/postmortems/${data.id}/transitions`;
    expect((await member.post(url, { to: 'analysis' })).statusCode).toBe(428);
    const refused = await member.post(url, { to: 'analysis' }, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('TRANSITION_REFUSED');
    expect(codes(refused)).toEqual(['INCIDENT_NOT_RESOLVED', 'TIMELINE_EMPTY']);
    const skip = await member.post(url, { to: 'closed' }, 1);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const [row] = await server.handle.db
      .select()
      .from(postmortems)
      .where(eq(postmortems.id, data.id));
    expect(row).toMatchObject({ phase: 'data_gathering', version: 1 });
  });

  it('refuses a stale If-Match with 412 and the current version', async () => {
    const incident = await createIncident();
    const { data } = (await openFor([incident.id])).json();
    await member.patch(`/api/v1/postmortems/${data.id}`, { title: 'Renamed' }, 1);
    const stale = await member.patch(`/api/v1/postmortems/${data.id}`, { title: 'Lost' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.currentVersion).toBe(2);
    const transition = await member.post(
      `/api/v1/postmortems/${data.id}/transitions`,
      { to: 'analysis' },
      1,
    );
    expect(transition.statusCode).toBe(412);
  });

  it('walks the whole lifecycle to closed, auditing each step, and re-opens with a reason', async () => {
    const incident = await createIncident({ severity: 'sev2' });
    const opened = (await openFor([incident.id])).json().data;
    const id = opened.id;
    const base = `/api/v1/postmortems/${id}`;
    let version = opened.version;
    const advance = async (to: string, reason?: string) => {
      const response = await member.post(
        `${base}/transitions`,
        { to, ...(reason ? { reason } : {}) },
        version,
      );
      if (response.statusCode === 200) {
        version = response.json().data.version;
      }
      return response;
    };
    const patch = async (body: Record<string, unknown>) => {
      const response = await member.patch(base, body, version);
      expect(response.statusCode).toBe(200);
      version = response.json().data.version;
      return response.json().data;
    };

    const event = await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Alert fired for checkout latency',
      kind: 'detection',
    });
    expect(event.statusCode).toBe(201);
    expect((await advance('analysis')).statusCode).toBe(200);

    const toDocumentation = await advance('documentation');
    expect(codes(toDocumentation)).toEqual([
      'NO_CAUSES_IDENTIFIED',
      'ANALYSIS_MEETING_NOT_RECORDED',
    ]);
    const factor = (
      await member.post(`${base}/contributing-factors`, {
        description: 'Pool size change not validated against peak load',
        category: 'change_management',
        isRootCause: true,
      })
    ).json().data;
    await patch({ analysisMeetingAt: '2026-11-18T15:00:00Z' });
    expect((await advance('documentation')).statusCode).toBe(200);

    const item = (
      await member.post(`${base}/action-items`, {
        title: 'Validate pool sizes in CI',
        kind: 'prevent',
        dueDate: null,
      })
    ).json().data;
    await member.post(`${base}/contributing-factors`, {
      description: 'The on-call engineer should have noticed sooner',
      category: 'detection_gap',
    });
    const toFollowUp = await advance('follow_up');
    expect(toFollowUp.statusCode).toBe(409);
    expect(codes(toFollowUp)).toEqual([
      'REPORT_SECTION_MISSING',
      'REPORT_SECTION_MISSING',
      'REPORT_SECTION_MISSING',
      'BLAMELESS_FINDINGS_UNWAIVED',
      'ROOT_CAUSE_WITHOUT_ACTION',
      'ACTION_ITEM_WITHOUT_OWNER',
      'ACTION_ITEM_WITHOUT_DUE_DATE',
      'ACTION_ITEM_WITHOUT_SUCCESS_CRITERION',
      'REVIEWER_APPROVALS_MISSING',
    ]);

    await patch({
      sections: {
        summary: 'Checkout slowed.',
        impact: '18% errors.',
        lessons_learned: 'Validate configs.',
      },
    });
    const findings = (await member.get(`${base}/blameless-findings`)).json().data;
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(['hindsight']);
    expect(
      (
        await member.post(`${base}/blameless-waivers`, {
          key: findings[0].key,
          reason: 'Quoted from a personal account',
        })
      ).statusCode,
    ).toBe(204);
    version = (await member.get(base)).json().data.version;
    const itemUpdate = await member.patch(
      `/api/v1/action-items/${item.id}`,
      {
        ownerName: 'Platform team',
        dueDate: '2026-12-18',
        successCriterion: 'CI fails on undersized pools',
        linkedFactorIds: [factor.id],
      },
      item.version,
    );
    expect(itemUpdate.statusCode).toBe(200);
    // The member opened the review, so another person approves it.
    const reviewer = (
      await member.post(`${base}/participants`, {
        name: 'Admin',
        role: 'reviewer',
        userId: admin.user.id,
      })
    ).json().data;
    const byOther = await admin.patch(
      `/api/v1/participants/${reviewer.id}`,
      { approved: true },
      reviewer.version,
    );
    expect(byOther.statusCode).toBe(200);
    version = (await member.get(base)).json().data.version;
    expect((await advance('follow_up')).statusCode).toBe(200);

    const toClosed = await advance('closed');
    expect(codes(toClosed)).toEqual(['ACTION_ITEMS_NOT_VERIFIED']);
    const done = await member.patch(`/api/v1/action-items/${item.id}`, { status: 'done' }, 2);
    expect(done.statusCode).toBe(200);
    const noEvidence = await member.patch(
      `/api/v1/action-items/${item.id}`,
      { status: 'verified' },
      3,
    );
    expect(noEvidence.statusCode).toBe(422);
    const verified = await member.patch(
      `/api/v1/action-items/${item.id}`,
      { status: 'verified', verificationEvidence: 'CI run 4812 failed on a 5-connection pool' },
      3,
    );
    expect(verified.statusCode).toBe(200);
    const closed = await advance('closed');
    expect(closed.statusCode).toBe(200);
    expect(closed.json().data).toMatchObject({ phase: 'closed', nextPhase: null });
    expect(closed.json().data.closedAt).not.toBeNull();
    expect(closed.json().abilities).toMatchObject({ update: false, changePhase: true });

    const closedWrite = await member.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:06:00Z',
      text: 'late',
    });
    expect(closedWrite.statusCode).toBe(409);
    expect(closedWrite.json().code).toBe('POSTMORTEM_CLOSED');

    const noReason = await advance('follow_up');
    expect(codes(noReason)).toEqual(['REASON_REQUIRED']);
    const reopened = await advance('follow_up', 'The fix regressed');
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().data.closedAt).toBeNull();

    const trail = (await member.get(`${base}/audit-events?limit=100`)).json().data;
    const phaseChanges = trail
      .filter((e: { action: string }) => e.action === 'postmortem.phase_changed')
      .map((e: { data: { to: string } }) => e.data.to);
    expect(phaseChanges).toEqual(['follow_up', 'closed', 'follow_up', 'documentation', 'analysis']);
    const actions = new Set(trail.map((e: { action: string }) => e.action));
    for (const action of [
      'postmortem.opened',
      'timeline_event.created',
      'contributing_factor.created',
      'action_item.created',
      'action_item.updated',
      'participant.updated',
      'blameless_finding.waived',
    ]) {
      expect(actions.has(action)).toBe(true);
    }
    const rows = await server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.postmortemId, id));
    expect(rows.length).toBe(trail.length);
  });

  it('includes the timeline on request and never serves a stale cached read', async () => {
    const incident = await createIncident({
      instants: { started_at: { at: '2026-11-16T10:00:00Z' } },
    });
    const { data } = (await openFor([incident.id])).json();
    const url = `/api/v1/postmortems/${data.id}?include=timeline`;
    const first = await member.get(url);
    expect(first.json().data.timeline).toEqual([]);
    expect(first.json().abilities.update).toBe(true);
    expect((await viewer.get(url)).json().abilities.update).toBe(false);
    const event = (
      await member.post(`/api/v1/postmortems/${data.id}/timeline-events`, {
        occurredAt: '2026-11-16T10:01:00Z',
        text: 'Page sent',
      })
    ).json().data;
    const afterEvent = (await member.get(url)).json().data;
    expect(afterEvent.timeline.map((e: { text: string }) => e.text)).toEqual(['Page sent']);
    expect(afterEvent.unmetForNextPhase.map((u: { code: string }) => u.code)).toEqual([
      'INCIDENT_NOT_RESOLVED',
    ]);
    await member.patch(
      `/api/v1/incidents/${incident.id}`,
      { instants: { resolved_at: { at: '2026-11-16T11:00:00Z' } } },
      1,
    );
    expect((await member.get(url)).json().data.unmetForNextPhase).toEqual([]);
    await member.patch(`/api/v1/timeline-events/${event.id}`, { text: 'Page sent to on-call' }, 1);
    expect((await member.get(url)).json().data.timeline[0].text).toBe('Page sent to on-call');
    expect(
      (await member.get(`/api/v1/postmortems/${data.id}`)).json().data.timeline,
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
      const outsider = await server.signUp(admin, 'member');
      const before = (await outsider.get('/api/v1/postmortems')).json().page.total;
      const viewerBefore = (await viewer.get('/api/v1/postmortems')).json().page.total;
      const incident = await createIncident({ kind: 'security', title: 'Token exposure' });
      const { data } = (await openFor([incident.id])).json();
      expect(data.restricted).toBe(true);
      const base = `/api/v1/postmortems/${data.id}`;
      for (const client of [outsider, viewer]) {
        expect((await client.get(base)).statusCode).toBe(404);
        expect((await client.get(`${base}/timeline-events`)).statusCode).toBe(404);
        expect((await client.get(`${base}/audit-events`)).statusCode).toBe(404);
        expect(
          (await client.get(`/api/v1/postmortems?incidentId=${incident.id}`)).json().page.total,
        ).toBe(0);
      }
      expect((await outsider.get('/api/v1/postmortems')).json().page.total).toBe(before);
      expect((await viewer.get('/api/v1/postmortems')).json().page.total).toBe(viewerBefore);
      const event = (
        await member.post(`${base}/timeline-events`, {
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
      expect((await member.get(base)).statusCode).toBe(200);
      expect((await admin.get(base)).statusCode).toBe(200);
      const unrestricting = await member.patch(base, { restricted: false }, data.version);
      expect(unrestricting.statusCode).toBe(200);
      // The incident itself stays restricted, so its review stays hidden from outsiders.
      expect((await outsider.get(base)).statusCode).toBe(404);
    });
  });
});
