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

describeEachDatabase('a review request after it was asked', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let ada: ApiClient;
  let bystander: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      ...lightPolicy,
      requiredReviewerApprovals: { sev1: 2, sev2: 2, sev3: 1, sev4: 0 },
      reviewTeams: {},
    });
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member', 'Robin Author');
    ada = await server.signUp(admin, 'member', 'Ada Reviewer');
    bystander = await server.signUp(admin, 'member', 'Sam Bystander');
  });
  afterAll(() => server.close());

  it('refuses anonymous callers a withdrawal or an approval tick, changing nothing', async () => {
    const other = await postmortemInDocumentation(author);
    const created = ok(
      await author.post(`/api/v1/postmortems/${other}/reviews`, { userId: ada.user.id }),
      201,
    ).json().data;
    const anonymous = server.anonymous;
    expect(
      (await anonymous.delete(`/api/v1/reviews/${created.id}`, created.version)).statusCode,
    ).toBe(401);
    expect(
      (await anonymous.patch(`/api/v1/participants/${created.id}`, { approved: true }, 1))
        .statusCode,
    ).toBe(401);
    const [listed] = ok(await author.get(`/api/v1/postmortems/${other}/reviews`)).json().data;
    expect(listed.data).toMatchObject({ id: created.id, status: 'pending' });
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
