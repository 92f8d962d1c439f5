import type { ActionItem } from '../../domain/action-item.ts';
import { assertCanVerify } from '../../domain/action-item-verification.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { changePart, type PartKind } from './part-write.ts';

const kind: PartKind = { type: 'action_item', label: 'Action item' };

/** Evidence that a done fix works: a link (merged change, tracker issue, runbook, alert, game day). */
export interface VerificationInput {
  evidence: string;
  note: string | null;
  /** The version the verifier saw; `undefined` verifies whatever is current. */
  expectedVersion?: number;
}

/**
 * Moves a `done` item to `verified` with its evidence, recording who verified it and when.
 * Refused unless the item is done, the evidence given and, when the policy asks, the verifier
 * is not the owner. Audited as `action_item.verified`.
 */
export async function verifyActionItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: VerificationInput,
): Promise<ActionItem> {
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion: input.expectedVersion ?? null, verb: 'verified' },
    actionItemsRepository.findById,
    (tx, item) => {
      assertCanVerify(item, input.evidence, {
        verifierUserId: actor.id,
        verifierMustDifferFromOwner: deps.policy.actionItems.verifierMustDifferFromOwner,
      });
      const now = tx.clock();
      return actionItemsRepository.update(tx.db, id, item.version, {
        status: 'verified',
        verificationEvidence: input.evidence,
        verificationNote: input.note,
        verifiedAt: now,
        verifiedById: actor.id,
        updatedAt: now,
      });
    },
    () => ({ evidence: input.evidence }),
  );
}
