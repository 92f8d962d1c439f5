import type { ActionItem } from '../../domain/action-item.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { defaultDueDateFor } from './action-item-rules.ts';
import { changePart } from './part-write.ts';

/**
 * Turns an idea into an action item: from now on the phase guards ask it for an owner, a due
 * date (the policy's default when it has none) and a success criterion. Audited as
 * `action_item.promoted`.
 */
export async function promoteActionItemIdea(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<ActionItem> {
  return changePart(
    deps,
    actor,
    { type: 'action_item', label: 'Action item' },
    { id, expectedVersion, verb: 'promoted' },
    actionItemsRepository.findById,
    async (tx, item, postmortem) => {
      if (!item.isIdea) {
        throw new DomainError('INVARIANT_VIOLATED', 'This action item is not an idea.', {
          details: { field: 'isIdea', rule: 'NOT_AN_IDEA' },
        });
      }
      return actionItemsRepository.update(tx.db, id, expectedVersion, {
        isIdea: false,
        dueDate: item.dueDate ?? (await defaultDueDateFor(tx, postmortem, item.priority)),
        updatedAt: tx.clock(),
      });
    },
  );
}
