import type { z } from 'zod';
import type { createWhyNodeBodySchema, updateWhyNodeBodySchema } from '../../contracts/why-tree.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import type { WhyNode } from '../../domain/why-node.ts';
import { assertParentAllowed, descendantIds } from '../../domain/why-tree.ts';
import type { Database } from '../../storage/database.ts';
import { whyNodesRepository } from '../../storage/repositories/why-nodes-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { assertKnownCategory } from '../assert-known-category.ts';
import { addPart, changePart, type PartKind } from '../parts/part-write.ts';

const kind: PartKind = { type: 'why_node', label: 'Why-node' };

async function assertEvidenceBelongs(
  db: Database,
  postmortemId: string,
  eventIds: string[] | undefined,
): Promise<void> {
  if (!eventIds?.length) {
    return;
  }
  const own = await whyNodesRepository.ownTimelineEventIds(db, postmortemId, eventIds);
  const foreign = eventIds.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new DomainError(
      'INVARIANT_VIOLATED',
      'Evidence must be timeline events of this postmortem.',
      { details: { rule: 'FOREIGN_EVIDENCE', timelineEventIds: foreign } },
    );
  }
}

/** The next free position among the children of `parentId`. */
const nextPosition = (nodes: WhyNode[], parentId: string | null) =>
  nodes
    .filter((node) => node.parentId === parentId)
    .reduce((max, node) => Math.max(max, node.position + 1), 0);

/** Adds a why to the postmortem's tree, as a root or below an existing why. */
export async function addWhyNode(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createWhyNodeBodySchema>,
): Promise<WhyNode> {
  assertKnownCategory(deps.policy, input.category);
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx) => {
      const nodes = await whyNodesRepository.listForPostmortem(tx.db, postmortemId);
      assertParentAllowed(nodes, input.parentId);
      await assertEvidenceBelongs(tx.db, postmortemId, input.evidenceEventIds);
      const { evidenceEventIds, ...fields } = input;
      const now = tx.clock();
      return whyNodesRepository.insert(
        tx.db,
        {
          id: tx.newId(),
          postmortemId,
          ...fields,
          position: nextPosition(nodes, input.parentId),
          createdAt: now,
          updatedAt: now,
        },
        evidenceEventIds,
      );
    },
    (node) => ({ parentId: node.parentId, mark: node.mark }),
  );
}

/**
 * Edits a why: its texts, category and mark; moves it (`parentId`, never below itself); replaces
 * its evidence (`evidenceEventIds`). One version check covers all of it.
 */
export async function updateWhyNode(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateWhyNodeBodySchema>,
): Promise<WhyNode> {
  assertKnownCategory(deps.policy, input.category);
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    whyNodesRepository.findById,
    async (tx, current) => {
      const { evidenceEventIds, parentId, ...fields } = input;
      const moves = parentId !== undefined && parentId !== current.parentId;
      let position = current.position;
      if (moves) {
        const nodes = await whyNodesRepository.listForPostmortem(tx.db, current.postmortemId);
        assertParentAllowed(nodes, parentId, current.id);
        position = nextPosition(nodes, parentId);
      }
      await assertEvidenceBelongs(tx.db, current.postmortemId, evidenceEventIds);
      return whyNodesRepository.update(
        tx.db,
        id,
        expectedVersion,
        {
          ...fields,
          ...(moves ? { parentId, position } : {}),
          updatedAt: tx.clock(),
        },
        evidenceEventIds,
      );
    },
    (current) => ({
      fields: Object.keys(input),
      ...(input.mark && input.mark !== current.mark
        ? { markFrom: current.mark, markTo: input.mark }
        : {}),
      ...(input.parentId !== undefined && input.parentId !== current.parentId
        ? { parentFrom: current.parentId, parentTo: input.parentId }
        : {}),
    }),
  );
}

/** Removes a why and, with it, every why below it (recorded in the audit event). */
export async function removeWhyNode(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<void> {
  let removedBelow: string[] = [];
  await changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'removed' },
    whyNodesRepository.findById,
    async (tx, current) => {
      const nodes = await whyNodesRepository.listForPostmortem(tx.db, current.postmortemId);
      removedBelow = [...descendantIds(nodes, current.id)];
      await whyNodesRepository.remove(tx.db, id, expectedVersion);
    },
    (current) => ({ question: current.question.slice(0, 200), removedBelow }),
  );
}
