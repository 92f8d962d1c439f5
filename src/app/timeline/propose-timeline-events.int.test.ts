import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { incidentBody, startTestServer, type TestServer } from '../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { auditEvents, postmortems, timelineEvents } from '../../storage/schema.ts';
import { inTransaction } from '../in-transaction.ts';
import { proposeTimelineEvents } from './propose-timeline-events.ts';

/** An event as a converter hands it over, in this project's words. */
function event(id: string, at: string, text: string, extra: Partial<ImportedEvent> = {}) {
  return {
    externalId: id,
    occurredAt: new Date(at),
    originalTimestamp: at,
    originalZone: 'UTC',
    text,
    kind: 'detection',
    actor: null,
    sourceRef: 'notes',
    rawRef: null,
    details: {},
    ambiguities: [],
    ...extra,
  } satisfies ImportedEvent;
}

describeEachDatabase('proposeTimelineEvents', (kind) => {
  let server: TestServer;
  let postmortemId: string;
  let actorId: string;
  const revision = async () =>
    (
      await server.handle.db
        .select({ revision: postmortems.revision })
        .from(postmortems)
        .where(eq(postmortems.id, postmortemId))
    )[0]?.revision;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    actorId = admin.user.id;
    const incident = (await admin.post('/api/v1/incidents', incidentBody())).json().data;
    postmortemId = (await admin.post('/api/v1/postmortems', { incidentIds: [incident.id] })).json()
      .data.id;
  });
  afterAll(() => server?.close());

  it('cleans, proposes, keeps the window, touches the postmortem and audits once', async () => {
    const before = await revision();
    const events = [
      event('chat-1', '2026-11-16T10:03:00Z', 'Checkout\u0000 pages are failing \uD800', {
        details: { 'note\u0000': 'kept\u0000' },
      }),
      event('chat-2', '2026-11-15T01:00:00Z', 'A day before the incident window'),
    ];
    const counts = await inTransaction(server.deps, (tx) =>
      proposeTimelineEvents(tx, {
        postmortemId,
        source: 'slack',
        events,
        actorId,
        window: { since: new Date('2026-11-16T00:00:00Z') },
      }),
    );
    expect(counts).toMatchObject({ proposed: 1, duplicatesSkipped: 0, outsideWindow: 1 });
    const [row] = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.externalId, 'chat-1'));
    expect(row).toMatchObject({
      id: counts.firstProposedId,
      status: 'proposed',
      text: 'Checkout pages are failing \uFFFD',
      details: { note: 'kept' },
    });
    expect(await revision()).toBeGreaterThan(Number(before));

    const again = await inTransaction(server.deps, (tx) =>
      proposeTimelineEvents(tx, { postmortemId, source: 'slack', events, actorId }),
    );
    expect(again).toMatchObject({ proposed: 1, duplicatesSkipped: 1 });
    const audits = await server.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.postmortemId, postmortemId),
          eq(auditEvents.action, 'timeline.imported'),
        ),
      );
    expect(audits.map((audit) => audit.data)).toEqual([
      { source: 'slack', eventsProposed: 1, duplicatesSkipped: 0 },
      { source: 'slack', eventsProposed: 1, duplicatesSkipped: 1 },
    ]);
  });

  it('links a near-duplicate from another source instead of doubling it', async () => {
    const counts = await inTransaction(server.deps, (tx) =>
      proposeTimelineEvents(tx, {
        postmortemId,
        source: 'pagerduty',
        events: [event('page-1', '2026-11-16T10:03:40Z', 'Checkout pages are failing')],
        actorId: null,
      }),
    );
    expect(counts).toMatchObject({ proposed: 1, nearDuplicatesLinked: 1 });
    const [page] = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.externalId, 'page-1'));
    const [chat] = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.externalId, 'chat-1'));
    expect(page?.duplicateOfId).toBe(chat?.id);
    // Linked after it was written: a reader comparing versions must see the link.
    expect(page?.version).toBe(2);
  });

  it('refuses an implausible time naming where, and the transaction writes nothing', async () => {
    const error = await inTransaction(server.deps, (tx) =>
      proposeTimelineEvents(tx, {
        postmortemId,
        source: 'log',
        events: [
          event('log-1', '2026-11-16T10:04:00Z', 'fine'),
          event('log-2', '2026-11-16T10:05:00Z', 'zero time', {
            occurredAt: new Date(Date.UTC(1, 0, 1)),
            rawRef: 'app.log:7',
          }),
        ],
        actorId,
      }),
    ).catch((caught: unknown) => caught);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(JSON.stringify(isDomainError(error) && error.details)).toContain('app.log:7');
    const logs = await server.handle.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.source, 'log'));
    expect(logs).toEqual([]);
  });
});
