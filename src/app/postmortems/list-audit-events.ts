import type { Actor } from '../../domain/user.ts';
import { auditRepository } from '../../storage/repositories/audit-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from './load-postmortem.ts';

/** The audit trail of a postmortem, newest first; the cursor is the last id seen. */
export async function listAuditEvents(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  page: { cursor?: string; limit: number },
) {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const beforeId = page.cursor && /^\d+$/.test(page.cursor) ? Number(page.cursor) : undefined;
    const rows = await auditRepository.listForPostmortem(tx.db, postmortemId, {
      beforeId,
      limit: page.limit,
    });
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
  });
}
