import { and, asc, eq, inArray } from 'drizzle-orm';
import type { WhyNode, WhyNodeMark } from '../../domain/why-node.ts';
import type { Database } from '../database.ts';
import { timelineEvents, whyNodeEvidence, whyNodes } from '../schema.ts';
import { deleteVersioned, updateVersioned } from '../versioned-update.ts';

type Row = typeof whyNodes.$inferSelect;
type NodeValues = Omit<typeof whyNodes.$inferInsert, 'version'>;

const label = 'Why-node';

/** A why-node row and its evidence (event ids in timeline order) as the domain's node. */
export function toWhyNode(row: Row, evidenceEventIds: string[]): WhyNode {
  return { ...row, mark: row.mark as WhyNodeMark, evidenceEventIds };
}

async function evidenceOf(db: Database, nodeIds: string[]): Promise<Map<string, string[]>> {
  const byNode = new Map<string, string[]>();
  if (nodeIds.length === 0) {
    return byNode;
  }
  const rows = await db
    .select({ nodeId: whyNodeEvidence.whyNodeId, eventId: whyNodeEvidence.timelineEventId })
    .from(whyNodeEvidence)
    .innerJoin(timelineEvents, eq(timelineEvents.id, whyNodeEvidence.timelineEventId))
    .where(inArray(whyNodeEvidence.whyNodeId, nodeIds))
    .orderBy(asc(timelineEvents.occurredAt), asc(timelineEvents.id));
  for (const row of rows) {
    byNode.set(row.nodeId, [...(byNode.get(row.nodeId) ?? []), row.eventId]);
  }
  return byNode;
}

async function withEvidence(db: Database, rows: Row[]): Promise<WhyNode[]> {
  const evidence = await evidenceOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toWhyNode(row, evidence.get(row.id) ?? []));
}

async function replaceEvidence(db: Database, nodeId: string, eventIds: string[]): Promise<void> {
  await db.delete(whyNodeEvidence).where(eq(whyNodeEvidence.whyNodeId, nodeId));
  const unique = [...new Set(eventIds)];
  if (unique.length > 0) {
    await db
      .insert(whyNodeEvidence)
      .values(unique.map((timelineEventId) => ({ whyNodeId: nodeId, timelineEventId })));
  }
}

/** The why-tree of a postmortem: nodes with their evidence links, under optimistic concurrency. */
export const whyNodesRepository = {
  /** Every node of the postmortem, flat, in creation order; each with its evidence ids. */
  async listForPostmortem(db: Database, postmortemId: string): Promise<WhyNode[]> {
    const rows = await db
      .select()
      .from(whyNodes)
      .where(eq(whyNodes.postmortemId, postmortemId))
      .orderBy(asc(whyNodes.createdAt), asc(whyNodes.id));
    return withEvidence(db, rows);
  },

  async findById(db: Database, id: string): Promise<WhyNode | undefined> {
    const rows = await db.select().from(whyNodes).where(eq(whyNodes.id, id));
    const [node] = await withEvidence(db, rows);
    return node;
  },

  async insert(db: Database, values: NodeValues, evidenceEventIds: string[]): Promise<WhyNode> {
    const [row] = await db.insert(whyNodes).values(values).returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    await replaceEvidence(db, row.id, evidenceEventIds);
    const [node] = await withEvidence(db, [row]);
    if (!node) {
      throw new Error('inserted node vanished');
    }
    return node;
  },

  /** Updates the node (always bumping its version) and, when given, replaces its evidence. */
  async update(
    db: Database,
    id: string,
    expectedVersion: number,
    values: Partial<NodeValues>,
    evidenceEventIds?: string[],
  ): Promise<WhyNode> {
    const row = await updateVersioned(db, whyNodes, id, expectedVersion, values, label);
    if (evidenceEventIds) {
      await replaceEvidence(db, id, evidenceEventIds);
    }
    const [node] = await withEvidence(db, [row]);
    if (!node) {
      throw new Error('updated node vanished');
    }
    return node;
  },

  /** Deletes the node; its descendants and evidence links go with it (ON DELETE CASCADE). */
  async remove(db: Database, id: string, expectedVersion: number): Promise<void> {
    await deleteVersioned(db, whyNodes, id, expectedVersion, label);
  },

  /** Which of `eventIds` are timeline events of the postmortem. */
  async ownTimelineEventIds(
    db: Database,
    postmortemId: string,
    eventIds: string[],
  ): Promise<Set<string>> {
    if (eventIds.length === 0) {
      return new Set();
    }
    const rows = await db
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .where(
        and(eq(timelineEvents.postmortemId, postmortemId), inArray(timelineEvents.id, eventIds)),
      );
    return new Set(rows.map((row) => row.id));
  },
};
