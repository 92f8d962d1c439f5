import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { legalHoldsRepository } from '../../storage/repositories/legal-holds-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * Deletes a postmortem and everything it owns (admins, with `If-Match`), e.g. one opened by
 * mistake. Refused with LEGAL_HOLD while it is on legal hold — and the database refuses it too
 * (the hold's foreign key), should any other path try.
 */
export async function deletePostmortem(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  expectedVersion: number,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    if (actor.role !== 'admin') {
      throw new DomainError('FORBIDDEN', 'Only an admin deletes a postmortem.');
    }
    const hold = await legalHoldsRepository.find(tx.db, postmortemId);
    if (hold) {
      throw new DomainError('LEGAL_HOLD', 'The postmortem is on legal hold.', {
        details: { placedAt: hold.placedAt.toISOString() },
      });
    }
    if (postmortem.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'Postmortem was changed by someone else.', {
        details: { currentVersion: postmortem.version, expectedVersion },
      });
    }
    await postmortemsRepository.deletePostmortem(tx.db, postmortemId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.deleted',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { number: postmortem.number },
    });
  });
}
