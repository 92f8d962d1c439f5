import { statusAfterTrackerSignal, type TrackerSignal } from '../../domain/tracker-status.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';

/** The tracker acts for nobody in particular; it reads every postmortem to find its items. */
const trackerActor: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'admin' };

/**
 * Moves the items following a tracker issue as its status changed (`closed` → `done`,
 * re-opened → `in_progress`), in one transaction with an audit event per item (no actor: the
 * tracker did it). Items of closed postmortems are left alone; verification stays human.
 */
export async function applyTrackerSignal(
  deps: AppDeps,
  trackerKey: string,
  signal: TrackerSignal,
): Promise<string[]> {
  return inTransaction(deps, async (tx) => {
    const items = await actionItemsRepository.listByTrackerKey(tx.db, trackerKey);
    const updated: string[] = [];
    for (const item of items) {
      const next = statusAfterTrackerSignal(item.status, signal);
      const postmortem = await postmortemsRepository.findVisiblePostmortem(
        tx.db,
        trackerActor,
        item.postmortemId,
      );
      if (!next || !postmortem || postmortem.phase === 'closed') {
        continue;
      }
      await actionItemsRepository.update(tx.db, item.id, item.version, {
        status: next,
        updatedAt: tx.clock(),
      });
      await postmortemsRepository.touch(tx.db, item.postmortemId, tx.clock());
      await recordAudit(tx, {
        actorId: null,
        action: 'action_item.tracker_status_changed',
        subjectType: 'action_item',
        subjectId: item.id,
        postmortemId: item.postmortemId,
        data: { trackerKey, signal, statusFrom: item.status, statusTo: next },
      });
      updated.push(item.id);
    }
    return updated;
  });
}
