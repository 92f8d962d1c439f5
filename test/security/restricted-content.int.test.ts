import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/storage/schema.ts';
import type { ApiClient, TestServer } from '../http/test-server.ts';
import {
  type RestrictedContentScene as Scene,
  secret,
  startRestrictedContentScene,
} from '../support/restricted-content-scene.ts';
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
 * restricted incident, on both engines, in `restricted-learning.int.test.ts`; that no number,
 * id or refusal gives a hidden record away, in `restricted-existence.int.test.ts`.
 */
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';

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

describe(`restricted content never reaches a non-member [${kind}]`, () => {
  let server: TestServer;
  let outsider: ApiClient;
  let outsiderToken: ApiClient;
  let scene: Scene;
  let perReviewRoutes: string[] = [];

  beforeAll(async () => {
    ({ server, outsider, outsiderToken, scene } = await startRestrictedContentScene(kind));
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
});
