import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { incidentSignals, incidents, timelineEvents } from '../../src/storage/schema.ts';
import { ownFixture, sharedFixture, sharedFixturesPresent } from '../support/fixture-path.ts';
import type { TestDatabaseKind } from '../support/test-database.ts';
import { type ApiClient, startTestServer, type TestServer } from './test-server.ts';

// A server with one integration per vendor, for the webhook route tests. Deliveries are the
// payloads this project wrote in each vendor's shape (test/fixtures/payloads), so a fresh clone
// tests every route; the recorded real payloads beside the repository add the vendors' breadth.

/** The vendor payloads this project wrote, one folder per vendor. */
export const ownPayloadsRoot = ownFixture('payloads');
/** The recorded real vendor payloads (`../shared/fixtures/payloads`), absent in a fresh clone. */
export const sharedPayloadsRoot = sharedFixture('payloads');
/** False without the shared fixtures: only the cases on the real payloads skip, saying so. */
export const sharedPayloadsPresent = sharedFixturesPresent('webhook routes on the real payloads');
/** One of the project's own payloads as text, by its path under test/fixtures/payloads. */
export const readOwnPayload = (path: string) => readFileSync(join(ownPayloadsRoot, path), 'utf8');
/** A recorded real payload's text, by its path under the shared payloads folder. */
export const readSharedPayload = (path: string) =>
  readFileSync(join(sharedPayloadsRoot, path), 'utf8');
/** The hex HMAC-SHA256 of `body`, as PagerDuty and GitHub sign a delivery. */
export const sign = (secret: string, body: string | Buffer) =>
  createHmac('sha256', secret).update(body).digest('hex');

/** PagerDuty-style signature vectors: a secret and cases of signature, body file and outcome. */
export interface SignatureVectors {
  secret: string;
  cases: Array<{ name: string; signature: string; body: string; expect: string }>;
}
/** The vectors computed outside Debrief over the project's own PagerDuty body. */
export const ownSignatureVectors = JSON.parse(
  readOwnPayload('pagerduty/signature-vectors.json'),
) as SignatureVectors;

/** The vendors with an integration each in the scene. */
export const webhookVendors = [
  'alertmanager',
  'grafana',
  'pagerduty',
  'opsgenie',
  'statuspage',
  'github',
] as const;
/** The GitHub integration's signing secret. */
export const githubSecret = 'github-webhook-secret';

/** Every `.json` file under `dir`, in its subfolders too. */
export function payloadFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? payloadFiles(path) : path.endsWith('.json') ? [path] : [];
  });
}

/** The server, its people and integrations, and how to deliver to it. */
export interface WebhookScene {
  server: TestServer;
  admin: ApiClient;
  member: ApiClient;
  /** Each vendor's webhook path (with its token). */
  paths: Record<string, string>;
  /** The secret of the signed PagerDuty integration (`POST /api/v1/webhooks/pagerduty`). */
  pagerDutySecret: string;
  /** Posts `body` as JSON to `url`, unauthenticated but for what `headers` carry. */
  deliver(
    url: string,
    body: string | Buffer,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** How many signals, incidents and timeline events are stored: a refused delivery adds none. */
  tally(): Promise<{ signals?: number; incidents?: number; events?: number }>;
}

/**
 * Starts a server with an admin and a member, one integration per vendor (GitHub's signed) and
 * a signed PagerDuty integration with the secret of the project's own signature vectors.
 */
export async function startWebhookScene(kind: TestDatabaseKind): Promise<WebhookScene> {
  const pagerDutySecret = ownSignatureVectors.secret;
  const server = await startTestServer(kind);
  const admin = await server.setUpAdmin();
  const member = await server.signUp(admin, 'member');
  const paths: Record<string, string> = {};
  for (const vendor of webhookVendors) {
    const signingSecret = vendor === 'github' ? githubSecret : undefined;
    const created = await admin.post('/api/v1/integrations', {
      kind: vendor,
      name: `${vendor} prod`,
      signingSecret,
    });
    paths[vendor] = created.json().data.webhookPath;
  }
  await admin.post('/api/v1/integrations', {
    kind: 'pagerduty',
    name: 'PagerDuty signed',
    signingSecret: pagerDutySecret,
  });
  const db = server.handle.db;
  return {
    server,
    admin,
    member,
    paths,
    pagerDutySecret,
    deliver: (url, body, headers = {}) =>
      server.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    tally: async () => ({
      signals: (await db.select({ n: count() }).from(incidentSignals))[0]?.n,
      incidents: (await db.select({ n: count() }).from(incidents))[0]?.n,
      events: (await db.select({ n: count() }).from(timelineEvents))[0]?.n,
    }),
  };
}
