import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lightPolicy } from '../../../../test/http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import type { Policy } from '../../../domain/policy.ts';
import { auditEvents } from '../../../storage/schema.ts';

const ok = <R extends { statusCode: number; body: string }>(response: R, status = 200): R => {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response;
};

/** Opens a postmortem and walks it to documentation, every follow-up guard but reviews met. */
async function postmortemInDocumentation(client: ApiClient): Promise<string> {
  const incident = ok(await client.post('/api/v1/incidents', incidentBody()), 201).json().data;
  const id: string = ok(
    await client.post('/api/v1/postmortems', { incidentIds: [incident.id] }),
    201,
  ).json().data.id;
  const base = `/api/v1/postmortems/${id}`;
  const version = async () => (await client.get(base)).json().data.version as number;
  ok(
    await client.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: 'Checkout latency alert fired',
      kind: 'detection',
    }),
    201,
  );
  ok(await client.post(`${base}/transitions`, { to: 'analysis' }, await version()));
  const cause = ok(
    await client.post(`${base}/contributing-factors`, {
      description: 'Pool size change not validated against peak load',
      category: 'change_management',
      isRootCause: true,
    }),
    201,
  ).json().data;
  ok(await client.patch(base, { analysisMeetingAt: '2026-11-18T15:00:00Z' }, await version()));
  ok(await client.post(`${base}/transitions`, { to: 'documentation' }, await version()));
  ok(
    await client.post(`${base}/action-items`, {
      title: 'Validate pool sizes in CI',
      kind: 'prevent',
      ownerName: 'Platform team',
      successCriterion: 'CI fails on undersized pools',
      linkedFactorIds: [cause.id],
    }),
    201,
  );
  return id;
}

