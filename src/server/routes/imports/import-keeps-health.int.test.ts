import { afterAll, beforeAll, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/fuzz/support/multipart.ts';
import { registerTestConverter } from '../../../../test/fuzz/support/test-converter.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabaseAndDataDir } from '../../../../test/support/test-database.ts';
import { importProgress, settleImports } from '../../../app/imports/import-progress.ts';

const events = 4_000;
const start = Date.parse('2026-11-16T10:00:00Z');

/** Dense detections, 20 a second, each close to a manual event with a similar text. */
function denseImport(): string {
  const lines = ['#debrief-test'];
  for (let i = 0; i < events; i += 1) {
    const at = new Date(start + i * 50).toISOString();
    lines.push(`${at}|detection|HighErrorRate firing on checkout-api shard ${i % 97}`);
  }
  return `${lines.join('\n')}\n`;
}

describeEachDatabaseAndDataDir('a large import and the health check', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  let postmortemId: string;
  let unregister: () => void;

  beforeAll(async () => {
    unregister = registerTestConverter();
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
    for (const minute of [0, 1, 2, 3]) {
      const response = await member.post(`/api/v1/postmortems/${postmortemId}/timeline-events`, {
        occurredAt: new Date(start + minute * 60_000 + 30_000).toISOString(),
        text: 'HighErrorRate firing on checkout-api',
        kind: 'detection',
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    unregister();
    await server.close();
  });

  it('keeps answering /health while the import writes and links, then finishes it', async () => {
    const accepted = await member.request({
      method: 'POST',
      url: `/api/v1/postmortems/${postmortemId}/imports`,
      ...multipartBody({}, { name: 'dense.txt', content: denseImport() }),
    });
    expect(accepted.statusCode).toBe(202);
    let running = true;
    const finished = settleImports().then(() => {
      running = false;
    });
    // Where the import stood each time health answered. An import that never lets the event
    // loop go answers health only before it writes and after it has finished.
    const jobId: string = accepted.json().data.id;
    const answeredAt = new Set<number>();
    let answeredWhileLinking = 0;
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const health = await server.anonymous.get('/api/v1/health');
      expect(health.statusCode).toBe(200);
      const proposed = importProgress.get(jobId)?.eventsProposed;
      if (running && proposed !== undefined) {
        answeredAt.add(proposed);
        answeredWhileLinking += proposed === events ? 1 : 0;
      }
    }
    await finished;
    const job = (await member.get(`/api/v1/imports/${accepted.json().data.id}`)).json().data;
    expect(job).toMatchObject({ status: 'succeeded', eventsProposed: events });
    // Each detection after the first manual one (at 30 s) links to the group's first event; the
    // 600 before it are earlier than every manual event; the 4 manual ones link to the first.
    expect(job.summary.nearDuplicatesLinked).toBe(events - 600 + 4);
    const whileWriting = [...answeredAt].filter((n) => n > 0 && n < events);
    expect(whileWriting.length).toBeGreaterThanOrEqual(3);
    expect(answeredWhileLinking).toBeGreaterThanOrEqual(1);
  });
});
