import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

describeEachDatabase('postmortem list filters', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let other: ApiClient;
  const ids: Record<string, string> = {};

  const open = async (client: ApiClient, incident: Record<string, unknown>, title?: string) => {
    const created = (await client.post('/api/v1/incidents', incidentBody(incident))).json().data;
    const response = await client.post('/api/v1/postmortems', {
      incidentIds: [created.id],
      ...(title ? { title } : {}),
    });
    return response.json().data as { id: string; number: number };
  };
  const titles = async (client: ApiClient, query: string) => {
    const response = await client.get(`/api/v1/postmortems?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().data as Array<{ data: { title: string } }>)
      .map((row) => row.data.title)
      .sort();
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    other = await server.signUp(admin, 'member');
    // The clock stands at 2026-11-20: a sev2 resolved in October is long past its deadlines.
    ids.late = (
      await open(member, {
        title: 'Payments queue backlog',
        severity: 'sev2',
        kind: 'degradation',
        services: ['payments-api'],
        instants: {
          started_at: { at: '2026-10-01T09:00:00Z' },
          resolved_at: { at: '2026-10-01T10:00:00Z' },
        },
      })
    ).id;
    ids.fresh = (
      await open(other, {
        title: 'Checkout latency',
        severity: 'sev1',
        services: ['checkout-api'],
        instants: {
          started_at: { at: '2026-11-19T09:00:00Z' },
          resolved_at: { at: '2026-11-19T10:00:00Z' },
        },
      })
    ).id;
    ids.hidden = (
      await open(admin, {
        title: 'Leaked payments credential',
        kind: 'security',
        severity: 'sev2',
        services: ['payments-api'],
        restricted: true,
      })
    ).id;
  });
  afterAll(() => server.close());

  it('refuses unknown values with every issue listed', async () => {
    const response = await member.get('/api/v1/postmortems?severity=sev9&kind=mishap&overdue=yes');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.kind.0', 'querystring.overdue', 'querystring.severity.0']);
  });

  it('searches titles and numbers', async () => {
    expect(await titles(member, 'q=queue')).toEqual(['Postmortem: Payments queue backlog']);
    const number = (await admin.get(`/api/v1/postmortems/${ids.fresh}`)).json().data.number;
    expect(await titles(member, `q=PM-${number}`)).toEqual(['Postmortem: Checkout latency']);
    expect(await titles(member, 'q=100%25')).toEqual([]);
  });

  it('filters by worst severity, incident kind and service', async () => {
    expect(await titles(member, 'severity=sev1')).toEqual(['Postmortem: Checkout latency']);
    expect(await titles(member, 'kind=degradation,security')).toEqual([
      'Postmortem: Payments queue backlog',
    ]);
    expect(await titles(member, 'service=payments-api')).toEqual([
      'Postmortem: Payments queue backlog',
    ]);
    expect(await titles(admin, 'service=payments-api')).toEqual([
      'Postmortem: Leaked payments credential',
      'Postmortem: Payments queue backlog',
    ]);
  });

  it('finds the overdue ones with the policy deadlines', async () => {
    expect(await titles(member, 'overdue=true')).toEqual(['Postmortem: Payments queue backlog']);
    const response = await member.get('/api/v1/postmortems?overdue=true');
    expect(response.json().page.total).toBe(1);
  });

  it("keeps to the caller's own with mine=true", async () => {
    expect(await titles(member, 'mine=true')).toEqual(['Postmortem: Payments queue backlog']);
    expect(await titles(other, 'mine=true')).toEqual(['Postmortem: Checkout latency']);
    expect(await titles(other, 'mine=true&severity=sev2')).toEqual([]);
  });
});
