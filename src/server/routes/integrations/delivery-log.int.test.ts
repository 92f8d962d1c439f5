import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

const firing = new URL(
  '../../../../test/fixtures/intake/alertmanager-checkout-firing.json',
  import.meta.url,
);

/** A low-severity test alert: authenticated, then ignored by the intake policy. */
const testAlert = {
  version: '4',
  status: 'firing',
  receiver: 'debrief',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'DebriefTestDelivery', severity: 'info' },
      annotations: { summary: 'Test delivery from the integrations page' },
      startsAt: '2026-11-20T11:59:00Z',
    },
  ],
};

describeEachDatabase('webhook delivery log', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let webhookPath: string;
  let integrationId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    const created = await admin.post('/api/v1/integrations', {
      kind: 'alertmanager',
      name: 'Production Alertmanager',
    });
    ({ webhookPath, id: integrationId } = created.json().data);
  });
  afterAll(() => server.close());

  const deliver = (path: string, body: unknown) =>
    server.anonymous.request({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('refuses the list to members', async () => {
    expect((await member.get('/api/v1/webhook-deliveries')).statusCode).toBe(403);
    expect((await server.anonymous.get('/api/v1/webhook-deliveries')).statusCode).toBe(401);
  });

  it('logs each delivery of an integration with its outcome, never one with a wrong token', async () => {
    expect((await deliver(webhookPath, testAlert)).statusCode).toBe(202);
    expect((await deliver(`${webhookPath}x`, testAlert)).statusCode).toBe(401);
    const alert = JSON.parse(await readFile(firing, 'utf8'));
    expect((await deliver(webhookPath, alert)).statusCode).toBe(200);
    expect((await deliver(webhookPath, { alerts: 'none' })).statusCode).toBe(400);
    const token = webhookPath.split('/').at(-1);
    const asBearer = await server.anonymous.request({
      method: 'POST',
      url: '/api/v1/webhooks/alertmanager',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify(testAlert),
    });
    expect(asBearer.statusCode).toBe(202);

    // The log is written after the answer has gone out (onResponse), so the last row can land
    // a moment after the sender has its answer.
    let log: Array<Record<string, unknown>> = [];
    for (let attempt = 0; attempt < 50 && log.length < 4; attempt += 1) {
      const response = await admin.get('/api/v1/webhook-deliveries');
      expect(response.statusCode).toBe(200);
      log = response.json().data;
      if (log.length < 4) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(log.map((d) => [d.outcome, d.statusCode])).toEqual([
      ['ignored', 202],
      ['failed', 400],
      ['accepted', 200],
      ['ignored', 202],
    ]);
    expect(log.every((d) => d.integrationId === integrationId)).toBe(true);
    expect(log[2]?.summary).toMatch(/^Opened an incident: 1 signal stored/);
    expect(log[3]?.summary).toMatch(/^Ignored: /);
    expect(JSON.stringify(log)).not.toContain(webhookPath.split('/').at(-1));
  });
});
