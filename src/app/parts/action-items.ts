import type { z } from 'zod';
import type {
  createActionItemBodySchema,
  updateActionItemBodySchema,
} from '../../contracts/postmortem-parts.ts';
import { type ActionItem, assertActionItemInvariants } from '../../domain/action-item.ts';
import { assertCanVerify } from '../../domain/action-item-verification.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { assertCausesBelong, defaultDueDateFor } from './action-item-rules.ts';
import { addPart, changePart, type PartKind, partRemover } from './part-write.ts';

const kind: PartKind = { type: 'action_item', label: 'Action item' };

/**
 * Records a fix to make (or an idea, not yet a fix): kind, priority, owner, team, due date
 * (the policy's default by severity and priority when none is given), success criterion and
 * the causes it addresses. An item is never created verified: verification follows `done`.
 */
export async function createActionItem(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createActionItemBodySchema>,
): Promise<ActionItem> {
  assertActionItemInvariants(input);
  if (input.status === 'verified') {
    assertCanVerify({ ...input, status: 'open' }, input.verificationEvidence, {
      verifierUserId: actor.id,
      verifierMustDifferFromOwner: deps.policy.actionItems.verifierMustDifferFromOwner,
    });
  }
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx, postmortem) => {
      await assertCausesBelong(tx.db, postmortemId, input);
      const now = tx.clock();
      const dueDate =
        input.dueDate !== undefined || input.isIdea
          ? (input.dueDate ?? null)
          : await defaultDueDateFor(tx, postmortem, input.priority);
      return actionItemsRepository.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        ...input,
        dueDate,
        createdAt: now,
        updatedAt: now,
      });
    },
    (item) => ({ kind: item.kind, status: item.status, priority: item.priority }),
  );
}

/**
 * Edits an action item, including its follow-through status. Moving it to `verified` is the
 * same check as {@link verifyActionItem}: it was done, evidence is given, and the verifier is
 * someone the policy allows; the verifier and the instant are recorded.
 */
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
      const next = { ...current, ...input };
      assertActionItemInvariants(next);
      const verifying = input.status === 'verified' && current.status !== 'verified';
      if (verifying) {
        assertCanVerify(current, next.verificationEvidence, {
          verifierUserId: actor.id,
          verifierMustDifferFromOwner: deps.policy.actionItems.verifierMustDifferFromOwner,
        });
      }
      const leavingVerified = input.status && input.status !== 'verified';
      await assertCausesBelong(tx.db, current.postmortemId, input);
      return actionItemsRepository.update(tx.db, id, expectedVersion, {
        ...input,
        ...(verifying ? { verifiedAt: tx.clock(), verifiedById: actor.id } : {}),
        ...(leavingVerified ? { verifiedAt: null, verifiedById: null } : {}),
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
