import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

describeEachDatabase('demo data', (kind) => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
  });
  afterAll(() => server.close());

  it('refuses members', async () => {
    const member = await server.signUp(admin, 'member');
    expect((await member.post('/api/v1/demo-data')).statusCode).toBe(403);
  });

  it('creates the services the demo incident names, with their dependencies, twice over', async () => {
    for (const _ of [1, 2]) {
      expect((await admin.post('/api/v1/demo-data')).statusCode).toBe(201);
    }
    const services = (await admin.get('/api/v1/services')).json().data as Array<{
      data: { name: string; dependsOn: string[] };
    }>;
    const byName = Object.fromEntries(services.map((row) => [row.data.name, row.data.dependsOn]));
    expect(byName['checkout-api']).toEqual(['config-service', 'payments-db']);
    expect(byName.storefront).toEqual(['checkout-api']);
    const incidents = (await admin.get('/api/v1/incidents?service=payments-db')).json();
    expect(incidents.page.total).toBe(2);
    for (const name of incidents.data[0].data.services) {
      expect(byName).toHaveProperty([name]);
    }
  });
});
