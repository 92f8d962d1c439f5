import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, startTestServer } from '../../../../test/http/test-server.ts';
import { ownFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { timelineEvents } from '../../../storage/schema.ts';

const body = (name: string) => readFileSync(ownFixture(`intake/${name}`), 'utf8');

async function setUp(kind: Parameters<typeof startTestServer>[0]) {
  const server = await startTestServer(kind);
  const admin = await server.setUpAdmin();
  const pathOf = async (integration: 'alertmanager' | 'pagerduty') =>
    (await admin.post('/api/v1/integrations', { kind: integration, name: 'prod' })).json().data
      .webhookPath as string;
  const paths = {
    alertmanager: await pathOf('alertmanager'),
    pagerduty: await pathOf('pagerduty'),
  };
  const deliver = (integration: keyof typeof paths, payload: string) =>
    server.app.inject({
      method: 'POST',
      url: paths[integration],
      payload,
      headers: { 'content-type': 'application/json' },
    });
  const incident = async (id: string) => (await admin.get(`/api/v1/incidents/${id}`)).json().data;
  return { server, admin, deliver, incident };
}

describeEachDatabase('a grouped Alertmanager notification is decided per alert', (kind) => {
  let context: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    context = await setUp(kind);
  });
  afterAll(() => context?.server.close());

  it('opens one incident per service, resolved only when its last alert resolves', async () => {
    const firing = await context.deliver('alertmanager', body('alertmanager-grouped-firing.json'));
    expect(firing.statusCode).toBe(200);
    const incidents = firing.json().incidents as Array<{
      incidentId: string;
      opened: boolean;
      alerts: string[];
    }>;
    expect(incidents.map((one) => [one.opened, one.alerts])).toEqual([
      [true, ['c0ffee00000000a1', 'c0ffee00000000a2']],
      [true, ['c0ffee00000000b1']],
    ]);
    const [checkoutId, searchId] = incidents.map((one) => one.incidentId);
    const checkout = await context.incident(checkoutId ?? '');
    expect(checkout).toMatchObject({ services: ['checkout-api'], status: 'open' });
    expect(checkout.instants.detected_at.at).toBe('2026-11-16T10:02:00.000Z');
    expect((await context.incident(searchId ?? '')).services).toEqual(['search-api']);

    // The error-rate alert resolves; the latency alert of the same incident still fires.
    const partly = await context.deliver(
      'alertmanager',
      body('alertmanager-grouped-partly-resolved.json'),
    );
    expect(partly.json()).toMatchObject({ signalsStored: 1 });
    expect((await context.incident(checkoutId ?? '')).status).toBe('open');

    const resolved = await context.deliver(
      'alertmanager',
      body('alertmanager-grouped-resolved.json'),
    );
    expect(resolved.json().incidents).toHaveLength(2);
    const done = await context.incident(checkoutId ?? '');
    expect(done.status).toBe('resolved');
    expect(done.instants.resolved_at).toMatchObject({
      at: '2026-11-16T10:44:00.000Z',
      source: 'alertmanager',
    });
    const search = await context.incident(searchId ?? '');
    expect(search.instants.resolved_at.at).toBe('2026-11-16T10:20:00.000Z');
  });
});

describeEachDatabase('a signal that arrives after its incident resolved', (kind) => {
  let context: Awaited<ReturnType<typeof setUp>>;
  let admin: ApiClient;
  beforeAll(async () => {
    context = await setUp(kind);
    admin = context.admin;
  });
  afterAll(() => context?.server.close());

  it('reaches the incident and its timeline within the grace period, and only then', async () => {
    const opened = await context.deliver('alertmanager', body('alertmanager-checkout-firing.json'));
    const incidentId = opened.json().incidentId as string;
    const postmortemId = (
      await admin.post('/api/v1/postmortems', { incidentIds: [incidentId] })
    ).json().data.id as string;
    const paged = await context.deliver(
      'pagerduty',
      readFileSync(ownFixture('intake/mixed-incident/pagerduty/incident-triggered.json'), 'utf8'),
    );
    expect(paged.json()).toMatchObject({ incidentId, incidentOpened: false });
    const resolved = await context.deliver(
      'alertmanager',
      readFileSync(ownFixture('intake/mixed-incident/alerts/alertmanager-resolved.json'), 'utf8'),
    );
    expect(resolved.statusCode).toBe(200);
    expect((await context.incident(incidentId)).status).toBe('resolved');

    // PagerDuty's own resolution comes 17 minutes after Alertmanager's: late, not lost.
    const late = await context.deliver('pagerduty', body('pagerduty-checkout-resolved.json'));
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ incidentId, signalsStored: 1 });
    expect(late.json().incidents[0]).toMatchObject({ late: true, timelineEventsProposed: 1 });
    const rows = await context.server.handle.db
      .select({ text: timelineEvents.text, source: timelineEvents.source })
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortemId));
    expect(rows.filter((row) => row.source === 'pagerduty')).toHaveLength(2);

    // Hours after the grace period, a resolution of an unknown page goes nowhere.
    const stray = await context.deliver(
      'pagerduty',
      body('pagerduty-search-resolved-hours-later.json'),
    );
    expect(stray.statusCode).toBe(202);
    expect(stray.json().ignored).toBe(true);
  });
});
