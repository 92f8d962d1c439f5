import type { Policy } from '../../src/domain/policy.ts';
import type { TestDatabaseKind } from '../support/test-database.ts';
import { type ApiClient, incidentBody, startTestServer, type TestServer } from './test-server.ts';

/** A test server with the three people most route suites act as, each signed in. */
export interface TeamServer {
  server: TestServer;
  admin: ApiClient;
  member: ApiClient;
  viewer: ApiClient;
}

/**
 * Starts Debrief on a fresh database of `kind` (`policy` as `startTestServer` takes it) and
 * signs in its first admin, a member and a viewer.
 */
export async function startTeamServer(
  kind: TestDatabaseKind,
  policy?: Policy,
): Promise<TeamServer> {
  const server = await startTestServer(kind, policy);
  const admin = await server.setUpAdmin();
  const member = await server.signUp(admin, 'member');
  const viewer = await server.signUp(admin, 'viewer');
  return { server, admin, member, viewer };
}

/** Creates an incident as `client` from `incidentBody(overrides)` and returns its data. */
export async function createIncident(
  client: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const response = await client.post('/api/v1/incidents', incidentBody(overrides));
  if (response.statusCode !== 201) {
    throw new Error(`incident creation failed: ${response.body}`);
  }
  return response.json().data;
}
