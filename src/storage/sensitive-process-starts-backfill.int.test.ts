import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lightPolicy } from '../../test/http/postmortem-in-follow-up.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../test/http/test-server.ts';
import { describeEachDatabase, queryRows } from '../../test/support/test-database.ts';

/**
 * Migration 0022 records, for postmortems opened under the modified process before it existed,
 * the incident kinds the process started for. Its last statement is run again here over a
 * postmortem whose record is gone and whose incident was reclassified since: the kind must come
 * back from the legal hold the process placed, or the reclassification would lift the process.
 */
const backfill =
  readFileSync(new URL('./migrations/0022_sensitive_process_starts.sql', import.meta.url), 'utf8')
    .split('--> statement-breakpoint')
    .at(-1) ?? '';

describeEachDatabase('the sensitive-process backfill of migration 0022', (kind) => {
  let server: TestServer;
  let author: ApiClient;
  let postmortemId: string;
  let outagePostmortemId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, lightPolicy);
    const admin = await server.setUpAdmin();
    author = await server.signUp(admin, 'member');
    const incident = (
      await author.post('/api/v1/incidents', incidentBody({ kind: 'security' }))
    ).json().data;
    postmortemId = (await author.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
    const outage = (await author.post('/api/v1/incidents', incidentBody())).json().data;
    outagePostmortemId = (
      await author.post('/api/v1/postmortems', { incidentIds: [outage.id] })
    ).json().data.id;
    const reclassified = await author.patch(
      `/api/v1/incidents/${incident.id}`,
      { kind: 'outage' },
      incident.version,
    );
    expect(reclassified.statusCode).toBe(200);
    await server.handle.db.execute(sql`delete from sensitive_process_starts`);
  });
  afterAll(() => server.close());

  it('restores the kinds from the hold, and records nothing for an ordinary postmortem', async () => {
    expect(backfill).toContain('INSERT INTO "sensitive_process_starts"');
    await server.handle.db.execute(sql.raw(backfill));
    const rows = await queryRows<{ postmortem_id: string; kinds: string[] }>(
      server.handle,
      sql`select postmortem_id, kinds from sensitive_process_starts`,
    );
    expect(rows.map((r) => [r.postmortem_id, [...r.kinds].sort()])).toEqual([
      [postmortemId, ['outage', 'security']],
    ]);
    expect(rows.map((r) => r.postmortem_id)).not.toContain(outagePostmortemId);

    const refused = await author.post(`/api/v1/postmortems/${postmortemId}/internal-publication`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.unmet.map((u: { role?: string }) => u.role)).toEqual(
      expect.arrayContaining(['security', 'legal']),
    );
  });
});
