import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type SnapshotPartsScene,
  seedSnapshotParts,
} from '../../../test/support/snapshot-parts-scene.ts';
import {
  describeEachDatabaseAndDataDir,
  openTestDatabase,
} from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../open-database.ts';
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

/** The presented timeline as text, whether it came as text or as UTF-8 bytes. */
const asText = (json: string | Uint8Array | null) =>
  json instanceof Uint8Array ? Buffer.from(json).toString('utf8') : json;

describeEachDatabaseAndDataDir('the snapshot parts read in one statement', (kind) => {
  let handle: DatabaseHandle;
  let scene: SnapshotPartsScene;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    scene = await seedSnapshotParts(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('equals what each part repository reads, row for row and in order', async () => {
    const { db } = handle;
    const { postmortemId, incidentIds, userIds, nodeId, eventIds } = scene;
    const { parts, timelineJson } = await readSnapshotParts(db, { id: postmortemId, incidentIds });
    expect(timelineJson).toBeNull();
    // Typed by the parts the code defines: a part added there is a compile error here until
    // it is compared with its repository too.
    const readApart: { [K in keyof SnapshotParts]: () => Promise<SnapshotParts[K]> } = {
      incidents: () => incidentsRepository.findIncidentsByIds(db, incidentIds),
      acceptedTimelineEventCount: () => timelineRepository.countAccepted(db, postmortemId),
      timelineStamp: async () => (await readTimelineTexts(db, postmortemId)).stamp,
      factors: () => factorsRepository.listForPostmortem(db, postmortemId),
      actionItems: () => actionItemsRepository.listForPostmortem(db, postmortemId),
      participants: () => participantsRepository.listForPostmortem(db, postmortemId),
      whyNodes: () => whyNodesRepository.listForPostmortem(db, postmortemId),
      openQuestions: () => openQuestionsRepository.listForPostmortem(db, postmortemId),
      waivers: () => waiversRepository.listForPostmortem(db, postmortemId),
      serviceNames: async () => (await servicesRepository.listServices(db)).map((s) => s.name),
      reviewRequests: () => reviewRequestsRepository.listForPostmortem(db, postmortemId),
      reviewerNames: () => reviewRequestsRepository.namesById(db, userIds),
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
    const { postmortemId, incidentIds } = scene;
    const { timelineJson } = await readSnapshotParts(
      handle.db,
      { id: postmortemId, incidentIds },
      { timelineJson: true },
    );
    expect(asText(timelineJson)).toBe(
      await timelineRepository.listJsonForPostmortem(handle.db, postmortemId),
    );
  });

  it('gives empty parts for a postmortem without any, and no incidents for none', async () => {
    const { emptyId } = scene;
    const { parts, timelineJson } = await readSnapshotParts(
      handle.db,
      { id: emptyId, incidentIds: [] },
      { timelineJson: true },
    );
    expect(JSON.parse(asText(timelineJson) ?? 'null')).toEqual([]);
    // Every part the code defines, whatever they are by then, has no row and counts none —
    // but the service catalogue, which is the instance's, not the postmortem's.
    const { serviceNames, timelineStamp, ...own } = parts;
    expect(serviceNames).toEqual(['checkout-api', 'payments']);
    // No statement has written its timeline: no stamp, and its readers read the (no) texts.
    expect(timelineStamp).toBeNull();
    expect(await readTimelineTexts(handle.db, emptyId)).toEqual({ stamp: null, texts: [] });
    const sizes = Object.entries(own).map(([key, value]) => [
      key,
      value instanceof Map ? value.size : Array.isArray(value) ? value.length : value,
    ]);
    expect(sizes).toEqual(Object.keys(own).map((key) => [key, 0]));
    expect(sizes.length).toBeGreaterThan(10);
  });
});
