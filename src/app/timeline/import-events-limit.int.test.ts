import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { incidentBody, startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { timelineEvents } from '../../storage/schema.ts';
import { inTransaction } from '../in-transaction.ts';
import { proposeTimelineEvents } from './propose-timeline-events.ts';

function* messages(n: number): Iterable<ImportedEvent> {
  for (let i = 0; i < n; i += 1) {
    const at = new Date(Date.parse('2026-11-16T10:00:00Z') + i * 1000).toISOString();
    yield {
      externalId: `msg-${i}`,
      occurredAt: new Date(at),
      originalTimestamp: at,
      originalZone: 'UTC',
      text: `Message ${i} in the incident channel`,
      kind: 'communication',
      actor: null,
      sourceRef: 'incident-channel',
      rawRef: null,
      details: {},
      ambiguities: [],
    };
  }
}

describeEachDatabase('the events an import may hold', (kind) => {
  let server: TestServer;
  let postmortemId: string;
  let actorId: string;
  const stored = async () =>
    (
      await server.handle.db
        .select({ n: count() })
        .from(timelineEvents)
        .where(eq(timelineEvents.postmortemId, postmortemId))
    )[0]?.n;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    actorId = admin.user.id;
    const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
  });
  afterAll(() => server?.close());

  const propose = (n: number, eventsMax: number) =>
    inTransaction(server.deps, (tx) =>
      proposeTimelineEvents(tx, {
        postmortemId,
        source: 'slack',
        events: messages(n),
        actorId,
        eventsMax,
      }),
    );

  it('refuses an import over the limit with PAYLOAD_TOO_LARGE and writes none of it', async () => {
    const refused = await propose(600, 599).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('PAYLOAD_TOO_LARGE');
    expect(isDomainError(refused) && refused.details).toEqual({ eventsMax: 599 });
    expect(await stored()).toBe(0);
  });

  it('takes an import right at the limit', async () => {
    expect((await propose(600, 600)).proposed).toBe(600);
    expect(await stored()).toBe(600);
  });
});
