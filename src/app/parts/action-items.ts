import type { z } from 'zod';
import type {
  createActionItemBodySchema,
  updateActionItemBodySchema,
} from '../../contracts/postmortem-parts.ts';
import { type ActionItem, assertActionItemInvariants } from '../../domain/action-item.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import {
  actionItemsRepository,
  factorsRepository,
} from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { addPart, changePart, type PartKind, partRemover } from './part-write.ts';

const kind: PartKind = { type: 'action_item', label: 'Action item' };

async function assertFactorsBelong(db: Database, postmortemId: string, ids: string[] | undefined) {
  if (!ids?.length) {
    return;
  }
  const own = new Set(
    (await factorsRepository.listForPostmortem(db, postmortemId)).map((f) => f.id),
  );
  const foreign = ids.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new DomainError('INVARIANT_VIOLATED', 'Linked factors must belong to this postmortem.', {
      details: { rule: 'FOREIGN_FACTOR', factorIds: foreign },
    });
  }
}

/** Records a fix to make: kind, owner, due date, success criterion, linked causes. */
export async function createActionItem(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createActionItemBodySchema>,
): Promise<ActionItem> {
  assertActionItemInvariants(input);
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx) => {
      await assertFactorsBelong(tx.db, postmortemId, input.linkedFactorIds);
      const now = tx.clock();
      return actionItemsRepository.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        ...input,
        createdAt: now,
        updatedAt: now,
      });
    },
    (item) => ({ kind: item.kind, status: item.status }),
  );
}

/** Edits an action item, including its follow-through status. */
export async function updateActionItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateActionItemBodySchema>,
): Promise<ActionItem> {
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    actionItemsRepository.findById,
    async (tx, current) => {
      assertActionItemInvariants({ ...current, ...input });
      await assertFactorsBelong(tx.db, current.postmortemId, input.linkedFactorIds);
      return actionItemsRepository.update(tx.db, id, expectedVersion, {
        ...input,
        updatedAt: tx.clock(),
      });
    },
    (current) => ({
      fields: Object.keys(input),
      ...(input.status && input.status !== current.status
        ? { statusFrom: current.status, statusTo: input.status }
        : {}),
    }),
  );
}

/** Removes an action item. */
export const removeActionItem = partRemover(kind, actionItemsRepository, (item) => ({
  title: item.title,
}));
