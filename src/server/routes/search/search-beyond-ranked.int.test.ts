import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { rankedMatchesMax } from '../../../storage/repositories/search-statements.ts';

interface SearchBody {
  data: Array<{
    postmortemId: string;
    title: string;
    snippets: Array<{ part: string; segments: Array<{ text: string; hit: boolean }> }>;
  }>;
  page: { total: number; offset: number; limit: number };
}

// More matches than the search ranks: the page, its total and its snippets come from one
// statement, which must count every match (not the ranked candidates), keep the restricted
// postmortem out of a non-member's count, and cut snippets for a page past the candidates.
describeEachDatabase('search: more matches than are ranked', (kind) => {
  const matches = rankedMatchesMax + 12;
  let server: TestServer;
  let member: ApiClient;
  let admin: ApiClient;
  let restrictedId: string;

  const search = async (client: ApiClient, query: string): Promise<SearchBody> => {
    const response = await client.get(`/api/v1/search?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    // Written in SQL, like a bulk import: the search rows are built by the database at commit.
    await server.handle.db.execute(sql`
      insert into postmortems (id, title, scope, phase, restricted, sections, created_at, updated_at)
      select gen_random_uuid(), 'Postmortem ' || n, 'single', 'analysis', n = 1,
        jsonb_build_object('summary', 'The zebrafinch relay dropped frames, round ' || n || '.'),
        timestamptz '2026-01-01' + make_interval(mins => n), now()
      from generate_series(1, ${matches}) n`);
    const [row] = (
      (await server.handle.db.execute(
        sql`select id from postmortems where restricted`,
      )) as unknown as { rows: Array<{ id: string }> }
    ).rows;
    restrictedId = row?.id ?? '';
  });
  afterAll(() => server.close());

  it('counts every match, not only the ranked ones, and never the restricted one for a non-member', async () => {
    const first = await search(member, 'q=zebrafinch');
    expect(first.page.total).toBe(matches - 1);
    expect(first.data).toHaveLength(20);
    expect(first.data.map((hit) => hit.postmortemId)).not.toContain(restrictedId);
    expect((await search(admin, 'q=zebrafinch')).page.total).toBe(matches);
  });

  it('pages past the ranked candidates, each hit with its snippet', async () => {
    const deep = await search(member, `q=zebrafinch&offset=${rankedMatchesMax}&limit=20`);
    expect(deep.page.total).toBe(matches - 1);
    expect(deep.data).toHaveLength(matches - 1 - rankedMatchesMax);
    for (const hit of deep.data) {
      expect(hit.snippets.map((s) => s.part)).toEqual(['section:summary']);
      expect(hit.snippets[0]?.segments.filter((s) => s.hit).map((s) => s.text)).toEqual([
        'zebrafinch',
      ]);
    }
    const all = await search(admin, `q=zebrafinch&offset=${rankedMatchesMax}&limit=20`);
    expect(all.data.map((hit) => hit.postmortemId)).toContain(restrictedId);
  });
});
