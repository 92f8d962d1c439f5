import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  lightPolicy,
  postmortemInFollowUp,
} from '../../../../test/http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

const unmet = (response: {
  json(): { details: { unmet: Array<{ code: string; subject?: { id: string } }> } };
}) => response.json().details.unmet;

describeEachDatabase('action item follow-through', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      ...lightPolicy,
      actionItems: { ...lightPolicy.actionItems, verifierMustDifferFromOwner: true },
    });
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    other = await server.signUp(admin, 'member');
  });
  afterAll(() => server.close());

  const close = async (postmortemId: string, version: number) =>
    member.post(`/api/v1/postmortems/${postmortemId}/transitions`, { to: 'closed' }, version);

  it('refuses verification to anonymous callers and for unknown items', async () => {
    const { itemId } = await postmortemInFollowUp(member);
    const evidence = { evidence: 'https://git.example.com/platform/pulls/812' };
    expect(
      (await server.anonymous.post(`/api/v1/action-items/${itemId}/verification`, evidence))
        .statusCode,
    ).toBe(401);
    const missing = await member.post(
      '/api/v1/action-items/00000000-0000-4000-8000-000000000000/verification',
      evidence,
    );
    expect(missing.statusCode).toBe(404);
    const invalid = await member.post(`/api/v1/action-items/${itemId}/verification`, {
      evidence: 'not a link',
      extra: 1,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.length).toBeGreaterThanOrEqual(2);
  });

  it('will not close with an item done but not verified, names it, and closes once verified with evidence', async () => {
    const pm = await postmortemInFollowUp(member, { ownerUserId: member.user.id });
    const item = (await member.get(`/api/v1/postmortems/${pm.postmortemId}/action-items`)).json()
      .data[0].data;
    const done = await member.patch(
      `/api/v1/action-items/${pm.itemId}`,
      { status: 'done' },
      item.version,
    );
    expect(done.statusCode).toBe(200);

    const refused = await close(pm.postmortemId, await pm.version());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('TRANSITION_REFUSED');
    expect(unmet(refused)).toEqual([
      expect.objectContaining({
        code: 'ACTION_ITEMS_NOT_VERIFIED',
        subject: { type: 'action_item', id: pm.itemId },
      }),
    ]);
    expect(unmet(refused)[0]).toMatchObject({
      message: expect.stringContaining('Validate pool sizes in CI'),
    });

    const url = `/api/v1/action-items/${pm.itemId}/verification`;
    const byOwner = await member.post(url, {
      evidence: 'https://git.example.com/platform/pulls/812',
    });
    expect(byOwner.statusCode).toBe(422);
    expect(byOwner.json().details.rules).toEqual(['VERIFIER_IS_OWNER']);

    const verified = await other.post(url, {
      evidence: 'https://git.example.com/platform/pulls/812',
      note: 'CI run 4812 failed on a 5-connection pool, as intended.',
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().data).toMatchObject({
      status: 'verified',
      verificationEvidence: 'https://git.example.com/platform/pulls/812',
      verificationNote: 'CI run 4812 failed on a 5-connection pool, as intended.',
      verifiedById: other.user.id,
      verifiedAt: expect.any(String),
    });

    const closed = await close(pm.postmortemId, await pm.version());
    expect(closed.statusCode).toBe(200);
    expect(closed.json().data.phase).toBe('closed');

    const history = (await member.get(`/api/v1/action-items/${pm.itemId}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'action_item.created',
      'action_item.updated',
      'action_item.verified',
    ]);
    expect(history[2]).toMatchObject({ actorId: other.user.id });
  });

  it('verifies only done items and only with evidence, reporting every broken rule', async () => {
    const pm = await postmortemInFollowUp(member);
    const refused = await member.post(`/api/v1/action-items/${pm.itemId}/verification`, {
      evidence: 'https://runbooks.example.com/checkout/pool-size',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.rules).toEqual(['VERIFY_REQUIRES_DONE']);
    const patched = await member.patch(
      `/api/v1/action-items/${pm.itemId}`,
      { status: 'verified', verificationEvidence: 'https://runbooks.example.com/checkout' },
      1,
    );
    expect(patched.statusCode).toBe(422);
    expect(patched.json().details.rules).toEqual(['VERIFY_REQUIRES_DONE']);
  });

  it('defaults due dates from the policy by severity and priority; an explicit null stays null', async () => {
    server.setNow('2026-11-20T12:00:00Z');
    const incident = (
      await member.post('/api/v1/incidents', incidentBody({ severity: 'sev1' }))
    ).json().data;
    const pm = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data;
    const add = async (body: Record<string, unknown>) =>
      (
        await member.post(`/api/v1/postmortems/${pm.id}/action-items`, {
          title: 'Canary every config change',
          kind: 'prevent',
          ...body,
        })
      ).json().data;
    expect((await add({})).dueDate).toBe('2026-12-05');
    expect((await add({ priority: 'p1' })).dueDate).toBe('2026-11-27');
    expect((await add({ dueDate: null })).dueDate).toBeNull();
    expect((await add({ dueDate: '2027-01-15' })).dueDate).toBe('2027-01-15');
  });

  it('keeps ideas out of the guards until promoted', async () => {
    const pm = await postmortemInFollowUp(member);
    const idea = await member.post(`/api/v1/postmortems/${pm.postmortemId}/action-items`, {
      title: 'Maybe move pool sizing into the service catalogue',
      kind: 'process',
      isIdea: true,
    });
    expect(idea.statusCode).toBe(201);
    expect(idea.json().data).toMatchObject({ isIdea: true, dueDate: null });
    await member.patch(
      `/api/v1/action-items/${pm.itemId}`,
      { status: 'wont_do', wontDoReason: 'Superseded' },
      1,
    );
    const closable = await member.post(
      `/api/v1/postmortems/${pm.postmortemId}/transitions`,
      { to: 'closed' },
      await pm.version(),
    );
    expect(closable.statusCode).toBe(200);
    await member.post(
      `/api/v1/postmortems/${pm.postmortemId}/transitions`,
      { to: 'follow_up', reason: 'The idea deserves a decision' },
      await pm.version(),
    );
    const ideaId = idea.json().data.id;
    expect((await member.post(`/api/v1/action-items/${ideaId}/promotion`)).statusCode).toBe(428);
    const promoted = await member.post(`/api/v1/action-items/${ideaId}/promotion`, undefined, 1);
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().data).toMatchObject({ isIdea: false, dueDate: expect.any(String) });
    const again = await member.post(`/api/v1/action-items/${ideaId}/promotion`, undefined, 2);
    expect(again.json().details.rule).toBe('NOT_AN_IDEA');
    const refused = await member.post(
      `/api/v1/postmortems/${pm.postmortemId}/transitions`,
      { to: 'closed' },
      await pm.version(),
    );
    expect(unmet(refused).map((u) => u.subject?.id)).toEqual([ideaId]);
  });

  describe('one list of causes', () => {
    it('lists marked why-nodes and factors together, with the items that address each', async () => {
      const pm = await postmortemInFollowUp(member);
      const base = `/api/v1/postmortems/${pm.postmortemId}`;
      await member.post(
        `${base}/transitions`,
        { to: 'analysis', reason: 'Dig deeper' },
        await pm.version(),
      );
      const node = (
        await member.post(`${base}/why-nodes`, {
          question: 'Why did checkout time out?',
          answer: 'The pool was sized for average load',
          mark: 'root_cause',
          noEvidenceReason: 'Found in the config history',
        })
      ).json().data;
      const causes = (await member.get(`${base}/causes`)).json().data;
      expect(causes).toEqual([
        expect.objectContaining({
          id: node.id,
          origin: 'why_node',
          isRootCause: true,
          actionItemIds: [],
        }),
        expect.objectContaining({
          id: pm.rootCauseId,
          origin: 'contributing_factor',
          actionItemIds: [pm.itemId],
        }),
      ]);
      const foreign = await member.patch(
        `/api/v1/action-items/${pm.itemId}`,
        { linkedWhyNodeIds: ['00000000-0000-4000-8000-000000000000'] },
        1,
      );
      expect(foreign.json().details.rule).toBe('FOREIGN_WHY_NODE');
      const linked = await member.patch(
        `/api/v1/action-items/${pm.itemId}`,
        { linkedWhyNodeIds: [node.id] },
        1,
      );
      expect(linked.statusCode).toBe(200);
      const after = (await member.get(`${base}/causes`)).json().data;
      expect(after[0].actionItemIds).toEqual([pm.itemId]);
      const viewerOfNothing = await server.signUp(admin, 'viewer');
      expect((await viewerOfNothing.get(`${base}/causes`)).statusCode).toBe(200);
    });
  });
});
