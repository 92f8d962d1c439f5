import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';

const webhookReports = [
  [
    '2026-11-02',
    'Payment webhooks timing out at the provider',
    'The payment provider could not deliver webhooks to payments-gateway; our endpoint answered after 30 seconds and deliveries timed out.',
  ],
  [
    '2026-11-06',
    'Payment webhooks timing out again',
    'Webhook deliveries from the payment provider to payments-gateway timed out while the ledger was slow.',
  ],
  [
    '2026-11-10',
    'Webhooks from the payment provider time out under load',
    'A sale tripled traffic; payments-gateway answered the provider webhooks too slowly and deliveries timed out.',
  ],
  [
    '2026-11-15',
    'Payment provider webhooks timing out',
    'Deliveries of payment webhooks timed out for 20 minutes; payment confirmations arrived late.',
  ],
] as const;

describeEachDatabase('theme routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  const ids: string[] = [];
  let restrictedId = '';

  const incident = async (
    client: ApiClient,
    day: string,
    title: string,
    summary: string,
    extra = {},
  ) => {
    const response = await client.post('/api/v1/incidents', {
      title,
      summary,
      kind: 'degradation',
      severity: 'sev3',
      services: ['payments-gateway'],
      instants: {
        started_at: { at: `${day}T09:00:00Z` },
        resolved_at: { at: `${day}T09:40:00Z` },
      },
      ...extra,
    });
    expect(response.statusCode).toBe(201);
    return response.json().data.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    server.setNow('2026-11-20T12:00:00Z');
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    for (const [day, title, summary] of webhookReports) {
      ids.push(await incident(member, day, title, summary));
    }
    await incident(
      member,
      '2026-11-04',
      'Build agents ran out of disk space',
      'CI agents filled their disks with cached layers; builds failed with no space left on device.',
      { services: ['ci'] },
    );
    await incident(
      member,
      '2026-11-12',
      'Expired TLS certificate on the status page',
      'The certificate expired; browsers refused the status page for three hours.',
      { services: ['status-page'] },
    );
    restrictedId = await incident(
      admin,
      '2026-11-16',
      'Payment webhooks timing out for the fraud check',
      'Fraud check webhooks from the payment provider timed out.',
      { restricted: true },
    );
  });
  afterAll(() => server.close());

  it('refuses anonymous callers and reports a bad window', async () => {
    expect((await server.anonymous.get('/api/v1/themes')).statusCode).toBe(401);
    const bad = await member.get('/api/v1/themes?since=2026-11-30&until=2026-11-01&x=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.length).toBeGreaterThanOrEqual(2);
    // A window ending in year 1 looks back from there, not into a year PostgreSQL cannot read.
    const early = await member.get('/api/v1/themes?until=0001-01-01T00:00:00Z');
    expect(early.statusCode).toBe(200);
    expect(early.json().data).toEqual([]);
  });

  it('groups the recurring minor incidents, requires a thematic review and opens it in one request', async () => {
    const response = await member.get('/api/v1/themes');
    expect(response.statusCode).toBe(200);
    const themes = response.json().data;
    expect(themes).toHaveLength(1);
    const [theme] = themes;
    expect(theme.incidents.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(theme).toMatchObject({
      count: 4,
      totalDurationSeconds: 4 * 2400,
      withoutPostmortem: 4,
      services: ['payments-gateway'],
    });
    expect(theme.recurringMinorIssue.incidentIds).toEqual(ids);
    expect(theme.recurringMinorIssue.dueOn.analysis).toBe('2026-11-20');

    // The first incident already had its own review: its timeline comes along.
    const single = await member.post('/api/v1/postmortems', { incidentIds: [ids[0]] });
    const event = await member.post(
      `/api/v1/postmortems/${single.json().data.id}/timeline-events`,
      {
        occurredAt: '2026-11-02T09:05:00Z',
        text: 'Provider dashboard shows webhook deliveries failing',
        kind: 'detection',
      },
    );
    expect(event.statusCode).toBe(201);

    const opened = await member.post('/api/v1/postmortems', theme.suggestedPostmortem);
    expect(opened.statusCode).toBe(201);
    expect(opened.json().data).toMatchObject({ scope: 'thematic', incidentIds: ids });
    const timeline = await member.get(
      `/api/v1/postmortems/${opened.json().data.id}/timeline-events`,
    );
    expect(timeline.json().data.map((e: { data: { text: string } }) => e.data.text)).toContain(
      'Provider dashboard shows webhook deliveries failing',
    );

    const after = (await member.get('/api/v1/themes')).json().data[0];
    expect(after.withoutPostmortem).toBe(0);
  });

  it('counts a restricted incident only for those who may see it', async () => {
    const forAdmin = (await admin.get('/api/v1/themes')).json().data[0];
    const forMember = (await member.get('/api/v1/themes')).json().data[0];
    expect(forAdmin.count - forMember.count).toBe(1);
    expect(forAdmin.incidents.map((i: { id: string }) => i.id)).toContain(restrictedId);
    expect(JSON.stringify(forMember)).not.toContain(restrictedId);
  });

  it('lists similar past postmortems for an incident and for a postmortem', async () => {
    const later = await incident(
      member,
      '2026-11-19',
      'Payment webhooks timing out once more',
      'Webhook deliveries from the payment provider timed out again.',
    );
    const similar = await member.get(`/api/v1/incidents/${later}/similar-postmortems`);
    expect(similar.statusCode).toBe(200);
    const found = similar.json().data as Array<{
      id: string;
      title: string;
      incidentNumbers: number[];
    }>;
    const thematic = found.find((p) => p.title.startsWith('Thematic review'));
    expect(thematic?.incidentNumbers).toHaveLength(4);
    expect(found.map((p) => p.title)).toContain(
      'Postmortem: Payment webhooks timing out at the provider',
    );
    expect(found.every((p) => !p.title.includes('TLS') && !p.title.includes('disk'))).toBe(true);

    const own = await member.post('/api/v1/postmortems', { incidentIds: [later] });
    const fromPostmortem = await member.get(
      `/api/v1/postmortems/${own.json().data.id}/similar-postmortems`,
    );
    expect(
      fromPostmortem
        .json()
        .data.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(found.map((p) => p.id).sort());
    expect(
      (await member.get(`/api/v1/incidents/${restrictedId}/similar-postmortems`)).statusCode,
    ).toBe(404);
  });
});
