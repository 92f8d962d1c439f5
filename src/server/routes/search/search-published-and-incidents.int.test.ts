import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

interface SearchBody {
  data: Array<{
    postmortemId: string;
    snippets: Array<{ part: string; segments: Array<{ text: string; hit: boolean }> }>;
  }>;
  page: { total: number };
  applied: { filters: Record<string, unknown> };
}

describeEachDatabase('search: the published filter and the incidents’ words', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let outsider: ApiClient;
  let publishedId: string;
  let unpublishedId: string;
  let incident: { id: string; version: number };
  let incidentReviewId: string;

  const search = async (client: ApiClient, query: string): Promise<SearchBody> => {
    const response = await client.get(`/api/v1/search?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const ids = (body: SearchBody) => body.data.map((hit) => hit.postmortemId);

  beforeAll(async () => {
    server = await startTestServer(kind, lightPolicy);
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member');
    outsider = await server.signUp(admin, 'member');
    // Reaching follow-up publishes a review internally; the other sev1 stays unpublished.
    publishedId = (await postmortemInFollowUp(author, {}, { severity: 'sev1' })).postmortemId;
    const other = (
      await author.post('/api/v1/incidents', incidentBody({ severity: 'sev1' }))
    ).json().data;
    unpublishedId = (await author.post('/api/v1/postmortems', { incidentIds: [other.id] })).json()
      .data.id;

    incident = (
      await author.post(
        '/api/v1/incidents',
        incidentBody({
          title: 'Ledger drift',
          summary: 'The quillfeather reconciler double-counted refunds.',
          severity: 'sev3',
        }),
      )
    ).json().data;
    incidentReviewId = (
      await author.post('/api/v1/postmortems', {
        incidentIds: [incident.id],
        title: 'Refund totals review',
      })
    ).json().data.id;
  });
  afterAll(() => server.close());

  it('filters by a published report, both ways, in the API and in a saved view', async () => {
    expect(ids(await search(author, 'severity=sev1&published=true'))).toEqual([publishedId]);
    expect(ids(await search(author, 'severity=sev1&published=false'))).toEqual([unpublishedId]);
    expect((await search(author, 'published=false')).page.total).toBe(2);
    expect(ids(await search(author, 'q=latency&published=true'))).toEqual([publishedId]);
    expect(ids(await search(author, 'q=latency&published=false'))).toEqual([unpublishedId]);
    expect((await author.get('/api/v1/search?published=maybe')).statusCode).toBe(400);

    const view = await author.post('/api/v1/search/views', {
      name: 'sev1 without a published report',
      filters: { severity: ['sev1'], published: false },
    });
    expect(view.statusCode, view.body).toBe(201);
    const ran = await search(author, `view=${view.json().data.id}`);
    expect(ids(ran)).toEqual([unpublishedId]);
    expect(ran.applied.filters).toEqual({ severity: ['sev1'], published: false });
    // The request's own filter replaces the view's.
    expect(ids(await search(author, `view=${view.json().data.id}&published=true`))).toEqual([
      publishedId,
    ]);
  });

  it('finds a postmortem by its incident’s title and summary, current at write time', async () => {
    const found = await search(author, 'q=quillfeather');
    expect(ids(found)).toEqual([incidentReviewId]);
    expect(found.data[0]?.snippets.map((s) => s.part)).toEqual(['incidents']);
    expect(ids(await search(author, 'q=ledger+drift'))).toEqual([incidentReviewId]);

    const changed = await author.patch(
      `/api/v1/incidents/${incident.id}`,
      { summary: 'The marrowgleam reconciler double-counted refunds.' },
      incident.version,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ids(await search(author, 'q=quillfeather'))).toEqual([]);
    expect(ids(await search(author, 'q=marrowgleam'))).toEqual([incidentReviewId]);
    // A filter column of the search row follows the incident too.
    const severity = await author.patch(
      `/api/v1/incidents/${incident.id}`,
      { severity: 'sev1' },
      changed.json().data.version,
    );
    expect(severity.statusCode, severity.body).toBe(200);
    expect(ids(await search(author, 'q=marrowgleam&severity=sev1'))).toEqual([incidentReviewId]);
  });

  it('hides a restricted incident’s words from a non-member, even when restricted by a script', async () => {
    const secret = (
      await author.post(
        '/api/v1/incidents',
        incidentBody({ title: 'Vexwillow token leak', kind: 'security' }),
      )
    ).json().data;
    expect(secret.restricted).toBe(true);
    const hidden = await author.post('/api/v1/postmortems', { incidentIds: [secret.id] });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await search(author, 'q=vexwillow')).page.total).toBe(1);
    const theirs = await search(outsider, 'q=vexwillow');
    expect(theirs.page.total).toBe(0);
    expect(theirs.data).toEqual([]);

    // No write path can forget the search row: a plain SQL change is seen at commit.
    expect((await search(outsider, 'q=marrowgleam')).page.total).toBe(1);
    await server.handle.db.execute(
      sql`update incidents set restricted = true where id = ${incident.id}`,
    );
    const after = await search(outsider, 'q=marrowgleam');
    expect(after.page.total).toBe(0);
    expect(after.data).toEqual([]);
    expect((await search(outsider, 'severity=sev1')).data.map((h) => h.postmortemId)).not.toContain(
      incidentReviewId,
    );
    expect((await search(admin, 'q=marrowgleam')).page.total).toBe(1);
  });

  it('answers the same search after search, once PostgreSQL keeps one plan for them all', async () => {
    // The search is a prepared statement: PostgreSQL plans it for the values at hand a few
    // times, then may keep one plan for every value. The filters and the visibility must hold in
    // that plan as in the first ones, round after round.
    const expected: Array<[ApiClient, string, string[]]> = [
      [author, 'q=latency&published=true', [publishedId]],
      [author, 'q=latency&published=false', [unpublishedId]],
      [outsider, 'q=marrowgleam', []],
      [admin, 'q=marrowgleam&severity=sev1', [incidentReviewId]],
      [outsider, 'q=vexwillow or latency&published=false', [unpublishedId]],
      [admin, 'q=refund&published=true', []],
    ];
    for (let round = 0; round < 4; round += 1) {
      for (const [client, query, found] of expected) {
        const body = await search(client, query);
        expect(ids(body), `${query}, round ${round}`).toEqual(found);
        expect(body.page.total).toBe(found.length);
      }
    }
  });
});
