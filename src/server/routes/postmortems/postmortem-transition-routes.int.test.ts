import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { startSuiteTeamServer } from '../../../../test/http/team-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, postmortems } from '../../../storage/schema.ts';

const codes = (response: { json(): { details: { unmet: Array<{ code: string }> } } }) =>
  response.json().details.unmet.map((u) => u.code);

describeEachDatabase('postmortem phase transitions', (kind) => {
  const team = startSuiteTeamServer(kind);
  const { createIncident, openPostmortem: openFor } = team;

  it('refuses unauthenticated callers and viewers a phase change', async () => {
    const incident = await createIncident();
    const { data } = (await openFor([incident.id])).json();
    const url = `/api/v1/postmortems/${data.id}/transitions`;
    expect((await team.server.anonymous.post(url, { to: 'analysis' }, 1)).statusCode).toBe(401);
    expect((await team.viewer.post(url, { to: 'analysis' }, 1)).statusCode).toBe(403);
  });

  it('refuses a premature phase change with 409 listing every unmet condition, changing nothing', async () => {
    const incident = await createIncident({
      instants: { started_at: { at: '2026-11-16T10:00:00Z' } },
    });
    const { data } = (await openFor([incident.id])).json();
    const url = `/api/v1/postmortems/${data.id}/transitions`;
    expect((await team.member.post(url, { to: 'analysis' })).statusCode).toBe(428);
    const refused = await team.member.post(url, { to: 'analysis' }, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('TRANSITION_REFUSED');
    expect(codes(refused)).toEqual(['INCIDENT_NOT_RESOLVED', 'TIMELINE_EMPTY']);
    const skip = await team.member.post(url, { to: 'closed' }, 1);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const [row] = await team.server.handle.db
      .select()
      .from(postmortems)
      .where(eq(postmortems.id, data.id));
    expect(row).toMatchObject({ phase: 'data_gathering', version: 1 });
  });

  it('refuses a stale If-Match with 412 and the current version', async () => {
    const incident = await createIncident();
    const { data } = (await openFor([incident.id])).json();
    await team.member.patch(`/api/v1/postmortems/${data.id}`, { title: 'Renamed' }, 1);
    const stale = await team.member.patch(`/api/v1/postmortems/${data.id}`, { title: 'Lost' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.currentVersion).toBe(2);
    const transition = await team.member.post(
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
      const response = await team.member.post(
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
      const response = await team.member.patch(base, body, version);
      expect(response.statusCode).toBe(200);
      version = response.json().data.version;
      return response.json().data;
    };

    const event = await team.member.post(`${base}/timeline-events`, {
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
      await team.member.post(`${base}/contributing-factors`, {
        description: 'Pool size change not validated against peak load',
        category: 'change_management',
        isRootCause: true,
      })
    ).json().data;
    await patch({ analysisMeetingAt: '2026-11-18T15:00:00Z' });
    expect((await advance('documentation')).statusCode).toBe(200);

    const item = (
      await team.member.post(`${base}/action-items`, {
        title: 'Validate pool sizes in CI',
        kind: 'prevent',
        dueDate: null,
      })
    ).json().data;
    await team.member.post(`${base}/contributing-factors`, {
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
    const findings = (await team.member.get(`${base}/blameless-findings`)).json().data;
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(['hindsight']);
    expect(
      (
        await team.member.post(`${base}/blameless-waivers`, {
          key: findings[0].key,
          reason: 'Quoted from a personal account',
        })
      ).statusCode,
    ).toBe(204);
    version = (await team.member.get(base)).json().data.version;
    const itemUpdate = await team.member.patch(
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
      await team.member.post(`${base}/participants`, {
        name: 'Admin',
        role: 'reviewer',
        userId: team.admin.user.id,
      })
    ).json().data;
    const byOther = await team.admin.patch(
      `/api/v1/participants/${reviewer.id}`,
      { approved: true },
      reviewer.version,
    );
    expect(byOther.statusCode).toBe(200);
    version = (await team.member.get(base)).json().data.version;
    expect((await advance('follow_up')).statusCode).toBe(200);

    const toClosed = await advance('closed');
    expect(codes(toClosed)).toEqual(['ACTION_ITEMS_NOT_VERIFIED']);
    const done = await team.member.patch(`/api/v1/action-items/${item.id}`, { status: 'done' }, 2);
    expect(done.statusCode).toBe(200);
    const noEvidence = await team.member.patch(
      `/api/v1/action-items/${item.id}`,
      { status: 'verified' },
      3,
    );
    expect(noEvidence.statusCode).toBe(422);
    const verified = await team.member.patch(
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

    const closedWrite = await team.member.post(`${base}/timeline-events`, {
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

    const trail = (await team.member.get(`${base}/audit-events?limit=100`)).json().data;
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
    const rows = await team.server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.postmortemId, id));
    expect(rows.length).toBe(trail.length);
  });
});
