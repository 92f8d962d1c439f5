import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/storage/schema.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../http/test-server.ts';
import { testDatabaseKinds } from '../support/test-database.ts';

/**
 * Restricted content per surface, for a non-member. The scene: a restricted postmortem on an
 * UNRESTRICTED incident (no restricted incident hides it for free), with secret text in its
 * title, timeline and action items; and a restricted security incident.
 *
 * Two kinds of rows. Every GET route under `/postmortems/{id}` is taken from the route table and
 * must answer 404 for the restricted postmortem, so a new per-review surface is covered without
 * anyone adding it. Cross-cutting surfaces (lists, search, metrics, exports, themes, boards, a
 * token instead of a session) are the `surfaces` table below: ADD A ROW when you add one. Numbers
 * that could move (metrics, themes, similar postmortems) are also compared with and without a
 * restricted incident, on both engines, in `restricted-learning.int.test.ts`.
 */
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';
const secret = 'ZEPHYR-7731';

interface Scene {
  visibleIncidentId: string;
  restrictedIncidentId: string;
  restrictedPostmortemId: string;
  /** A visible review opened, audited and given an item before anything hidden existed. */
  earlierPostmortemId: string;
  earlierActionItemId: string;
}

/** Cross-cutting surfaces: the URL an outsider reads. Its answer must not mention the secret. */
const surfaces: Array<{ name: string; url: (scene: Scene) => string }> = [
  { name: 'comment mentions (in-app notifications)', url: () => '/api/v1/notifications' },
  { name: 'postmortem list', url: () => '/api/v1/postmortems' },
  { name: 'postmortem search', url: () => `/api/v1/postmortems?q=${secret}` },
  // Its words in another case: the answer echoes the caller's own words in `applied.q`.
  { name: 'full-text search', url: () => `/api/v1/search?q=${secret.toLowerCase()}` },
  { name: 'full-text search, its action item', url: () => '/api/v1/search?q=rotate' },
  { name: 'full-text search by filters alone', url: () => '/api/v1/search?kind=outage' },
  { name: 'full-text search, a restricted incident’s title', url: () => '/api/v1/search?q=leak' },
  { name: 'full-text search by the published filter', url: () => '/api/v1/search?published=false' },
  {
    name: 'postmortems of the visible incident',
    url: (s) => `/api/v1/postmortems?incidentId=${s.visibleIncidentId}`,
  },
  { name: 'incident list', url: () => '/api/v1/incidents' },
  { name: 'incident search', url: () => `/api/v1/incidents?q=${secret}` },
  { name: 'the visible incident', url: (s) => `/api/v1/incidents/${s.visibleIncidentId}` },
  { name: 'incident metrics', url: () => '/api/v1/metrics/incidents?by=severity' },
  { name: 'incident metrics by service', url: () => '/api/v1/metrics/incidents?by=service' },
  { name: 'follow-through metrics', url: () => '/api/v1/metrics/follow-through' },
  { name: 'anti-pattern summaries', url: () => '/api/v1/anti-pattern-summaries' },
  { name: 'action-item board', url: () => '/api/v1/action-items' },
  { name: 'action-item CSV', url: () => '/api/v1/action-items.csv' },
  { name: 'themes', url: () => '/api/v1/themes' },
  { name: 'internal publications', url: () => '/api/v1/publications' },
  { name: 'internal Atom feed', url: () => '/api/v1/feeds/postmortems.atom' },
  { name: 'public Atom feed', url: () => '/public/postmortems.atom' },
  {
    name: 'similar postmortems of the visible incident',
    url: (s) => `/api/v1/incidents/${s.visibleIncidentId}/similar-postmortems`,
  },
];

/**
 * Sequential numbers an outsider reads: the public series must run without a gap where a hidden
 * record is (hidden ones are numbered in their own series), and none of that series shows.
 * ADD A ROW when a new surface shows incident or postmortem numbers.
 */
