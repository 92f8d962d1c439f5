import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestServer } from '../http/test-server.ts';
import {
  type RestrictedContentScene as Scene,
  startRestrictedContentScene,
} from '../support/restricted-content-scene.ts';
import { testDatabaseKinds } from '../support/test-database.ts';

/**
 * A restricted record's existence never shows to a non-member, over the scene of
 * `restricted-content.int.test.ts`: no gap in a public number series, no id that counts, no
 * refusal that confirms a hidden review.
 */
const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';

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

describe(`a restricted record's existence never shows to a non-member [${kind}]`, () => {
  let server: TestServer;
  let outsider: ApiClient;
  let scene: Scene;

  beforeAll(async () => {
    ({ server, outsider, scene } = await startRestrictedContentScene(kind));
  });
  afterAll(() => server.close());

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