describeEachDatabase('review routes', (kind) => {
  const policy: Policy = {
    ...lightPolicy,
    requiredReviewerApprovals: { sev1: 2, sev2: 2, sev3: 1, sev4: 0 },
    reviewTeams: {},
  };
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let ada: ApiClient;
  let lawyer: ApiClient;
  let bystander: ApiClient;
  let viewer: ApiClient;
  let id: string;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(kind, policy);
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member', 'Robin Author');
    ada = await server.signUp(admin, 'member', 'Ada Reviewer');
    lawyer = await server.signUp(admin, 'member', 'Lee Counsel');
    bystander = await server.signUp(admin, 'member', 'Sam Bystander');
    viewer = await server.signUp(admin, 'viewer');
    policy.reviewTeams = { legal: [lawyer.user.email] };
    id = await postmortemInDocumentation(author);
    base = `/api/v1/postmortems/${id}`;
  });
  afterAll(() => server.close());

  const toFollowUp = async () => {
    const version = (await author.get(base)).json().data.version;
    return author.post(`${base}/transitions`, { to: 'follow_up' }, version);
  };
  const codes = (response: { json(): { details: { unmet: Array<{ code: string }> } } }) =>
    response.json().details.unmet.map((u) => u.code);

  it('refuses anonymous callers, lets viewers read but not request', async () => {
    expect((await server.anonymous.get(`${base}/reviews`)).statusCode).toBe(401);
    const read = ok(await viewer.get(`${base}/reviews`));
    expect(read.json().abilities.request).toBe(false);
    expect((await viewer.post(`${base}/reviews`, { userId: ada.user.id })).statusCode).toBe(403);
  });

  it('reports every invalid field of a request or an answer', async () => {
    const both = await author.post(`${base}/reviews`, { userId: ada.user.id, team: 'legal' });
    expect(both.statusCode).toBe(400);
    expect(both.headers['content-type']).toContain('application/problem+json');
    const neither = await author.post(`${base}/reviews`, { role: 'Not A Key' });
    expect(neither.statusCode).toBe(400);
    expect(
      neither
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.role', 'body.userId']);
    const someId = '00000000-0000-4000-8000-000000000000';
    const noComment = await ada.post(
      `/api/v1/reviews/${someId}/decision`,
      { decision: 'changes_requested' },
      1,
    );
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors[0].path).toBe('body.comment');
  });

  it('asks people and teams, refuses the author, unknown teams and a second open request', async () => {
    const self = await author.post(`${base}/reviews`, { userId: author.user.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().details.rule).toBe('AUTHOR_SELF_APPROVAL');
    const unknownTeam = await author.post(`${base}/reviews`, { team: 'finance' });
    expect(unknownTeam.statusCode).toBe(422);
    expect(unknownTeam.json().details).toMatchObject({
      rule: 'UNKNOWN_REFERENCE',
      known: ['legal'],
    });
    const viewerAsked = await author.post(`${base}/reviews`, { userId: viewer.user.id });
    expect(viewerAsked.json().details.rule).toBe('REVIEWER_CANNOT_REVIEW');

    const person = ok(await author.post(`${base}/reviews`, { userId: ada.user.id }), 201).json();
    expect(person.data).toMatchObject({ label: 'Ada Reviewer', status: 'pending', role: null });
    const team = ok(await author.post(`${base}/reviews`, { team: 'legal' }), 201).json();
    expect(team.data).toMatchObject({ label: 'team legal', role: 'legal', status: 'pending' });
    const again = await author.post(`${base}/reviews`, { userId: ada.user.id });
    expect(again.json().details).toMatchObject({
      rule: 'REVIEW_ALREADY_REQUESTED',
      reviewRequestId: person.data.id,
    });

    const listed = ok(await author.get(`${base}/reviews`)).json();
    expect(listed.summary).toMatchObject({ required: 2, approvals: 0, teams: ['legal'] });
    expect(listed.summary.pending.map((p: { label: string }) => p.label)).toEqual([
      'Ada Reviewer',
      'team legal',
    ]);
    const adaView = ok(await ada.get(`${base}/reviews`)).json();
    expect(adaView.data.map((r: { abilities: { decide: boolean } }) => r.abilities.decide)).toEqual(
      [true, false],
    );
    const lawyerView = ok(await lawyer.get(`${base}/reviews`)).json();
    expect(
      lawyerView.data.map((r: { abilities: { decide: boolean } }) => r.abilities.decide),
    ).toEqual([false, true]);

    const notified = ok(await ada.get('/api/v1/notifications')).json().data;
    expect(notified.map((n: { rule: string }) => n.rule)).toContain('review.requested');
    expect(ok(await lawyer.get('/api/v1/notifications')).json().data.length).toBe(1);
    expect(ok(await bystander.get('/api/v1/notifications')).json().data).toEqual([]);

    const refused = await toFollowUp();
    expect(refused.statusCode).toBe(409);
    expect(codes(refused)).toEqual([
      'REVIEWER_APPROVALS_MISSING',
      'REVIEW_PENDING',
      'REVIEW_PENDING',
    ]);
    expect(refused.json().details.unmet[0].message).toContain(
      'waiting for Ada Reviewer, team legal',
    );
  });

  it('lets only the person or team asked answer, and a request for changes holds follow-up', async () => {
    const [person, team] = ok(await author.get(`${base}/reviews`)).json().data;
    const byBystander = await bystander.post(
      `/api/v1/reviews/${person.data.id}/decision`,
      { decision: 'approved' },
      person.data.version,
    );
    expect(byBystander.statusCode).toBe(403);

    const changes = ok(
      await ada.post(
        `/api/v1/reviews/${person.data.id}/decision`,
        { decision: 'changes_requested', comment: 'The impact section misses EU customers.' },
        person.data.version,
      ),
    ).json();
    expect(changes.data).toMatchObject({
      status: 'changes_requested',
      comment: 'The impact section misses EU customers.',
      decidedByName: 'Ada Reviewer',
    });
    const stale = await ada.post(
      `/api/v1/reviews/${person.data.id}/decision`,
      { decision: 'approved' },
      person.data.version,
    );
    expect(stale.statusCode).toBe(412);

    ok(
      await lawyer.post(
        `/api/v1/reviews/${team.data.id}/decision`,
        { decision: 'approved', comment: 'No legal exposure.' },
        team.data.version,
      ),
    );
    const refused = await toFollowUp();
    expect(codes(refused)).toEqual(['REVIEWER_APPROVALS_MISSING', 'REVIEW_CHANGES_REQUESTED']);
    expect(
      ok(await author.get('/api/v1/notifications'))
        .json()
        .data.map((n: { rule: string }) => n.rule)
        .sort(),
    ).toEqual(['review.approved', 'review.changes_requested']);

    ok(
      await ada.post(
        `/api/v1/reviews/${person.data.id}/decision`,
        { decision: 'approved' },
        changes.data.version,
      ),
    );
    const summary = ok(await author.get(`${base}/reviews`)).json().summary;
    expect(summary).toMatchObject({ approvals: 2, pending: [] });

    // The report changes after both approvals: they were of another text, so both are stale,
    // their reviewers pending again and told so; follow-up waits for them.
    const edit = async (text: string) =>
      ok(
        await author.patch(
          base,
          { sections: { impact: text } },
          (await author.get(base)).json().data.version,
        ),
      );
    await edit('Checkout was slow for EU and US customers for forty minutes.');
    const after = ok(await author.get(`${base}/reviews`)).json();
    expect(after.data.map((r: { data: { status: string } }) => r.data.status)).toEqual([
      'stale',
      'stale',
    ]);
    expect(after.data[0].data).toMatchObject({ decidedByName: 'Ada Reviewer' });
    expect(after.summary.approvals).toBe(0);
    expect(after.summary.pending).toHaveLength(2);
    expect(codes(await toFollowUp())).toEqual([
      'REVIEWER_APPROVALS_MISSING',
      'REVIEW_PENDING',
      'REVIEW_PENDING',
    ]);
    for (const reviewer of [ada, lawyer]) {
      expect(
        ok(await reviewer.get('/api/v1/notifications'))
          .json()
          .data.map((n: { rule: string }) => n.rule),
      ).toContain('review.approval_dismissed');
    }
    expect(
      ok(await author.get('/api/v1/notifications'))
        .json()
        .data.map((n: { rule: string }) => n.rule),
    ).not.toContain('review.approval_dismissed');
    for (const [reviewer, request] of [
      [ada, after.data[0].data],
      [lawyer, after.data[1].data],
    ] as const) {
      ok(
        await reviewer.post(
          `/api/v1/reviews/${request.id}/decision`,
          { decision: 'approved', comment: 'Read the change.' },
          request.version,
        ),
      );
    }
    // Whitespace at the ends is no change of text; with the policy off, an edit keeps them.
    await edit('Checkout was slow for EU and US customers for forty minutes.  \n');
    expect(ok(await author.get(`${base}/reviews`)).json().summary.approvals).toBe(2);
    policy.dismissStaleApprovals = false;
    await edit('Checkout was slow for EU and US customers for 40 minutes.');
    policy.dismissStaleApprovals = true;
    expect(ok(await author.get(`${base}/reviews`)).json().summary.approvals).toBe(2);
    expect((await toFollowUp()).statusCode).toBe(200);

    const audit = await server.handle.db
      .select({ action: auditEvents.action, data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.postmortemId, id));
    expect(
      audit.filter((a) => a.action.startsWith('review_request.')).map((a) => a.action),
    ).toEqual([
      'review_request.created',
      'review_request.created',
      'review_request.decided',
      'review_request.decided',
      'review_request.decided',
      'review_request.approval_dismissed',
      'review_request.approval_dismissed',
      'review_request.decided',
      'review_request.decided',
    ]);
  });

  it('withdraws a request with If-Match, and hides the review of a restricted postmortem', async () => {
    const other = await postmortemInDocumentation(author);
    const created = ok(
      await author.post(`/api/v1/postmortems/${other}/reviews`, { userId: ada.user.id }),
      201,
    ).json().data;
    expect((await author.delete(`/api/v1/reviews/${created.id}`)).statusCode).toBe(428);
    expect((await author.delete(`/api/v1/reviews/${created.id}`, created.version)).statusCode).toBe(
      204,
    );
    const version = (await author.get(`/api/v1/postmortems/${other}`)).json().data.version;
    ok(
      await admin.patch(
        `/api/v1/postmortems/${other}`,
        { restricted: true, memberIds: [author.user.id] },
        version,
      ),
    );
    expect((await ada.get(`/api/v1/postmortems/${other}/reviews`)).statusCode).toBe(404);
    const outsider = await author.post(`/api/v1/postmortems/${other}/reviews`, {
      userId: ada.user.id,
    });
    expect(outsider.json().details.rule).toBe('REVIEWER_CANNOT_REVIEW');
  });

  it("clears a reviewer participant's approval tick on an edit of the report, and tells them", async () => {
    const other = await postmortemInDocumentation(author);
    const otherBase = `/api/v1/postmortems/${other}`;
    const participant = ok(
      await author.post(`${otherBase}/participants`, {
        name: 'Sam Bystander',
        role: 'reviewer',
        userId: bystander.user.id,
      }),
      201,
    ).json().data;
    const ticked = ok(
      await bystander.patch(
        `/api/v1/participants/${participant.id}`,
        { approved: true },
        participant.version,
      ),
    ).json().data;
    expect(ticked.approvedAt).not.toBeNull();
    // An edit of something other than the report's text (the meeting) keeps the tick.
    const version = async () => (await author.get(otherBase)).json().data.version;
    ok(await author.patch(otherBase, { analysisMeetingNotes: 'Notes taken.' }, await version()));
    const listed = async () =>
      ok(await author.get(`${otherBase}/participants`))
        .json()
        .data.find((p: { data: { id: string } }) => p.data.id === participant.id).data;
    expect((await listed()).approvedAt).not.toBeNull();
    ok(await author.patch(otherBase, { title: 'Checkout latency, revisited' }, await version()));
    expect((await listed()).approvedAt).toBeNull();
    const notices = ok(await bystander.get('/api/v1/notifications')).json().data;
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'review.approval_dismissed', postmortemId: other }),
      ]),
    );
  });
});
