import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApiClient,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { incidents } from '../../../storage/schema.ts';

const start = Date.UTC(2026, 0, 1);

/**
 * d(i) = 60·1.001^i seconds grows monotonically, so among the durations d(0)…d(9999) rank r holds
 * d(r-1): the nearest-rank median is d(4999) and the p90 d(8999), known without any sorting — a
 * skew from one minute to six hours (max/median ≈ 150).
 */
const d = (i: number) => Math.floor(60 * 1.001 ** i);

/** Rows as the database stores them: 10,000 sev2 outages, 1,500 long drills, 1,500 near misses. */
function history() {
  let state = 7;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const row = (resolveSeconds: number, extra: { isDrill?: boolean; kind?: string } = {}) => {
    const startedAt = new Date(start + Math.floor(random() * 300) * 86_400_000);
    return {
      id: randomUUID(),
      title: 'Generated incident',
      kind: extra.kind ?? 'outage',
      severity: 'sev2',
      isDrill: extra.isDrill ?? false,
      status: 'resolved',
      services: ['checkout'],
      startedAt,
      resolvedAt: new Date(startedAt.getTime() + resolveSeconds * 1000),
      instantProvenance: {
        started_at: { source: 'alertmanager', precision: 'exact' },
        resolved_at: { source: 'pagerduty', precision: 'exact' },
      },
    };
  };
  const rows = [];
  for (let i = 0; i < 10_000; i += 1) {
    rows.push(row(d(i)));
  }
  for (let i = 0; i < 1_500; i += 1) {
    rows.push(row(40 * 86_400, { isDrill: true }));
    rows.push(row(1, { kind: 'near_miss', isDrill: i % 2 === 0 }));
  }
  return rows.sort(() => random() - 0.5);
}

describeEachDatabase('incident metrics over 10,000 skewed incidents', (kind) => {
  let server: TestServer;
  let member: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    member = await server.signUp(await server.setUpAdmin(), 'member');
    const rows = history();
    for (let offset = 0; offset < rows.length; offset += 1_000) {
      await server.handle.db.insert(incidents).values(rows.slice(offset, offset + 1_000));
    }
  }, 120_000);
  afterAll(() => server.close());

  it('reports the known median and p90 exactly, drills left out', async () => {
    const response = await member.get('/api/v1/metrics/incidents');
    expect(response.statusCode).toBe(200);
    const [all] = response.json().groups;
    expect(all.incidents).toEqual({ recovery: 10_000, near_miss: 750 });
    const resolve = all.measures.time_to_resolve;
    expect(resolve.count).toBe(10_000);
    expect([resolve.median, resolve.p75, resolve.p90, resolve.max]).toEqual([
      d(4999),
      d(7499),
      d(8999),
      d(9999),
    ]);
    expect(resolve.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(10_000);
    expect(resolve.quality).toEqual({ missing: 0, estimated: 0, edited: 0, exact: 10_000 });
  });
});
