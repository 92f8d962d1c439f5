import { type Cause, listCauses } from '../../domain/causes.ts';
import type { Actor } from '../../domain/user.ts';
import {
  actionItemsRepository,
  factorsRepository,
} from '../../storage/repositories/parts-repositories.ts';
import { whyNodesRepository } from '../../storage/repositories/why-nodes-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** The review's one list of causes (marked why-nodes and factors) with the items addressing each. */
export async function listPostmortemCauses(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<Cause[]> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return listCauses(
      await factorsRepository.listForPostmortem(tx.db, postmortemId),
      await whyNodesRepository.listForPostmortem(tx.db, postmortemId),
      await actionItemsRepository.listForPostmortem(tx.db, postmortemId),
    );
  });
}
