import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/storage/database.ts';
import {
  actionItems,
  contributingFactors,
  findingWaivers,
  incidentMembers,
  incidents,
  openQuestions,
  participants,
  restrictedSections,
  reviewRequests,
  services,
  timelineEvents,
  users,
  whyNodeEvidence,
  whyNodes,
} from '../../src/storage/schema.ts';
import { insertPostmortems, timelineEventRow } from './timeline-event-rows.ts';

// A postmortem with several rows of every part a snapshot reads (ideas, evidence, reviewer names,
// restricted sections, odd characters), and one with none, for the snapshot-parts storage tests.

/** An instant of the scene's incident day (16 November 2026, 14:00 UTC + `minute`). */
export const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 10, 16, 14, minute, 0, ms));

/** The ids of what `seedSnapshotParts` wrote, for the tests to read back by. */
export interface SnapshotPartsScene {
  postmortemId: string;
  /** A postmortem of the same instance without a single part. */
  emptyId: string;
  incidentIds: string[];
  /** Ada, Grace and a former reviewer, in that order. */
  userIds: [string, string, string];
  /** Timeline events 0 to 3: accepted at 14:30, proposed at 14:10, rejected at 14:05, accepted at 14:01. */
  eventIds: string[];
  factorId: string;
  /** The root-cause why-node, with evidence events 0 and 3; `childId` is its child, with event 1. */
  nodeId: string;
  childId: string;
}

/** Writes the scene into a fresh database and returns its ids. */
export async function seedSnapshotParts(db: Database): Promise<SnapshotPartsScene> {
  const postmortemId = randomUUID();
  const emptyId = randomUUID();
  const incidentIds = [randomUUID(), randomUUID()];
  const userIds: [string, string, string] = [randomUUID(), randomUUID(), randomUUID()];
  const [ada, grace, former] = userIds;
  const eventIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [factorId, nodeId, childId] = [randomUUID(), randomUUID(), randomUUID()];
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
  await insertPostmortems(db, [postmortemId, emptyId], 'analysis');
  const event = (i: number, status: string, minute: number) =>
    timelineEventRow(postmortemId, i, {
      id: eventIds[i] ?? '',
      occurredAt: at(minute),
      text: `Event ${i}: "quoted" \\ tab\t and 王伟 😀`,
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
  await db.insert(services).values([{ name: 'payments' }, { name: 'checkout-api', team: 'shop' }]);
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
  return { postmortemId, emptyId, incidentIds, userIds, eventIds, factorId, nodeId, childId };
}
