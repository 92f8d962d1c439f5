import { expect } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
  tokenClient,
} from '../http/test-server.ts';
import type { TestDatabaseKind } from './test-database.ts';

/** The word the restricted records carry in their title, timeline, items and comment. */
export const secret = 'ZEPHYR-7731';

/**
 * A restricted postmortem on an UNRESTRICTED incident (no restricted incident hides it for
 * free), with the secret in its title, timeline, action items and a comment that @mentions the
 * outsider; a restricted security incident with a review; and visible reviews numbered before
 * and after them.
 */
export interface RestrictedContentScene {
  visibleIncidentId: string;
  restrictedIncidentId: string;
  restrictedPostmortemId: string;
  /** A visible review opened, audited and given an item before anything hidden existed. */
  earlierPostmortemId: string;
  earlierActionItemId: string;
}

/** The server with the scene, and the outsider (a member of none of it) by session and token. */
export interface RestrictedContentServer {
  server: TestServer;
  outsider: ApiClient;
  outsiderToken: ApiClient;
  scene: RestrictedContentScene;
}

/** Starts a server on a fresh database of `kind` and writes the scene through the API. */
export async function startRestrictedContentScene(
  kind: TestDatabaseKind,
): Promise<RestrictedContentServer> {
  const server = await startTestServer(kind);
  const admin = await server.setUpAdmin();
  const owner = await server.signUp(admin, 'member');
  const outsider = await server.signUp(admin, 'member');
  const token = (await outsider.post('/api/v1/tokens', { name: 'reader', scopes: ['read'] })).json()
    .data.token;
  const outsiderToken = tokenClient(server.app, outsider.user, token);

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
  const scene: RestrictedContentScene = {
    visibleIncidentId: visible.id,
    restrictedIncidentId: restricted.id,
    restrictedPostmortemId: pm.id,
    earlierPostmortemId: earlierReview.id,
    earlierActionItemId: earlierItem.id,
  };
  return { server, outsider, outsiderToken, scene };
}
