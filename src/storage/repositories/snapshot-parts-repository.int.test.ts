import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../open-database.ts';
import {
  actionItems,
  contributingFactors,
  findingWaivers,
  incidentMembers,
  incidents,
  openQuestions,
  participants,
  postmortems,
  restrictedSections,
  reviewRequests,
  services,
  timelineEvents,
  users,
  whyNodeEvidence,
  whyNodes,
} from '../schema.ts';
import { incidentsRepository } from './incidents-repository.ts';
import { openQuestionsRepository } from './open-questions-repository.ts';
import {
  actionItemsRepository,
  factorsRepository,
  participantsRepository,
  timelineRepository,
  waiversRepository,
} from './parts-repositories.ts';
import { restrictedSectionsRepository } from './restricted-sections-repository.ts';
import { reviewRequestsRepository } from './review-requests-repository.ts';
import { servicesRepository } from './services-repository.ts';
import {
  readSnapshotParts,
  readTimelineTexts,
  type SnapshotParts,
} from './snapshot-parts-repository.ts';
import { whyNodesRepository } from './why-nodes-repository.ts';

const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 10, 16, 14, minute, 0, ms));

describeEachDatabase('the snapshot parts read in one statement', (kind) => {
  let handle: DatabaseHandle;
  const postmortemId = randomUUID();
  const emptyId = randomUUID();
  const incidentIds = [randomUUID(), randomUUID()];
  const [ada, grace, former] = [randomUUID(), randomUUID(), randomUUID()];
  const eventIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [factorId, nodeId, childId] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const { db } = handle;
    await db.insert(users).values(
      [ada, grace, former].map((id, i) => ({
        id,
        email: `${id}@example.com`,
        name: ['Ada Quinn', 'Grace “G” Wu', 'Zoë'][i] ?? '',
        role: 'member',
        passwordHash: 'x',
      })),
    );
    await db.insert(incidents).values([
      {
        id: incidentIds[0] ?? '',
        title: 'Checkout timeouts',
        kind: 'outage',
        severity: 'sev2',
        status: 'resolved',
        services: ['checkout-api', 'payments'],
        startedAt: at(0, 123),
        resolvedAt: at(90),
        instantProvenance: {
          started_at: { source: 'pagerduty', precision: 'exact' },
          resolved_at: { source: 'manual', precision: 'minute' },
        },
      },
      {
        id: incidentIds[1] ?? '',
        title: 'Quiet one',
        kind: 'degradation',
        severity: 'sev4',
        status: 'open',
      },
    ]);
    await db.insert(incidentMembers).values([
      { incidentId: incidentIds[0] ?? '', userId: ada },
      { incidentId: incidentIds[0] ?? '', userId: grace },
    ]);
    for (const id of [postmortemId, emptyId]) {
      await db
        .insert(postmortems)
        .values({ id, title: 'Checkout timeouts', scope: 'incident', phase: 'analysis' });
    }
    const event = (i: number, status: string, minute: number) => ({
      id: eventIds[i] ?? '',
      postmortemId,
      occurredAt: at(minute),
      text: `Event ${i}: "quoted" \\ tab\t and 王伟 😀`,
      kind: 'observation',
      source: 'manual',
      externalId: `manual:${i}`,
      status,
    });
    await db
      .insert(timelineEvents)
      .values([
        event(0, 'accepted', 30),
        event(1, 'proposed', 10),
        event(2, 'rejected', 5),
        event(3, 'accepted', 1),
      ]);
    await db.insert(contributingFactors).values([
      { id: factorId, postmortemId, description: 'Retry storm', category: 'technical' },
      {
        id: randomUUID(),
        postmortemId,
        description: 'Alert was noisy',
        category: 'process',
        isRootCause: true,
        acceptedRiskReason: 'Known',
        createdAt: at(-5),
      },
    ]);
    await db.insert(actionItems).values([
      {
        id: randomUUID(),
        postmortemId,
        title: 'Cap retries',
        kind: 'mitigate',
        status: 'open',
        dueDate: '2026-12-01',
        ownerUserId: ada,
        linkedFactorIds: [factorId],
        services: ['checkout-api'],
        verifiedAt: at(95, 456),
      },
      {
        id: randomUUID(),
        postmortemId,
        title: 'Maybe',
        kind: 'prevent',
        status: 'open',
        isIdea: true,
      },
    ]);
    await db.insert(participants).values([
      { id: randomUUID(), postmortemId, name: 'Ada Quinn', userId: ada, role: 'responder' },
      { id: randomUUID(), postmortemId, name: 'Sam', role: 'facilitator', approvedAt: at(99) },
    ]);
    await db.insert(whyNodes).values([
      { id: nodeId, postmortemId, question: 'Why slow?', answer: 'Retries', mark: 'root_cause' },
      { id: childId, postmortemId, parentId: nodeId, question: 'Why retries?', position: 1 },
    ]);
    await db.insert(whyNodeEvidence).values([
      { whyNodeId: nodeId, timelineEventId: eventIds[0] ?? '' },
      { whyNodeId: nodeId, timelineEventId: eventIds[3] ?? '' },
      { whyNodeId: childId, timelineEventId: eventIds[1] ?? '' },
    ]);
    await db.insert(openQuestions).values([
      { id: randomUUID(), postmortemId, text: 'Who paged?', resolution: null },
      {
        id: randomUUID(),
        postmortemId,
        text: 'Disagree',
        kind: 'disagreement',
        status: 'resolved',
        resolution: 'Agreed',
      },
    ]);
    await db
      .insert(findingWaivers)
      .values({ postmortemId, findingKey: 'k1', reason: 'Quoted speech', waivedById: ada });
    await db
      .insert(services)
      .values([{ name: 'payments' }, { name: 'checkout-api', team: 'shop' }]);
    await db.insert(reviewRequests).values([
      {
        id: randomUUID(),
        postmortemId,
        reviewerUserId: grace,
        status: 'approved',
        decidedById: grace,
        decidedAt: at(100),
      },
      {
        id: randomUUID(),
        postmortemId,
        team: 'security',
        role: 'security',
        status: 'changes_requested',
        decidedById: former,
        comment: 'Redact',
      },
      { id: randomUUID(), postmortemId, reviewerUserId: ada, status: 'pending' },
    ]);
    await db.insert(restrictedSections).values([
      { postmortemId, sectionKey: 'impact', body: 'Secret numbers', restrictedAt: at(3) },
      { postmortemId, sectionKey: 'summary', body: '   ', restrictedAt: at(4) },
    ]);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('equals what each part repository reads, row for row and in order', async () => {
    const { db } = handle;
    const { parts, timelineJson } = await readSnapshotParts(db, { id: postmortemId, incidentIds });
    expect(timelineJson).toBeNull();
    // Typed by the parts the code defines: a part added there is a compile error here until
    // it is compared with its repository too.
    const readApart: { [K in keyof SnapshotParts]: () => Promise<SnapshotParts[K]> } = {
      incidents: () => incidentsRepository.findIncidentsByIds(db, incidentIds),
      acceptedTimelineEventCount: () => timelineRepository.countAccepted(db, postmortemId),
      timelineTextsDigest: async () => (await readTimelineTexts(db, postmortemId)).digest,
      factors: () => factorsRepository.listForPostmortem(db, postmortemId),
      actionItems: () => actionItemsRepository.listForPostmortem(db, postmortemId),
      participants: () => participantsRepository.listForPostmortem(db, postmortemId),
      whyNodes: () => whyNodesRepository.listForPostmortem(db, postmortemId),
      openQuestions: () => openQuestionsRepository.listForPostmortem(db, postmortemId),
      waivers: () => waiversRepository.listForPostmortem(db, postmortemId),
      serviceNames: async () => (await servicesRepository.listServices(db)).map((s) => s.name),
      reviewRequests: () => reviewRequestsRepository.listForPostmortem(db, postmortemId),
      reviewerNames: () => reviewRequestsRepository.namesById(db, [ada, grace, former]),
      filledRestrictedKeys: () => restrictedSectionsRepository.listFilledKeys(db, postmortemId),
    };
    // Incidents come in no particular order, nor do their members.
    const comparable = (key: keyof SnapshotParts, value: unknown) =>
      key === 'incidents'
        ? [...(value as SnapshotParts['incidents'])]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((i) => ({ ...i, memberIds: [...i.memberIds].sort() }))
        : value;
    expect(Object.keys(parts).sort()).toEqual(Object.keys(readApart).sort());
    for (const key of Object.keys(readApart) as Array<keyof SnapshotParts>) {
      expect(comparable(key, parts[key]), key).toEqual(comparable(key, await readApart[key]()));
    }
    // The fixture exercises what it claims: several rows per part, ideas, evidence, names.
    const { texts } = await readTimelineTexts(db, postmortemId);
    expect(texts).toEqual(
      (await timelineRepository.listTextsForPostmortem(db, postmortemId))
        .filter((e) => e.status !== 'rejected')
        .map(({ id, text }) => ({ id, text })),
    );
    expect(texts).toHaveLength(3);
    expect(parts.actionItems.filter((i) => i.isIdea)).toHaveLength(1);
    expect(parts.whyNodes.find((n) => n.id === nodeId)?.evidenceEventIds).toEqual([
      eventIds[3],
      eventIds[0],
    ]);
    expect(parts.filledRestrictedKeys).toEqual(['impact']);
  });

  it('reads the timeline as presented in the same statement when asked', async () => {
    const { timelineJson } = await readSnapshotParts(
      handle.db,
      { id: postmortemId, incidentIds },
      { timelineJson: true },
    );
    expect(timelineJson).toBe(
      await timelineRepository.listJsonForPostmortem(handle.db, postmortemId),
    );
  });

  it('gives empty parts for a postmortem without any, and no incidents for none', async () => {
    const { parts, timelineJson } = await readSnapshotParts(
      handle.db,
      { id: emptyId, incidentIds: [] },
      { timelineJson: true },
    );
    expect(JSON.parse(timelineJson ?? 'null')).toEqual([]);
    // Every part the code defines, whatever they are by then, has no row and counts none —
    // but the service catalogue, which is the instance's, not the postmortem's.
    const { serviceNames, timelineTextsDigest, ...own } = parts;
    expect(serviceNames).toEqual(['checkout-api', 'payments']);
    expect(await readTimelineTexts(handle.db, emptyId)).toEqual({
      digest: timelineTextsDigest,
      texts: [],
    });
    const sizes = Object.entries(own).map(([key, value]) => [
      key,
      value instanceof Map ? value.size : Array.isArray(value) ? value.length : value,
    ]);
    expect(sizes).toEqual(Object.keys(own).map((key) => [key, 0]));
    expect(sizes.length).toBeGreaterThan(10);
  });
  // Last: it changes the timeline. The linter's findings are kept by this digest, so it must
  // change with every text the linter reads, and only then.
  it('changes the timeline texts digest with a text, a rejection or the order, not otherwise', async () => {
    const { db } = handle;
    const digest = async () =>
      (await readSnapshotParts(db, { id: postmortemId, incidentIds })).parts.timelineTextsDigest;
    const seen = [await digest()];
    const expectNew = async () => {
      const next = await digest();
      expect(seen).not.toContain(next);
      expect((await readTimelineTexts(db, postmortemId)).digest).toBe(next);
      seen.push(next);
    };
    const event = (i: number) => eq(timelineEvents.id, eventIds[i] ?? '');
    await db.update(timelineEvents).set({ pinned: true, actor: 'Ada' }).where(event(0));
    expect(await digest()).toBe(seen[0]);
    await db.update(timelineEvents).set({ text: 'Bob deployed the bad config.' }).where(event(0));
    await expectNew();
    await db.update(timelineEvents).set({ status: 'rejected' }).where(event(1));
    await expectNew();
    await db.update(timelineEvents).set({ status: 'proposed' }).where(event(2));
    await expectNew();
    // Two events trade places: the same texts in another order.
    await db
      .update(timelineEvents)
      .set({ occurredAt: at(50) })
      .where(event(3));
    await expectNew();
  });
});
