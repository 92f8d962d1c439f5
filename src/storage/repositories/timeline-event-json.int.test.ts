import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listStaleTimelineJson } from '../../../test/support/stale-timeline-json.ts';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import { insertPostmortems, timelineEventRow } from '../../../test/support/timeline-event-rows.ts';
import type { DatabaseHandle } from '../open-database.ts';
import { timelineEvents } from '../schema.ts';
import { documentTimelineRepository } from './document-timeline-repository.ts';
import { nearDuplicatesRepository } from './near-duplicates-repository.ts';
import { timelineRepository } from './parts-repositories.ts';
import { timelineQueriesRepository } from './timeline-queries-repository.ts';

describeEachDatabase("each timeline event's stored JSON", (kind) => {
  let handle: DatabaseHandle;
  const postmortemId = randomUUID();

  const event = (i: number, extra: Partial<typeof timelineEvents.$inferInsert> = {}) =>
    timelineEventRow(postmortemId, i, { status: 'proposed', ...extra });

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await insertPostmortems(handle.db, [postmortemId], 'draft');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('stays the presented event through every kind of write', async () => {
    const db = handle.db;
    const expectTrue = async () => expect(await listStaleTimelineJson(db)).toEqual([]);

    const manual = await timelineRepository.insert(db, event(1, { status: 'accepted' }));
    await expectTrue();
    await timelineRepository.update(db, manual.id, manual.version, {
      text: 'Edited: “Zoë” 王伟 😀 \u0001 "quoted" \\ back\nslash',
      pinned: true,
      occurredAt: new Date('1999-12-31T23:59:59.999Z'),
    });
    await expectTrue();

    const slack = event(2, {
      source: 'slack',
      externalId: 'slack:2',
      details: { thread: 'C01/1', n: [1, 2] },
    });
    const pagerduty = event(3, {
      source: 'pagerduty',
      externalId: 'pagerduty:3',
      ambiguities: [{ code: 'DATE_MISSING', message: 'No date' }],
      importId: randomUUID(),
    });
    await timelineQueriesRepository.insertImported(db, [slack, pagerduty]);
    // A re-import skips what is there; nothing it proposed may leave a row half-written.
    await timelineQueriesRepository.insertImported(db, [
      { ...event(2, { source: 'slack', externalId: 'slack:2' }), text: 'changed on re-import' },
    ]);
    await expectTrue();

    await timelineQueriesRepository.review(db, postmortemId, [slack.id, pagerduty.id], 'accepted');
    await documentTimelineRepository.pinByExternalIds(db, postmortemId, 'slack', ['slack:2']);
    await nearDuplicatesRepository.setDuplicateLinks(db, [
      { id: pagerduty.id, duplicateOfId: slack.id },
    ]);
    await expectTrue();
    const [linked] = await db
      .select({ duplicateOfId: timelineEvents.duplicateOfId })
      .from(timelineEvents)
      .where(eq(timelineEvents.id, pagerduty.id));
    expect(linked?.duplicateOfId).toBe(slack.id);

    // Removing the original clears the link by the foreign key's own update.
    const [original] = await db
      .select({ version: timelineEvents.version })
      .from(timelineEvents)
      .where(eq(timelineEvents.id, slack.id));
    await timelineRepository.remove(db, slack.id, original?.version ?? 0);
    await expectTrue();

    // Any statement at all, redaction by hand included, and the backfill's own `set null`.
    await db.execute(sql`update timeline_events set text = 'redacted', actor = 'Søren'`);
    await db.execute(sql`update timeline_events set presented_json = null`);
    await db.execute(
      sql`update timeline_events set created_at = created_at + interval '999 microseconds'`,
    );
    await expectTrue();

    const json = JSON.parse(await timelineRepository.listJsonForPostmortem(db, postmortemId));
    const rows = await timelineRepository.listForPostmortem(db, postmortemId);
    expect(json).toEqual(JSON.parse(JSON.stringify(rows)));
    expect(json).toHaveLength(2);
  });

  it('never leaves the database through a select of the table', async () => {
    const [row] = await handle.db.select().from(timelineEvents).limit(1);
    expect(row).toBeDefined();
    expect(Object.keys(row ?? {}).some((key) => key.toLowerCase().includes('presented'))).toBe(
      false,
    );
  });
});
