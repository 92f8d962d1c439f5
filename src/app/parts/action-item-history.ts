import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { auditRepository } from '../../storage/repositories/audit-repository.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** An action item's history, oldest first: every audited change with who made it. */
export async function getActionItemHistory(deps: AppDeps, actor: Actor, id: string) {
  return inTransaction(deps, async (tx) => {
    const item = await actionItemsRepository.findById(tx.db, id);
    const notFound = new DomainError('NOT_FOUND', 'Action item not found.');
    if (!item) {
      throw notFound;
    }
    await loadPostmortemFor(tx, actor, item.postmortemId, 'postmortem.read').catch(
      (error: unknown) => {
        throw isDomainError(error, 'NOT_FOUND') ? notFound : error;
      },
    );
    return auditRepository.listForSubject(tx.db, {
      postmortemId: item.postmortemId,
      type: 'action_item',
      id,
    });
  });
}
