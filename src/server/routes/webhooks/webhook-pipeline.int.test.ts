import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPath } from '../../../../test/fuzz/support/import-file.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { ownFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import type { User } from '../../../domain/user.ts';
import { usersRepository } from '../../../storage/repositories/users-repository.ts';
import { timelineEvents } from '../../../storage/schema.ts';

const alertmanagerBody = readFileSync(
  ownFixture('intake/alertmanager-checkout-firing.json'),
  'utf8',
);

/** The same alert as another one, with a NUL byte inside its annotations (as a JSON escape). */
const withNul = alertmanagerBody
  .replaceAll('c0ffee0000000001', 'c0ffee0000000002')
  .replaceAll('CheckoutErrorRate', 'CheckoutLatency')
  .replace('5xx share is 7.9%', 'p99 is 4.2 s\\u0000 on checkout');

describeEachDatabase('webhooks go through the one timeline pipeline', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let actor: User;
  let postmortemId: string;
  let webhookPath: string;
  const work = mkdtempSync(join(tmpdir(), 'debrief-webhook-pipeline-'));

  const deliver = (body: string) =>
    server.app.inject({
      method: 'POST',
      url: webhookPath,
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
  const rows = (source: string) =>
    server.handle.db
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.postmortemId, postmortemId), eq(timelineEvents.source, source)));

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    const found = await usersRepository.findFirstAdmin(server.handle.db);
    if (!found) {
      throw new Error('no admin');
    }
    actor = found;
    webhookPath = (
      await admin.post('/api/v1/integrations', { kind: 'alertmanager', name: 'prod' })
    ).json().data.webhookPath;
    const incident = (
      await admin.post(
        '/api/v1/incidents',
        incidentBody({
          instants: {
            started_at: { at: '2026-11-16T10:00:00Z' },
            detected_at: { at: '2026-11-16T10:05:00Z' },
          },
        }),
      )
    ).json().data;
    postmortemId = (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await server?.close();
  });

  it('links the webhook alert to its file-imported near-duplicate and never doubles it', async () => {
    const grafana = await importPath(
      server.deps,
      actor,
      postmortemId,
      ownFixture('intake/grafana-checkout-firing.json'),
      'grafana',
    );
    expect(grafana.outcome?.eventsProposed).toBe(1);

    const delivered = await deliver(alertmanagerBody);
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({ incidentOpened: false, timelineEventsProposed: 1 });
    const [alert] = await rows('alertmanager');
    const [panel] = await rows('grafana');
    // The page and the dashboard's alert are one happening: the later points at the earlier.
    expect(panel?.duplicateOfId).toBe(alert?.id);
    // Grafana 11 keeps the queries' values and the panel's picture.
    expect(panel?.details).toMatchObject({
      values: { A: 7.9, C: 1 },
      imageURL: 'https://grafana.example.internal/render/checkout-errors.png',
    });

    const file = join(work, 'alertmanager.json');
    writeFileSync(file, alertmanagerBody);
    const imported = await importPath(server.deps, actor, postmortemId, file);
    expect(imported.outcome).toMatchObject({ eventsProposed: 0, duplicatesSkipped: 1 });
    expect(await rows('alertmanager')).toHaveLength(1);
  });

  it('answers a NUL byte in an annotation like the file import does: stored clean, no 500', async () => {
    const delivered = await deliver(withNul);
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({ signalsStored: 1, timelineEventsProposed: 1 });
    const latency = (await rows('alertmanager')).find((row) => row.text.includes('Latency'));
    expect(JSON.stringify(latency?.details)).toContain('p99 is 4.2 s on checkout');
    expect(JSON.stringify(latency)).not.toContain('\\u0000');

    const file = join(work, 'alertmanager-nul.json');
    writeFileSync(file, withNul);
    const imported = await importPath(server.deps, actor, postmortemId, file);
    expect(imported.error).toBeUndefined();
    expect(imported.outcome).toMatchObject({ eventsProposed: 0, duplicatesSkipped: 1 });
  });

  it('takes the token as Authorization: Bearer too, and answers a GET with 405', async () => {
    const token = webhookPath.split('/').pop() ?? '';
    const bare = '/api/v1/webhooks/alertmanager';
    const post = (authorization: string) =>
      server.app.inject({
        method: 'POST',
        url: bare,
        payload: alertmanagerBody,
        headers: { 'content-type': 'application/json', authorization },
      });
    expect((await post(`Bearer ${token}`)).json()).toMatchObject({ ignored: false, duplicates: 1 });
    const wrong = await post('Bearer dbw_not-a-token');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('UNAUTHENTICATED');
    for (const url of [webhookPath, bare]) {
      const probe = await server.app.inject({ method: 'GET', url });
      expect(probe.statusCode).toBe(405);
      expect(probe.headers.allow).toBe('POST');
      expect(probe.headers['content-type']).toContain('application/problem+json');
      expect(probe.json().code).toBe('METHOD_NOT_ALLOWED');
      expect(probe.json().requestId).toBe(probe.headers['x-request-id']);
    }
  });
});
