import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import {
  type PersonalAccount,
  personalAccountsRepository,
} from '../../storage/repositories/personal-accounts-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

type Tx = AppDeps & { db: Database };

/** True when the actor wrote this named account; nobody can prove authorship of an anonymous one. */
export function isPersonalAccountAuthor(account: PersonalAccount, actor: Actor): boolean {
  return !account.anonymous && account.authorUserId !== null && account.authorUserId === actor.id;
}

/** Loads an account the actor may see, for a write: NOT_FOUND if invisible, FORBIDDEN if not theirs. */
async function loadOwnAccount(
  tx: Tx,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<PersonalAccount> {
  const account = await personalAccountsRepository.findById(tx.db, id);
  if (!account) {
    throw new DomainError('NOT_FOUND', 'Personal account not found.');
  }
  await loadPostmortemFor(tx, actor, account.postmortemId, 'postmortem.update').catch(
    (error: unknown) => {
      throw isDomainError(error, 'NOT_FOUND')
        ? new DomainError('NOT_FOUND', 'Personal account not found.')
        : error;
    },
  );
  if (!isPersonalAccountAuthor(account, actor)) {
    throw new DomainError(
      'FORBIDDEN',
      account.anonymous
        ? 'An anonymous account cannot be changed: nobody can prove they wrote it.'
        : 'Only the author may change a personal account.',
      { details: { anonymous: account.anonymous } },
    );
  }
  if (account.version !== expectedVersion) {
    throw new DomainError('VERSION_MISMATCH', 'Personal account was changed by someone else.', {
      details: { currentVersion: account.version, expectedVersion },
    });
  }
  return account;
}

async function finish(tx: Tx, actor: Actor, account: PersonalAccount, verb: string) {
  await postmortemsRepository.touch(tx.db, account.postmortemId, tx.clock());
  await recordAudit(tx, {
    actorId: actor.id,
    action: `personal_account.${verb}`,
    subjectType: 'personal_account',
    subjectId: account.id,
    postmortemId: account.postmortemId,
    data: {},
  });
}

/** Replaces the text of one's own named account. */
export async function updatePersonalAccount(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: string,
): Promise<PersonalAccount> {
  return inTransaction(deps, async (tx) => {
    await loadOwnAccount(tx, actor, id, expectedVersion);
    const updated = await personalAccountsRepository.updateBody(tx.db, id, expectedVersion, body);
    await finish(tx, actor, updated, 'updated');
    return updated;
  });
}

/** Withdraws one's own named account. */
export async function removePersonalAccount(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const account = await loadOwnAccount(tx, actor, id, expectedVersion);
    await personalAccountsRepository.remove(tx.db, id, expectedVersion);
    await finish(tx, actor, account, 'removed');
  });
}
