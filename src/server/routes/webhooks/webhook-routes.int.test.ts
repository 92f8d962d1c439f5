import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { sharedFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import {
  auditEvents,
  incidentSignals,
  incidents,
  timelineEvents,
} from '../../../storage/schema.ts';

const root = sharedFixture('payloads');
const present = existsSync(root);
if (!present) {
  console.warn(`fixtures not found at ${root}: webhook route tests skipped`);
}
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sign = (secret: string, body: string | Buffer) =>
  createHmac('sha256', secret).update(body).digest('hex');
const vendors = [
  'alertmanager',
  'grafana',
  'pagerduty',
  'opsgenie',
  'statuspage',
  'github',
] as const;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : path.endsWith('.json') ? [path] : [];
  });
}

describeEachDatabase('webhook and integration routes', (kind) => {
  if (!present) {
    it.skip('fixtures absent', () => undefined);
    return;
  }
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  const paths: Record<string, string> = {};
  const secret = JSON.parse(read('pagerduty/webhook-v3.signature-vectors.json')).secret as string;
  const githubSecret = 'github-webhook-secret';

  const deliver = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const tally = async () => ({
    signals: (await server.handle.db.select({ n: count() }).from(incidentSignals))[0]?.n,
    incidents: (await server.handle.db.select({ n: count() }).from(incidents))[0]?.n,
    events: (await server.handle.db.select({ n: count() }).from(timelineEvents))[0]?.n,
  });

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    for (const vendor of vendors) {
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
      signingSecret: secret,
    });
  });
  afterAll(() => server.close());

  it('manages integrations: admins only, token shown once, audited', async () => {
    expect((await server.anonymous.get('/api/v1/integrations')).statusCode).toBe(401);
    expect(
      (await member.post('/api/v1/integrations', { kind: 'grafana', name: 'x' })).statusCode,
    ).toBe(403);
    const invalid = await admin.post('/api/v1/integrations', { kind: 'nagios', name: '' });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.kind', 'body.name']);
    const listed = (await admin.get('/api/v1/integrations')).json().data;
    expect(listed).toHaveLength(7);
    expect(JSON.stringify(listed)).not.toContain('dbw_');
    expect(listed.find((i: { kind: string }) => i.kind === 'github').signed).toBe(true);
    const openapi = await server.anonymous.get('/api/v1/openapi.json');
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/integrations',
        '/api/v1/webhooks/{kind}/{token}',
        '/api/v1/webhooks/{kind}',
      ]),
    );
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'integration.created'));
    expect(audits).toHaveLength(7);
  });

  it('refuses a wrong, foreign-kind or revoked token with 401 and writes nothing', async () => {
    const before = await tally();
    const body = read('alertmanager/alertmanager-bot.firing.json');
    expect((await deliver('/api/v1/webhooks/alertmanager/dbw_nope', body)).statusCode).toBe(401);
    const grafanaToken = paths.grafana?.split('/').pop();
    const foreign = await deliver(`/api/v1/webhooks/alertmanager/${grafanaToken}`, body);
    expect(foreign.statusCode).toBe(401);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const created = (
      await admin.post('/api/v1/integrations', { kind: 'alertmanager', name: 'old' })
    ).json().data;
    expect((await admin.delete(`/api/v1/integrations/${created.id}`)).statusCode).toBe(204);
    expect((await deliver(created.webhookPath, body)).statusCode).toBe(401);
    expect(await tally()).toEqual(before);
  });

  it('accepts the valid PagerDuty signature vector and rejects every tampered variant', async () => {
    const body = readFileSync(join(root, 'pagerduty/webhook-v3.incident.priority_updated.json'));
    const valid = `v1=${sign(secret, body)}`;
    expect(valid).toBe('v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd');
    const flipped = Buffer.from(body);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    const url = '/api/v1/webhooks/pagerduty';
    const header = 'x-pagerduty-signature';
    const tampered: Array<[string, Buffer, Record<string, string>]> = [
      ['body byte flipped', flipped, { [header]: valid }],
      ['wrong secret', body, { [header]: `v1=${sign('another secret', body)}` }],
      [
        'upstream mismatch',
        body,
        { [header]: 'v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5' },
      ],
      ['missing header', body, {}],
      ['empty header', body, { [header]: '' }],
      ['malformed header', body, { [header]: 'sha256=abc' }],
      ['truncated signature', body, { [header]: valid.slice(0, -2) }],
      ['empty body', Buffer.alloc(0), { [header]: valid }],
    ];
    const before = await tally();
    for (const [name, payload, headers] of tampered) {
      const response = await deliver(url, payload, headers);
      expect([name, response.statusCode]).toEqual([name, 401]);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await tally()).toEqual(before);
    const accepted = await deliver(url, body, { [header]: `v1=${'0'.repeat(64)}, ${valid}` });
    // Authenticated; a priority change of an incident never seen opens nothing (policy).
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().ignored).toBe(true);
  });

  it('opens an incident from a critical alert, resolves it, and is idempotent on redelivery', async () => {
    const firing = await deliver(
      paths.alertmanager ?? '',
      read('alertmanager/alertmanager-bot.firing.json'),
    );
    expect(firing.statusCode).toBe(200);
    const outcome = firing.json();
    expect(outcome).toMatchObject({ ignored: false, incidentOpened: true, signalsStored: 1 });
    const before = await tally();
    const again = await deliver(
      paths.alertmanager ?? '',
      read('alertmanager/alertmanager-bot.firing.json'),
    );
    expect(again.json()).toMatchObject({
      incidentId: outcome.incidentId,
      signalsStored: 0,
      duplicates: 1,
    });
    expect(await tally()).toEqual(before);
    const resolved = await deliver(
      paths.alertmanager ?? '',
      read('alertmanager/alertmanager-bot.resolved.json'),
    );
    expect(resolved.json()).toMatchObject({
      incidentId: outcome.incidentId,
      incidentOpened: false,
      signalsStored: 1,
    });
    const incident = (await admin.get(`/api/v1/incidents/${outcome.incidentId}`)).json().data;
    expect(incident.severity).toBe('sev1');
    expect(incident.status).toBe('resolved');
    expect(incident.instants.detected_at).toMatchObject({
      at: '2018-11-04T21:43:58.283Z',
      source: 'alertmanager',
    });
    expect(incident.instants.resolved_at).toMatchObject({
      at: '2018-11-04T21:48:13.283Z',
      source: 'alertmanager',
    });
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'incident.signal_received'));
    const mine = audits.filter((a) => a.incidentId === outcome.incidentId);
    expect(mine).toHaveLength(2);
    expect(mine.every((a) => a.actorId === null && typeof a.data.integrationId === 'string')).toBe(
      true,
    );
  });

  it('ignores an alert below the threshold with 202 and a reason', async () => {
    const before = await tally();
    const response = await deliver(
      paths.alertmanager ?? '',
      read('alertmanager/msteams.prom_post_request_2_alerts.json'),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json().ignored).toBe(true);
    expect(typeof response.json().reason).toBe('string');
    expect(await tally()).toEqual(before);
  });

  it('attaches to an open incident by service and never overwrites a person’s instant', async () => {
    const incident = (
      await member.post('/api/v1/incidents', {
        title: 'Deploy went wrong',
        kind: 'outage',
        severity: 'sev2',
        services: ['checkout-api', 'Hello-World'],
        instants: { detected_at: { at: '2026-11-16T10:05:00Z' } },
      })
    ).json().data;
    const alert = JSON.stringify({
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighLatency', service: 'checkout-api', severity: 'warning' },
          startsAt: '2026-11-16T10:01:00.123456789Z',
          endsAt: '0001-01-01T00:00:00Z',
        },
      ],
    });
    const response = await deliver(paths.alertmanager ?? '', alert);
    expect(response.json()).toMatchObject({ incidentId: incident.id, incidentOpened: false });
    expect(response.json().instants).toEqual([
      expect.objectContaining({ name: 'detected_at', outcome: 'proposed' }),
    ]);
    const after = (await admin.get(`/api/v1/incidents/${incident.id}`)).json().data;
    expect(after.instants.detected_at).toMatchObject({
      at: '2026-11-16T10:05:00.000Z',
      source: 'manual',
    });

    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    const body = read('github/deployment.json');
    const deployed = await deliver(paths.github ?? '', body, {
      'x-hub-signature-256': `sha256=${sign(githubSecret, body)}`,
      'x-github-event': 'deployment',
    });
    expect(deployed.json()).toMatchObject({ incidentId: incident.id, timelineEventsProposed: 1 });
    const unsigned = await deliver(paths.github ?? '', body, { 'x-github-event': 'deployment' });
    expect(unsigned.statusCode).toBe(401);
    const rows = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortem.id));
    expect(rows.map((row) => [row.source, row.status]).sort()).toEqual([
      ['alertmanager', 'proposed'],
      ['github', 'proposed'],
    ]);
    expect(rows.find((row) => row.source === 'alertmanager')).toMatchObject({
      sourceRef: 'HighLatency',
      originalTimestamp: '2026-11-16T10:01:00.123456789Z',
      originalZone: 'UTC',
      occurredAt: new Date('2026-11-16T10:01:00.123Z'),
    });
  });

  it('answers 400 naming the field for malformed JSON and wrong shapes, writing nothing', async () => {
    const before = await tally();
    const malformed = await deliver(paths.opsgenie ?? '', '{"action": "Create", ');
    expect(malformed.statusCode).toBe(400);
    const shape = await deliver(
      paths.alertmanager ?? '',
      JSON.stringify({ alerts: [{ labels: {} }] }),
    );
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toContain(
      '/alerts/0/startsAt',
    );
    const schemaText = await deliver(
      paths.alertmanager ?? '',
      read('alertmanager/alertmanager-webhook-schema.from-docs.txt'),
    );
    expect(schemaText.statusCode).toBe(400);
    expect(await tally()).toEqual(before);
  });

  it('answers mutated deliveries with 200, 202 or 400, never a crash, and writes nothing on 400', async () => {
    const body = read('pagerduty/zulip-fixtures/triggered_v3.json');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.string({ maxLength: 6 }),
        async (at, cut, insert) => {
          const start = at % body.length;
          const mutated = body.slice(0, start) + insert + body.slice(start + cut);
          const before = await tally();
          const response = await deliver(paths.pagerduty ?? '', mutated);
          expect([200, 202, 400]).toContain(response.statusCode);
          if (response.statusCode === 400) {
            expect(await tally()).toEqual(before);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('takes every vendor fixture live, and a redelivery of each changes nothing', async () => {
    for (const vendor of vendors) {
      for (const file of jsonFiles(join(root, vendor)).filter(
        (f) => !f.includes('signature-vectors'),
      )) {
        const body = readFileSync(file, 'utf8');
        const event = file.split('/').pop()?.split('.')[0] ?? '';
        const headers: Record<string, string> =
          vendor === 'github'
            ? {
                'x-hub-signature-256': `sha256=${sign(githubSecret, body)}`,
                'x-github-event': event,
              }
            : {};
        const first = await deliver(paths[vendor] ?? '', body, headers);
        expect([file, first.statusCode]).toEqual([file, first.json().ignored ? 202 : 200]);
        const before = await tally();
        const second = await deliver(paths[vendor] ?? '', body, headers);
        expect([file, second.json().signalsStored ?? 0]).toEqual([file, 0]);
        expect(await tally()).toEqual(before);
      }
    }
  }, 120_000);
});
