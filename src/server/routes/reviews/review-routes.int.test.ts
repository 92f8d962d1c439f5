import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postmortemInDocumentation } from '../../../../test/http/postmortem-in-documentation.ts';
import { lightPolicy } from '../../../../test/http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  expectStatus as ok,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import type { Policy } from '../../../domain/policy.ts';
import { auditEvents } from '../../../storage/schema.ts';

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
});
