import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { startSuiteScene } from '../../../../test/http/start-suite-scene.ts';
import {
  githubSecret,
  payloadFiles as jsonFiles,
  ownPayloadsRoot,
  readOwnPayload as read,
  sharedPayloadsPresent,
  sharedPayloadsRoot,
  sign,
  startWebhookScene,
  webhookVendors as vendors,
} from '../../../../test/http/webhook-scene.ts';
import { ownFixture } from '../../../../test/support/fixture-path.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { auditEvents, timelineEvents } from '../../../storage/schema.ts';

/** Alertmanager's documented field list, as a person might paste it: text, not a JSON body. */
const alertmanagerFieldList = `{
  "version": "4",
  "groupKey": <string>,              // key identifying the group of alerts
  "truncatedAlerts": <int>,          // how many alerts have been truncated
  "status": "<resolved|firing>",
  "alerts": [ { "status": "<resolved|firing>", "startsAt": "<rfc3339>" }, ... ]
}`;

describeEachDatabase('webhook routes', (kind) => {
  const scene = startSuiteScene(() => startWebhookScene(kind));

  it('opens an incident from a critical alert, resolves it, and is idempotent on redelivery', async () => {
    const firing = await scene.deliver(
      scene.paths.alertmanager ?? '',
      read('alertmanager/search-index-lag.firing.json'),
    );
    expect(firing.statusCode).toBe(200);
    const outcome = firing.json();
    expect(outcome).toMatchObject({ ignored: false, incidentOpened: true, signalsStored: 1 });
    const before = await scene.tally();
    const again = await scene.deliver(
      scene.paths.alertmanager ?? '',
      read('alertmanager/search-index-lag.firing.json'),
    );
    expect(again.json()).toMatchObject({
      incidentId: outcome.incidentId,
      signalsStored: 0,
      duplicates: 1,
    });
    expect(await scene.tally()).toEqual(before);
    const resolved = await scene.deliver(
      scene.paths.alertmanager ?? '',
      read('alertmanager/search-index-lag.resolved.json'),
    );
    expect(resolved.json()).toMatchObject({
      incidentId: outcome.incidentId,
      incidentOpened: false,
      signalsStored: 1,
    });
    const incident = (await scene.admin.get(`/api/v1/incidents/${outcome.incidentId}`)).json().data;
    expect(incident.severity).toBe('sev1');
    expect(incident.status).toBe('resolved');
    expect(incident.instants.detected_at).toMatchObject({
      at: '2026-11-16T10:40:02.118Z',
      source: 'alertmanager',
    });
    expect(incident.instants.resolved_at).toMatchObject({
      at: '2026-11-16T11:07:47.118Z',
      source: 'alertmanager',
    });
    const audits = await scene.server.handle.db
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
    const before = await scene.tally();
    const response = await scene.deliver(
      scene.paths.alertmanager ?? '',
      read('alertmanager/checkout-latency-warning.json'),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json().ignored).toBe(true);
    expect(typeof response.json().reason).toBe('string');
    expect(await scene.tally()).toEqual(before);
  });

  it('attaches to an open incident by service and never overwrites a person’s instant', async () => {
    const incident = (
      await scene.member.post('/api/v1/incidents', {
        title: 'Deploy went wrong',
        kind: 'outage',
        severity: 'sev2',
        services: ['checkout-api'],
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
    const response = await scene.deliver(scene.paths.alertmanager ?? '', alert);
    expect(response.json()).toMatchObject({ incidentId: incident.id, incidentOpened: false });
    expect(response.json().instants).toEqual([
      expect.objectContaining({ name: 'detected_at', outcome: 'proposed' }),
    ]);
    const after = (await scene.admin.get(`/api/v1/incidents/${incident.id}`)).json().data;
    expect(after.instants.detected_at).toMatchObject({
      at: '2026-11-16T10:05:00.000Z',
      source: 'manual',
    });

    const postmortem = (
      await scene.member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    const body = read('github/deployment.json');
    const deployed = await scene.deliver(scene.paths.github ?? '', body, {
      'x-hub-signature-256': `sha256=${sign(githubSecret, body)}`,
      'x-github-event': 'deployment',
    });
    expect(deployed.json()).toMatchObject({ incidentId: incident.id, timelineEventsProposed: 1 });
    const unsigned = await scene.deliver(scene.paths.github ?? '', body, {
      'x-github-event': 'deployment',
    });
    expect(unsigned.statusCode).toBe(401);
    const rows = await scene.server.handle.db
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
    const before = await scene.tally();
    const malformed = await scene.deliver(scene.paths.opsgenie ?? '', '{"action": "Create", ');
    expect(malformed.statusCode).toBe(400);
    const shape = await scene.deliver(
      scene.paths.alertmanager ?? '',
      JSON.stringify({ alerts: [{ labels: {} }] }),
    );
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toContain(
      '/alerts/0/startsAt',
    );
    const schemaText = await scene.deliver(scene.paths.alertmanager ?? '', alertmanagerFieldList);
    expect(schemaText.statusCode).toBe(400);
    expect(await scene.tally()).toEqual(before);
  });

  it('answers mutated deliveries with 200, 202 or 400, never a crash, and writes nothing on 400', async () => {
    const body = readFileSync(
      ownFixture('intake/mixed-incident/pagerduty/incident-triggered.json'),
      'utf8',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.string({ maxLength: 6 }),
        async (at, cut, insert) => {
          const start = at % body.length;
          const mutated = body.slice(0, start) + insert + body.slice(start + cut);
          const before = await scene.tally();
          const response = await scene.deliver(scene.paths.pagerduty ?? '', mutated);
          expect([200, 202, 400]).toContain(response.statusCode);
          if (response.statusCode === 400) {
            expect(await scene.tally()).toEqual(before);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('takes every vendor payload of the project live, and a redelivery of each changes nothing', async () => {
    await deliverEachTwice(ownPayloadsRoot);
  }, 120_000);

  it.skipIf(!sharedPayloadsPresent)(
    'takes every recorded real vendor payload live, and a redelivery of each changes nothing',
    async () => {
      await deliverEachTwice(sharedPayloadsRoot);
    },
    120_000,
  );

  /** Delivers every vendor's `.json` payloads under `root` twice: the second stores nothing. */
  async function deliverEachTwice(root: string): Promise<void> {
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
        const first = await scene.deliver(scene.paths[vendor] ?? '', body, headers);
        expect([file, first.statusCode]).toEqual([file, first.json().ignored ? 202 : 200]);
        const before = await scene.tally();
        const second = await scene.deliver(scene.paths[vendor] ?? '', body, headers);
        expect([file, second.json().signalsStored ?? 0]).toEqual([file, 0]);
        expect(await scene.tally()).toEqual(before);
      }
    }
  }
});