const numberings: Array<{ name: string; url: string; numbers: (body: unknown) => string[] }> = [
  {
    name: 'incident numbers',
    url: '/api/v1/incidents',
    numbers: (body) =>
      (body as { data: Array<{ data: { number: string } }> }).data.map((i) => i.data.number),
  },
  {
    name: 'postmortem numbers',
    url: '/api/v1/postmortems',
    numbers: (body) =>
      (body as { data: Array<{ data: { number: string } }> }).data.map((p) => p.data.number),
  },
  {
    name: 'action-item board postmortem numbers',
    url: '/api/v1/action-items',
    numbers: (body) =>
      (body as { data: Array<{ postmortemNumber: string }> }).data.map((i) => i.postmortemNumber),
  },
];

/** Ids an outsider reads that a sequence would make countable: they must be random. */
const opaqueIds: Array<{ name: string; url: (scene: Scene) => string }> = [
  {
    name: 'audit events of a visible review',
    url: (s) => `/api/v1/postmortems/${s.earlierPostmortemId}/audit-events`,
  },
  {
    name: 'history of a visible action item',
    url: (s) => `/api/v1/action-items/${s.earlierActionItemId}/history`,
  },
];

describe(`restricted content never reaches a non-member [${kind}]`, () => {
  let server: TestServer;
  let outsider: ApiClient;
  let outsiderToken: ApiClient;
  let scene: Scene;
  let perReviewRoutes: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    const owner = await server.signUp(admin, 'member');
    outsider = await server.signUp(admin, 'member');
    const token = (
      await outsider.post('/api/v1/tokens', { name: 'reader', scopes: ['read'] })
    ).json().data.token;
    outsiderToken = tokenClient(server.app, outsider.user, token);

    // Numbered and audited before anything hidden exists: its neighbours must not show gaps.
    const earlier = (
      await owner.post('/api/v1/incidents', incidentBody({ title: 'Search outage' }))
    ).json().data;
    const earlierReview = (
      await owner.post('/api/v1/postmortems', { incidentIds: [earlier.id] })
    ).json().data;
    const earlierItem = (
      await owner.post(`/api/v1/postmortems/${earlierReview.id}/action-items`, {
        title: 'Alert on index lag',
        kind: 'detect',
        ownerUserId: owner.user.id,
        dueDate: '2026-11-20',
      })
    ).json().data;
    const visible = (
      await owner.post('/api/v1/incidents', incidentBody({ title: 'Checkout latency' }))
    ).json().data;
    const created = await admin.post('/api/v1/postmortems', {
      incidentIds: [visible.id],
      title: `Review ${secret}`,
      restricted: true,
      memberIds: [owner.user.id],
    });
    expect(created.statusCode).toBe(201);
    const pm = created.json().data;
    const base = `/api/v1/postmortems/${pm.id}`;
    await owner.post(`${base}/timeline-events`, {
      occurredAt: '2026-11-16T10:05:00Z',
      text: `Alert ${secret} fired`,
      kind: 'detection',
    });
    await owner.post(`${base}/action-items`, {
      title: `Rotate ${secret}`,
      kind: 'repair',
      ownerUserId: owner.user.id,
      dueDate: '2026-11-20',
    });
    // A comment that @mentions the outsider: they may not see the review, so nothing reaches them.
    await owner.post(`${base}/comments`, {
      body: `@${outsider.user.email} is ${secret} ours?`,
    });
    const restricted = (
      await owner.post(
        '/api/v1/incidents',
        incidentBody({ title: `Leak ${secret}`, kind: 'security' }),
      )
    ).json().data;
    expect(restricted.restricted).toBe(true);
    const hiddenByIncident = await owner.post('/api/v1/postmortems', {
      incidentIds: [restricted.id],
    });
    expect(hiddenByIncident.statusCode).toBe(201);
    await owner.patch(
      `/api/v1/postmortems/${earlierReview.id}`,
      { title: 'Search outage review' },
      earlierReview.version,
    );
    const later = (
      await owner.post('/api/v1/incidents', incidentBody({ title: 'Login errors' }))
    ).json().data;
    await owner.post('/api/v1/postmortems', { incidentIds: [later.id] });
    scene = {
      visibleIncidentId: visible.id,
      restrictedIncidentId: restricted.id,
      restrictedPostmortemId: pm.id,
      earlierPostmortemId: earlierReview.id,
      earlierActionItemId: earlierItem.id,
    };

    const document = (await server.anonymous.get('/api/v1/openapi.json')).json();
    perReviewRoutes = Object.entries<Record<string, unknown>>(document.paths)
      .filter(
        ([path, methods]) =>
          'get' in methods && /^\/api\/v1\/postmortems\/\{id\}(\/[^{}]*)?$/.test(path),
      )
      .map(([path]) => path);
  });
  afterAll(() => server.close());

  it('sees the owner’s secret as a member would (the scene is real)', async () => {
    const owner = await server.signIn(
      (await server.handle.db.query.users.findMany()).find((u) => u.role === 'member')?.email ?? '',
    );
    expect((await owner.get(`/api/v1/postmortems/${scene.restrictedPostmortemId}`)).body).toContain(
      secret,
    );
  });

  it('full-text search: the owner finds the secret, an outsider gets no hit and no count', async () => {
    const owner = await server.signIn(
      (await server.handle.db.query.users.findMany()).find((u) => u.role === 'member')?.email ?? '',
    );
    // The restricted review, and the review hidden by its restricted incident (titled after it).
    const seenByOwner: Array<[string, number]> = [
      [secret, 2],
      ['rotate', 1],
      [`Alert ${secret} fired`, 1],
    ];
    for (const [q, count] of seenByOwner) {
      const mine = (await owner.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
      expect(mine.page.total, q).toBe(count);
      for (const client of [outsider, outsiderToken]) {
        const theirs = (await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json();
        expect(theirs.page.total, q).toBe(0);
        expect(theirs.data, q).toEqual([]);
      }
    }
  });

  it('records no notification of any channel for the outsider about the review', async () => {
    const told = await server.handle.db
      .select({ rule: notifications.rule })
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientUserId, outsider.user.id),
          eq(notifications.postmortemId, scene.restrictedPostmortemId),
        ),
      );
    expect(told).toEqual([]);
  });

  it('answers 404 on every per-review route of the route table', async () => {
    expect(perReviewRoutes.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    for (const route of perReviewRoutes) {
      const url = route.replace('{id}', scene.restrictedPostmortemId);
      for (const client of [outsider, outsiderToken]) {
        const response = await client.get(url);
        if (response.statusCode !== 404 || response.body.includes(secret)) {
          leaks.push(`${route} → ${response.statusCode}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it.each(surfaces)('$name: no secret, no id, for a session or a token', async ({ url }) => {
    for (const client of [outsider, outsiderToken]) {
      const response = await client.get(url(scene));
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toContain(secret);
      expect(response.body).not.toContain(scene.restrictedPostmortemId);
      expect(response.body).not.toContain(scene.restrictedIncidentId);
    }
  });

  it.each(numberings)('$name: the public series shows no gap, no hidden number', async (row) => {
    const response = await outsider.get(row.url);
    expect(response.statusCode).toBe(200);
    const seen = [...new Set(row.numbers(response.json()))];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((n) => !/^\d+$/.test(n))).toEqual([]);
    const sorted = seen.map(Number).sort((a, b) => a - b);
    expect(sorted).toEqual(sorted.map((_, i) => (sorted[0] ?? 0) + i));
  });

  it.each(opaqueIds)('$name: ids are random, not a sequence', async ({ url }) => {
    const response = await outsider.get(url(scene));
    expect(response.statusCode).toBe(200);
    const ids: unknown[] = response.json().data.map((event: { id: unknown }) => event.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(String(id)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('opening a postmortem for the visible incident does not confirm the hidden one', async () => {
    const response = await outsider.post('/api/v1/postmortems', {
      incidentIds: [scene.visibleIncidentId],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
    expect(response.body).not.toContain(scene.restrictedPostmortemId);
    expect(response.body).not.toContain('already');
  });

  it('the restricted incident answers 404', async () => {
    expect((await outsider.get(`/api/v1/incidents/${scene.restrictedIncidentId}`)).statusCode).toBe(
      404,
    );
  });
});
