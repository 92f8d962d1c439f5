import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { timelineQueriesRepository } from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * The review checkpoint in bulk: accepts or rejects many events of one postmortem at once,
 * audited once with the count. Ids of other postmortems are refused (422), nothing written.
 */
export async function reviewTimelineEvents(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: { eventIds: string[]; action: 'accept' | 'reject' },
): Promise<{ updated: number }> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const ids = [...new Set(input.eventIds)];
    const foreign = await timelineQueriesRepository.findForeignIds(tx.db, postmortemId, ids);
    if (foreign.length > 0) {
      throw new DomainError('INVARIANT_VIOLATED', 'Some events are not in this timeline.', {
        details: { rule: 'UNKNOWN_REFERENCE', eventIds: foreign },
      });
    }
    const status = input.action === 'accept' ? 'accepted' : 'rejected';
    const updated = await timelineQueriesRepository.review(tx.db, postmortemId, ids, status);
    if (updated > 0) {
      await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'timeline.reviewed',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { action: input.action, updated, requested: ids.length },
    });
    return { updated };
  });
}
