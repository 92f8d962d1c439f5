import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type LegalHold,
  legalHoldsRepository,
} from '../../storage/repositories/legal-holds-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** A postmortem's legal hold as its readers see it. */
export interface LegalHoldState {
  hold: LegalHold | null;
  /** Earlier row versions the database keeps under the hold. */
  keptRevisions: number;
}

/** The legal hold of a postmortem the actor may read. */
export async function getLegalHold(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<LegalHoldState> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return {
      hold: (await legalHoldsRepository.find(tx.db, postmortemId)) ?? null,
      keptRevisions: await legalHoldsRepository.countRevisions(tx.db, postmortemId),
    };
  });
}

/** Places a legal hold in the caller's transaction (the modified process does at opening). */
export async function placeHold(
  deps: AppDeps,
  actor: Actor,
  postmortem: Pick<Postmortem, 'id'>,
  reason: string,
): Promise<void> {
  await legalHoldsRepository.place(deps.db, {
    postmortemId: postmortem.id,
    reason,
    placedAt: deps.clock(),
    placedById: actor.id,
  });
  await recordAudit(deps, {
    actorId: actor.id,
    action: 'postmortem.legal_hold_placed',
    subjectType: 'postmortem',
    subjectId: postmortem.id,
    postmortemId: postmortem.id,
    data: { reason },
  });
}

const assertAdmin = (actor: Actor) => {
  if (actor.role !== 'admin') {
    throw new DomainError('FORBIDDEN', 'Only an admin places or lifts a legal hold.');
  }
};

/** Places a legal hold by hand (admins). Holding one already is not an error. */
export async function placeLegalHold(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  reason: string,
): Promise<LegalHoldState> {
  assertAdmin(actor);
  await inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    if (!(await legalHoldsRepository.find(tx.db, postmortemId))) {
      await placeHold(tx, actor, postmortem, reason);
    }
  });
  return getLegalHold(deps, actor, postmortemId);
}

/** Lifts a legal hold (admins); the revisions kept under it stay kept. */
export async function liftLegalHold(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  reason: string,
): Promise<void> {
  assertAdmin(actor);
  await inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    if (!(await legalHoldsRepository.find(tx.db, postmortemId))) {
      throw new DomainError('NOT_FOUND', 'The postmortem is not on legal hold.');
    }
    await legalHoldsRepository.lift(tx.db, postmortemId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.legal_hold_lifted',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { reason },
    });
  });
}
