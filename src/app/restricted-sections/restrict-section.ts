import type { RestrictSectionBody } from '../../contracts/restricted-sections.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertKeepsActorInside } from '../incidents/update-incident.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * Restricts one report section to named members: its text moves out of the postmortem's open
 * sections into the restricted store, in one transaction with its audit event (which names the
 * section, never its text). ALREADY_EXISTS when it already is.
 */
export async function restrictSection(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: RestrictSectionBody,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    assertKeepsActorInside(actor, { restricted: true, memberIds: input.memberIds });
    if (await restrictedSectionsRepository.findForUpdate(tx.db, postmortemId, input.key)) {
      throw new DomainError('ALREADY_EXISTS', 'This section is already restricted.', {
        details: { key: input.key },
      });
    }
    const { [input.key]: text = '', ...open } = postmortem.sections;
    await restrictedSectionsRepository.insert(tx.db, {
      postmortemId,
      key: input.key,
      text,
      memberIds: input.memberIds,
      restrictedAt: tx.clock(),
      restrictedById: actor.id,
    });
    if (text !== '') {
      await postmortemsRepository.updatePostmortem(
        tx.db,
        { ...postmortem, sections: open, updatedAt: tx.clock() },
        postmortem.version,
      );
    } else {
      await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.section_restricted',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { section: input.key, memberCount: new Set(input.memberIds).size },
    });
  });
}
