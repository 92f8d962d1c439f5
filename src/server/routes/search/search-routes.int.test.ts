import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

interface Hit {
  postmortemId: string;
  number: number;
  title: string;
  rank: number | null;
  snippets: Array<{ part: string; segments: Array<{ text: string; hit: boolean }> }>;
}
interface SearchBody {
  data: Hit[];
  page: { total: number; offset: number; limit: number };
  applied: { q: string; filters: Record<string, unknown> };
}

describeEachDatabase('search', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let author: ApiClient;
  let outsider: ApiClient;
  let viewer: ApiClient;
  const ids: Record<string, string> = {};

  const openPostmortem = async (client: ApiClient, incident: Record<string, unknown>) => {
    const created = await client.post('/api/v1/incidents', incidentBody(incident));
    expect(created.statusCode, created.body).toBe(201);
    const opened = await client.post('/api/v1/postmortems', {
      incidentIds: [created.json().data.id],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    return opened.json().data as { id: string; version: number };
  };
  const add = async (client: ApiClient, postmortemId: string, part: string, body: object) => {
    const response = await client.post(`/api/v1/postmortems/${postmortemId}/${part}`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data;
  };
  const search = async (client: ApiClient, query: string): Promise<SearchBody> => {
    const response = await client.get(`/api/v1/search?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const titles = (body: SearchBody) =>
    body.data.map((hit) => hit.title.replace(/^Postmortem: /, ''));
  const highlighted = (hit: Hit | undefined) =>
    hit?.snippets.flatMap((s) => s.segments.filter((g) => g.hit).map((g) => g.text)) ?? [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member');
    outsider = await server.signUp(admin, 'member');
    viewer = await server.signUp(admin, 'viewer');

    const pool = await openPostmortem(author, {
      title: 'Checkout connection pool exhausted',
      severity: 'sev1',
      services: ['checkout-api', 'payments-db'],
      instants: {
        started_at: { at: '2026-10-02T09:00:00Z' },
        resolved_at: { at: '2026-10-02T10:00:00Z' },
      },
    });
    ids.pool = pool.id;
    const patched = await author.patch(
      `/api/v1/postmortems/${pool.id}`,
      {
        sections: {
          summary: 'Retries from the storefront multiplied the load on the payments database.',
          impact: 'Customers saw spinning checkouts for forty minutes.',
        },
      },
      pool.version,
    );
    expect(patched.statusCode, patched.body).toBe(200);
    await add(author, pool.id, 'timeline-events', {
      occurredAt: '2026-10-02T09:05:00Z',
      text: 'Pager fired for the saturated pgbouncer on payments-db',
    });
    await add(author, pool.id, 'why-nodes', {
      question: 'Why did the pool saturate?',
      answer: 'The retry budget was unbounded during the failover',
      mark: 'root_cause',
      category: 'configuration',
      noEvidenceReason: 'seen in the dashboards',
    });
    await add(author, pool.id, 'contributing-factors', {
      description: 'Nobody owned the pgbouncer sizing after the migration',
      category: 'knowledge',
    });
    await add(author, pool.id, 'action-items', {
      kind: 'prevent',
      title: 'Cap storefront retries with a token bucket',
    });

    const dns = await openPostmortem(author, {
      title: 'Resolver outage in the edge network',
      kind: 'degradation',
      severity: 'sev3',
      services: ['edge-dns'],
      instants: {
        started_at: { at: '2026-11-12T22:00:00Z' },
        resolved_at: { at: '2026-11-12T23:00:00Z' },
      },
    });
    ids.dns = dns.id;
    await add(author, dns.id, 'contributing-factors', {
      description: 'A stale resolver cache kept answering for the old pool of addresses',
      category: 'capacity',
    });

    const secret = await openPostmortem(author, {
      title: 'Signing key exposure',
      kind: 'security',
      severity: 'sev1',
      restricted: true,
      services: ['checkout-api'],
    });
    ids.secret = secret.id;
    await add(author, secret.id, 'timeline-events', {
      occurredAt: '2026-11-16T10:10:00Z',
      text: 'The quokkaseal signing key was found in a public gist and revoked',
    });
  });
  afterAll(() => server.close());

  describe('GET /api/v1/search', () => {
    it('refuses a caller without credentials', async () => {
      const response = await server.anonymous.get('/api/v1/search?q=pool');
      expect(response.statusCode).toBe(401);
    });

    it('answers bad input with every issue as problem+json', async () => {
      const response = await author.get(
        '/api/v1/search?q=pool&severity=sev9&limit=0&offset=-1&from=2026-12-01&to=2026-11-01&colour=red',
      );
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.length).toBeGreaterThanOrEqual(4);
    });

    it('answers odd text with a 4xx, never a 5xx', async () => {
      for (const q of [
        '%00',
        'pool%00',
        '%ED%A0%80',
        "'):*&|!<->",
        '"""',
        '-',
        '!!!',
        'a'.repeat(500),
      ]) {
        const response = await author.get(`/api/v1/search?q=${q}`);
        expect(response.statusCode, `${q}: ${response.body}`).toBeLessThan(500);
      }
      const long = await author.get(`/api/v1/search?q=${'a'.repeat(501)}`);
      expect(long.statusCode).toBe(400);
    });

    it('finds words in the title, sections, timeline, why-tree, factors and action items, with snippets', async () => {
      const cases: Array<[string, string]> = [
        ['exhausted', 'title'],
        ['multiplied', 'section:summary'],
        ['pager', 'timeline'],
        ['unbounded', 'why_tree'],
        ['owned', 'factors'],
        ['bucket', 'action_items'],
      ];
      for (const [word, part] of cases) {
        const body = await search(viewer, `q=${word}`);
        expect(titles(body), word).toEqual(['Checkout connection pool exhausted']);
        const hit = body.data[0];
        expect(
          hit?.snippets.map((s) => s.part),
          word,
        ).toContain(part);
        expect(
          highlighted(hit).map((w) => w.toLowerCase()),
          word,
        ).toContain(word);
      }
    });

    it('stems, ranks the title above a passing mention, and counts', async () => {
      const body = await search(author, 'q=pools');
      expect(titles(body)).toEqual([
        'Checkout connection pool exhausted',
        'Resolver outage in the edge network',
      ]);
      expect(body.page.total).toBe(2);
      expect(body.data[0]?.rank).toBeGreaterThan(body.data[1]?.rank ?? 0);
    });

    it('takes web-search syntax: phrases, or, exclusion', async () => {
      expect(titles(await search(author, 'q=%22resolver+cache%22'))).toEqual([
        'Resolver outage in the edge network',
      ]);
      expect(titles(await search(author, 'q=%22cache+resolver%22'))).toEqual([]);
      expect((await search(author, 'q=bucket+or+resolver')).page.total).toBe(2);
      expect(titles(await search(author, 'q=pool+-resolver'))).toEqual([
        'Checkout connection pool exhausted',
      ]);
    });

    it('filters by kind, severity, service, factor category, phase and dates', async () => {
      const only = async (query: string) => titles(await search(author, `q=pool&${query}`));
      expect(await only('kind=degradation')).toEqual(['Resolver outage in the edge network']);
      expect(await only('severity=sev1')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('service=edge-dns,nothing')).toEqual([
        'Resolver outage in the edge network',
      ]);
      expect(await only('category=configuration')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('category=capacity')).toEqual(['Resolver outage in the edge network']);
      expect(await only('phase=closed')).toEqual([]);
      expect(await only('phase=data_gathering')).toHaveLength(2);
      expect(await only('from=2026-11-01')).toEqual(['Resolver outage in the edge network']);
      expect(await only('to=2026-10-02')).toEqual(['Checkout connection pool exhausted']);
      expect(await only('from=2026-10-03&to=2026-11-11')).toEqual([]);
    });

    it('lists by filters alone, newest first, when there are no words', async () => {
      const body = await search(author, 'severity=sev1');
      expect(titles(body)).toEqual(['Signing key exposure', 'Checkout connection pool exhausted']);
      expect(body.data[0]?.rank).toBeNull();
    });

    it('keeps the document current at write time: an edit is searchable at once, the old words gone', async () => {
      const current = (await author.get(`/api/v1/postmortems/${ids.dns}`)).json().data;
      const renamed = await author.patch(
        `/api/v1/postmortems/${ids.dns}`,
        { title: 'Anycast failover in the edge network' },
        current.version,
      );
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(titles(await search(author, 'q=anycast'))).toEqual([
        'Anycast failover in the edge network',
      ]);
      // The old title is gone; the incident keeps its own, found through the `incidents` part.
      const old = await search(author, 'q=resolver+outage');
      expect(old.data.map((hit) => hit.snippets.map((s) => s.part))).toEqual([['incidents']]);
      const factor = (
        await author.get(`/api/v1/postmortems/${ids.dns}/contributing-factors`)
      ).json().data[0].data;
      const removed = await author.delete(
        `/api/v1/contributing-factors/${factor.id}`,
        factor.version,
      );
      expect(removed.statusCode, removed.body).toBe(204);
      expect(titles(await search(author, 'q=stale'))).toEqual([]);
    });

    it('pages with limit and offset, the total unchanged', async () => {
      const first = await search(author, 'q=checkout+or+network&limit=1');
      const second = await search(author, 'q=checkout+or+network&limit=1&offset=1');
      expect(first.page.total).toBe(2);
      expect(second.page.total).toBe(2);
      expect(first.data[0]?.postmortemId).not.toBe(second.data[0]?.postmortemId);
      const beyond = await search(author, 'q=checkout+or+network&limit=1&offset=5');
      expect(beyond.data).toEqual([]);
      expect(beyond.page.total).toBe(2);
    });
  });

  describe('restricted postmortems', () => {
    it('give a non-member no hit, no snippet and no count; a member and an admin find them', async () => {
      for (const client of [outsider, viewer]) {
        const body = await search(client, 'q=quokkaseal');
        expect(body.data).toEqual([]);
        expect(body.page.total).toBe(0);
        const pool = await search(client, 'q=signing+or+pool');
        expect(pool.data.map((h) => h.postmortemId)).not.toContain(ids.secret);
        expect(JSON.stringify(pool)).not.toContain('quokkaseal');
        expect((await search(client, 'kind=security')).page.total).toBe(0);
      }
      for (const client of [author, admin]) {
        const body = await search(client, 'q=quokkaseal');
        expect(body.data.map((h) => h.postmortemId)).toEqual([ids.secret]);
        expect(body.page.total).toBe(1);
      }
    });
  });

  describe('restricted sections', () => {
    it('hide their words from others until declassified, at write time both ways', async () => {
      const base = `/api/v1/postmortems/${ids.pool}`;
      const version = (await author.get(base)).json().data.version;
      const written = await author.patch(
        base,
        { sections: { lessons_learned: 'The wombatgate credential sat in the pooler config' } },
        version,
      );
      expect(written.statusCode, written.body).toBe(200);
      expect((await search(outsider, 'q=wombatgate')).page.total).toBe(1);
      const restricted = await author.post(`${base}/restricted-sections`, {
        key: 'lessons_learned',
        memberIds: [author.user.id],
      });
      expect(restricted.statusCode, restricted.body).toBe(201);

      for (const client of [outsider, viewer]) {
        const body = await search(client, 'q=wombatgate');
        expect(body.page.total).toBe(0);
        expect(body.data).toEqual([]);
        // The open parts of the same postmortem are still found, without the restricted text.
        const open = await search(client, 'q=wombatgate+or+exhausted');
        expect(open.page.total).toBe(1);
        expect(JSON.stringify(open)).not.toContain('credential');
      }
      const mine = await search(author, 'q=wombatgate');
      expect(mine.data[0]?.snippets[0]?.part).toBe('restricted:lessons_learned');
      expect((await search(admin, 'q=wombatgate')).page.total).toBe(1);

      const declassified = await author.delete(`${base}/restricted-sections/lessons_learned`);
      expect(declassified.statusCode, declassified.body).toBeLessThan(300);
      const now = await search(outsider, 'q=wombatgate');
      expect(now.page.total).toBe(1);
      expect(now.data[0]?.snippets[0]?.part).toBe('section:lessons_learned');
    });
  });

  describe('saved views', () => {
    it('are private until shared, run with the runner’s visibility, and only their owner changes them', async () => {
      expect((await server.anonymous.get('/api/v1/search/views')).statusCode).toBe(401);
      const created = await author.post('/api/v1/search/views', {
        name: 'sev1 reviews',
        filters: { severity: ['sev1'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const view = created.json().data;
      expect(view).toMatchObject({ name: 'sev1 reviews', shared: false, ownerId: author.user.id });

      expect((await outsider.get('/api/v1/search/views')).json().data).toEqual([]);
      expect((await outsider.get(`/api/v1/search?view=${view.id}`)).statusCode).toBe(404);

      const mine = await search(author, `view=${view.id}`);
      expect(titles(mine)).toEqual(['Signing key exposure', 'Checkout connection pool exhausted']);
      expect(mine.applied.filters).toEqual({ severity: ['sev1'] });
      expect(titles(await search(author, `view=${view.id}&q=bucket`))).toEqual([
        'Checkout connection pool exhausted',
      ]);

      const stale = await author.patch(`/api/v1/search/views/${view.id}`, { shared: true }, 9);
      expect(stale.statusCode).toBe(412);
      const shared = await author.patch(`/api/v1/search/views/${view.id}`, { shared: true }, 1);
      expect(shared.statusCode, shared.body).toBe(200);

      const listed = (await viewer.get('/api/v1/search/views')).json().data;
      expect(listed.map((v: { data: { id: string } }) => v.data.id)).toEqual([view.id]);
      expect(listed[0].abilities).toEqual({ update: false, delete: false });
      // The shared view runs with the viewer's own sight: the restricted review stays hidden.
      const theirs = await search(viewer, `view=${view.id}`);
      expect(titles(theirs)).toEqual(['Checkout connection pool exhausted']);
      expect(theirs.page.total).toBe(1);

      expect(
        (await viewer.patch(`/api/v1/search/views/${view.id}`, { name: 'x' }, 2)).statusCode,
      ).toBe(403);
      expect((await viewer.delete(`/api/v1/search/views/${view.id}`, 2)).statusCode).toBe(403);
      expect((await author.delete(`/api/v1/search/views/${view.id}`, 2)).statusCode).toBe(204);
      expect((await viewer.get('/api/v1/search/views')).json().data).toEqual([]);
    });

    it('refuses a bad view with every issue', async () => {
      const response = await author.post('/api/v1/search/views', {
        name: '',
        filters: { severity: ['sev9'], colour: 'red' },
        shared: 'yes',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.length).toBeGreaterThanOrEqual(3);
    });
  });
});
