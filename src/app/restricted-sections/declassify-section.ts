import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { loadSectionToManage } from './change-restricted-section.ts';

/**
 * Declassifies a restricted section: its text moves back into the postmortem's open sections
 * (readable by whoever reads the postmortem) and the restriction is gone, with an audit event
 * naming the section and who declassified it.
 */
export async function declassifySection(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  key: string,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const section = await loadSectionToManage(tx, actor, postmortemId, key);
    await restrictedSectionsRepository.delete(tx.db, postmortemId, key);
    const sections = { ...postmortem.sections };
    if (section.text.trim() !== '') {
      sections[key] = section.text;
    }
    await postmortemsRepository.updatePostmortem(
      tx.db,
      { ...postmortem, sections, updatedAt: tx.clock() },
      postmortem.version,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.section_declassified',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { section: key, restrictedAt: section.restrictedAt.toISOString() },
    });
  });
}
