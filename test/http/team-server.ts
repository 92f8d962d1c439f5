import type { LightMyRequestResponse } from 'fastify';
import type { Policy } from '../../src/domain/policy.ts';
import type { TestDatabaseKind } from '../support/test-database.ts';
import { startSuiteScene } from './start-suite-scene.ts';
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

/** A team server for one suite, with the member's two first steps at hand. */
export interface TeamScene extends TeamServer {
  /** Creates an incident as the member (see `createIncident`). */
  createIncident(overrides?: Record<string, unknown>): ReturnType<typeof createIncident>;
  /** Asks to open a postmortem over `incidentIds` as `client` (the member unless given). */
  openPostmortem(
    incidentIds: string[],
    client?: ApiClient,
    extra?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
}

/** `startTeamServer` for the enclosing suite (see `startSuiteScene`): read its fields in tests. */
export function startSuiteTeamServer(kind: TestDatabaseKind, policy?: Policy): TeamScene {
  return startSuiteScene(
    () => startTeamServer(kind, policy),
    (team) => ({
      createIncident: (overrides: Record<string, unknown> = {}) =>
        createIncident(team.member, overrides),
      openPostmortem: (
        incidentIds: string[],
        client: ApiClient = team.member,
        extra: Record<string, unknown> = {},
      ) => client.post('/api/v1/postmortems', { incidentIds, ...extra }),
    }),
  );
}
