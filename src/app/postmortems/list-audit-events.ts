import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { auditRepository } from '../../storage/repositories/audit-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from './load-postmortem.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit trail of a postmortem, newest first; the cursor is the last (public) id seen. */
export async function listAuditEvents(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  page: { cursor?: string; limit: number },
) {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    if (page.cursor !== undefined && !uuidPattern.test(page.cursor)) {
      throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid.', {
        details: {
          errors: [
            { path: 'cursor', code: 'invalid_cursor', message: 'Not a cursor this server issued.' },
          ],
        },
      });
    }
    const rows = await auditRepository.listForPostmortem(tx.db, postmortemId, {
      before: page.cursor,
      limit: page.limit,
    });
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? last.id : null };
  });
}
