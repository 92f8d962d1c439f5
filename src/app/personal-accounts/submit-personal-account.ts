import type { z } from 'zod';
import type { createPersonalAccountBodySchema } from '../../contracts/personal-accounts.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type PersonalAccount,
  personalAccountsRepository,
} from '../../storage/repositories/personal-accounts-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * Submits a personal account. An anonymous one is stored with no author link at all: no
 * author columns, and an audit event with a null actor and no data naming anyone — the
 * server cannot tell who wrote it afterwards, which is why it can never be edited.
 */
export async function submitPersonalAccount(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createPersonalAccountBodySchema>,
): Promise<PersonalAccount> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const author = input.anonymous
      ? undefined
      : await usersRepository.findUserById(tx.db, actor.id);
    const account = await personalAccountsRepository.insert(tx.db, {
      id: tx.newId(),
      postmortemId,
      anonymous: input.anonymous,
      authorUserId: author?.id ?? null,
      authorName: author?.name ?? null,
      body: input.body,
      version: 1,
      submittedAt: tx.clock(),
    });
    await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
    await recordAudit(tx, {
      actorId: input.anonymous ? null : actor.id,
      action: 'personal_account.created',
      subjectType: 'personal_account',
      subjectId: account.id,
      postmortemId,
      data: { anonymous: input.anonymous },
    });
    return account;
  });
}

/** Lists the accounts of a postmortem the actor may see (viewers included). */
export async function listPersonalAccounts(deps: AppDeps, actor: Actor, postmortemId: string) {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return {
      postmortem,
      items: await personalAccountsRepository.listForPostmortem(tx.db, postmortemId),
    };
  });
}
