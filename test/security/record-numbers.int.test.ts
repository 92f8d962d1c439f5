import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../http/test-server.ts';
import { describeEachDatabase } from '../support/test-database.ts';

describeEachDatabase('numbers in two series', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
  });
  afterAll(() => server.close());

  const newIncident = async (overrides: Record<string, unknown> = {}) =>
    (await admin.post('/api/v1/incidents', incidentBody(overrides))).json().data;

  it('numbers hidden records S-1, S-2 … and public ones without a gap between them', async () => {
    const first = await newIncident();
    const hidden = await newIncident({ kind: 'security' });
    const next = await newIncident();
    expect([first.number, hidden.number, next.number]).toEqual(['1', 'S-1', '2']);

    const review = await admin.post('/api/v1/postmortems', { incidentIds: [first.id] });
    const hiddenReview = await admin.post('/api/v1/postmortems', { incidentIds: [hidden.id] });
    const restrictedReview = await admin.post('/api/v1/postmortems', {
      incidentIds: [next.id],
      restricted: true,
    });
    expect(
      [review, hiddenReview, restrictedReview].map((r) => [r.statusCode, r.json().data.number]),
    ).toEqual([
      [201, '1'],
      [201, 'S-1'],
      [201, 'S-2'],
    ]);
    // Typed as shown, either series is found.
    const found = await admin.get('/api/v1/postmortems?q=S-2');
    expect(found.json().data.map((p: { data: { id: string } }) => p.data.id)).toEqual([
      restrictedReview.json().data.id,
    ]);
  });

  it('gives a restricted-series record made public the next public number', async () => {
    const hidden = await newIncident({ kind: 'security', title: 'Token scope too wide' });
    expect(hidden.number).toMatch(/^S-\d+$/);
    const opened = await admin.patch(
      `/api/v1/incidents/${hidden.id}`,
      { restricted: false },
      hidden.version,
    );
    expect(opened.statusCode).toBe(200);
    expect(opened.json().data.number).toBe('3');
  });

  it('lets only an admin open a review restricted from the start', async () => {
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const refused = await member.post('/api/v1/postmortems', {
      incidentIds: [incident.id],
      restricted: true,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
  });
});
