import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { integrations } from '../../src/storage/schema.ts';
import { type ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

describeEachDatabase('integration signing secrets', (kind) => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
  });
  afterAll(() => server.close());

  it('refuses a signing secret for senders that do not sign, and stores nothing', async () => {
    for (const unsigned of ['alertmanager', 'grafana', 'opsgenie', 'statuspage']) {
      const response = await admin.post('/api/v1/integrations', {
        kind: unsigned,
        name: `${unsigned} prod`,
        signingSecret: 'a long enough secret',
      });
      expect(response.statusCode, unsigned).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'body.signingSecret',
      ]);
    }
    const [row] = await server.handle.db.select({ n: count() }).from(integrations);
    expect(row?.n).toBe(0);
  });

  it('accepts a secret where the sender signs, and an unsigned sender without one', async () => {
    for (const body of [
      { kind: 'pagerduty', name: 'pd', signingSecret: 'a long enough secret' },
      { kind: 'github', name: 'gh', signingSecret: 'a long enough secret' },
      { kind: 'alertmanager', name: 'am' },
    ]) {
      expect((await admin.post('/api/v1/integrations', body)).statusCode, body.kind).toBe(201);
    }
  });
});
