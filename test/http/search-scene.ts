import { expect } from 'vitest';
import type { TestDatabaseKind } from '../support/test-database.ts';
import { type ApiClient, incidentBody, startTestServer, type TestServer } from './test-server.ts';

// The search route suites' workspace: two open postmortems with words in every searchable
// part and a restricted one, written through the API as people write them.

/** One hit of `GET /api/v1/search`. */
export interface SearchHit {
  postmortemId: string;
  number: number;
  title: string;
  rank: number | null;
  snippets: Array<{ part: string; segments: Array<{ text: string; hit: boolean }> }>;
}

/** The body of `GET /api/v1/search`. */
export interface SearchBody {
  data: SearchHit[];
  page: { total: number; offset: number; limit: number };
  applied: { q: string; filters: Record<string, unknown> };
}

/** Searches as `client` with the query string `query`, expecting a 200. */
export async function searchAs(client: ApiClient, query: string): Promise<SearchBody> {
  const response = await client.get(`/api/v1/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The hits' titles, without the `Postmortem: ` prefix of a single review's title. */
export const titles = (body: SearchBody) =>
  body.data.map((hit) => hit.title.replace(/^Postmortem: /, ''));

/** Every highlighted word of a hit's snippets. */
export const highlighted = (hit: SearchHit | undefined) =>
  hit?.snippets.flatMap((s) => s.segments.filter((g) => g.hit).map((g) => g.text)) ?? [];

/** The seeded server: an admin, the author of every review, a member who wrote none, a viewer. */
export interface SearchScene {
  server: TestServer;
  admin: ApiClient;
  author: ApiClient;
  outsider: ApiClient;
  viewer: ApiClient;
  /**
   * The reviews' ids: `pool` (sev1, words in its title, sections, timeline, why-tree, factors
   * and action items), `dns` (sev3 degradation, a factor on a stale resolver cache) and
   * `secret` (restricted to its author, a timeline event naming the quokkaseal key).
   */
  ids: { pool: string; dns: string; secret: string };
}

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

/** Starts a server on a fresh database of `kind` and writes the search suites' reviews. */
export async function startSearchScene(kind: TestDatabaseKind): Promise<SearchScene> {
  const server = await startTestServer(kind);
  const admin = await server.setUpAdmin();
  const author = await server.signUp(admin, 'member');
  const outsider = await server.signUp(admin, 'member');
  const viewer = await server.signUp(admin, 'viewer');

  const pool = await openPostmortem(author, {
    title: 'Checkout connection pool exhausted',
    severity: 'sev1',
    services: ['checkout-api', 'payments-db'],
    instants: {
      started_at: { at: '2026-10-02T09:00:00Z' },
      resolved_at: { at: '2026-10-02T10:00:00Z' },
    },
  });
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
  await add(author, secret.id, 'timeline-events', {
    occurredAt: '2026-11-16T10:10:00Z',
    text: 'The quokkaseal signing key was found in a public gist and revoked',
  });
  return {
    server,
    admin,
    author,
    outsider,
    viewer,
    ids: { pool: pool.id, dns: dns.id, secret: secret.id },
  };
}
