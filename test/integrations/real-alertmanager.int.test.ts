import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentsRepository } from '../../src/storage/repositories/incidents-repository.ts';
import { incidentSignals, incidents } from '../../src/storage/schema.ts';
import { type ApiClient, startTestServer, type TestServer } from '../http/test-server.ts';
import { testDatabaseKinds } from '../support/test-database.ts';

/** Debian's `prometheus-alertmanager` (`.ci/run` installs it); absent: skipped with a notice. */
const binary = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'].find(existsSync);
if (!binary) {
  console.warn('real Alertmanager test skipped: install Debian prometheus-alertmanager');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * An Alertmanager route that groups by service, and a child route that groups a whole cluster's
 * alerts into one notification (docs/integrations/alertmanager.md, "An example route").
 */
function alertmanagerConfig(base: string, pathToken: string, bearerToken: string): string {
  return `route:
  receiver: debrief
  group_by: [alertname, service]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 4h
  routes:
    # One notification per cluster, whatever the service: Debrief must still decide per alert.
    - receiver: debrief
      matchers: ['cluster="eu-west-1"']
      group_by: [cluster]
      group_wait: 1s
      group_interval: 1s
      repeat_interval: 4h
receivers:
  - name: debrief
    webhook_configs:
      - url: ${base}/api/v1/webhooks/alertmanager/${pathToken}
        send_resolved: true
      - url: ${base}/api/v1/webhooks/alertmanager
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${bearerToken}
`;
}

describe.skipIf(!binary)('a real Alertmanager delivers to Debrief', () => {
  const kind = testDatabaseKinds[testDatabaseKinds.length - 1] ?? 'pglite';
  const work = mkdtempSync(join(tmpdir(), 'debrief-alertmanager-'));
  let log = '';
  let server: TestServer;
  let admin: ApiClient;
  let alertmanager: ChildProcess | undefined;
  let alertmanagerUrl = '';
  const tokens: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    server = await startTestServer(kind, undefined, { logger: { level: 'info', stream } });
    admin = await server.setUpAdmin();
    for (const name of ['path token', 'bearer token']) {
      const created = await admin.post('/api/v1/integrations', { kind: 'alertmanager', name });
      tokens.push(String(created.json().data.webhookPath).split('/').pop() ?? '');
    }
    const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const [pathToken = '', bearerToken = ''] = tokens;
    writeFileSync(join(work, 'alertmanager.yml'), alertmanagerConfig(base, pathToken, bearerToken));
    const port = await freePort();
    alertmanagerUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      binary ?? '',
      [
        `--config.file=${join(work, 'alertmanager.yml')}`,
        `--storage.path=${join(work, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    await until('Alertmanager to be ready', async () =>
      (await fetch(`${alertmanagerUrl}/-/ready`)).ok ? true : undefined,
    );
  });
  afterAll(async () => {
    alertmanager?.kill('SIGTERM');
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens the incident at startsAt, resolves it at endsAt, and logs no token', async () => {
    const startsAt = new Date(Date.now() - 5 * 60_000);
    startsAt.setUTCMilliseconds(0);
    const alert = {
      labels: { alertname: 'PaymentsDown', service: 'payments-api', severity: 'critical' },
      annotations: { summary: 'Payments API answers 503' },
      startsAt: startsAt.toISOString(),
    };
    const post = (alerts: unknown[]) =>
      fetch(`${alertmanagerUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
    expect((await post([alert])).ok).toBe(true);
    const opened = await until('the incident', async () => {
      const [row] = await server.handle.db.select({ id: incidents.id }).from(incidents);
      const [incident] = await incidentsRepository.findIncidentsByIds(server.handle.db, [
        row?.id ?? '',
      ]);
      return incident?.instants.detected_at ? incident : undefined;
    });
    expect(opened.instants.detected_at?.at.toISOString()).toBe(startsAt.toISOString());
    expect(opened.services).toEqual(['payments-api']);

    const endsAt = new Date(Date.now() - 30_000);
    endsAt.setUTCMilliseconds(0);
    expect((await post([{ ...alert, endsAt: endsAt.toISOString() }])).ok).toBe(true);
    const resolved = await until('the resolution', async () => {
      const [incident] = await incidentsRepository.findIncidentsByIds(server.handle.db, [
        opened.id,
      ]);
      return incident?.instants.resolved_at ? incident : undefined;
    });
    expect(resolved.instants.resolved_at?.at.toISOString()).toBe(endsAt.toISOString());
    expect(resolved.status).toBe('resolved');
    // Both receivers delivered the same alert: stored once, each delivery idempotent.
    const signals = await server.handle.db
      .select()
      .from(incidentSignals)
      .where(eq(incidentSignals.incidentId, opened.id));
    expect(signals.map((signal) => signal.kind).sort()).toEqual(['detection', 'resolution']);

    expect(log).toContain('/api/v1/webhooks/alertmanager/[redacted]');
    for (const token of tokens) {
      expect(token).toMatch(/^dbw_/);
      expect(log).not.toContain(token);
    }
  });

  it('opens one incident per service from one notification grouped by cluster', async () => {
    const startsAt = new Date(Date.now() - 2 * 60_000);
    startsAt.setUTCMilliseconds(0);
    const alerts = [
      ['CheckoutErrorRate', 'checkout-api'],
      ['SearchIndexLag', 'search-api'],
    ].map(([alertname, service]) => ({
      labels: { alertname, service, cluster: 'eu-west-1', severity: 'critical' },
      annotations: { summary: `${alertname} on ${service}` },
      startsAt: startsAt.toISOString(),
    }));
    const posted = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(posted.ok).toBe(true);
    const opened = await until('two incidents', async () => {
      const rows = await server.handle.db
        .select({ id: incidents.id, services: incidents.services })
        .from(incidents);
      const grouped = rows.filter((row) => row.services.some((s) => s !== 'payments-api'));
      return grouped.length >= 2 ? grouped : undefined;
    });
    expect(opened.map((row) => row.services).sort()).toEqual([['checkout-api'], ['search-api']]);
    const [signal] = await server.handle.db
      .select({ payload: incidentSignals.payload })
      .from(incidentSignals)
      .where(eq(incidentSignals.incidentId, opened[0]?.id ?? ''));
    // Both alerts came in one notification.
    expect((signal?.payload as { alerts?: unknown[] } | undefined)?.alerts).toHaveLength(2);
  });
});
