import type { ChangeRestrictedSectionBody } from '../../contracts/restricted-sections.ts';
import { DomainError } from '../../domain/errors.ts';
import { canManageSection, type RestrictedSection } from '../../domain/restricted-section.ts';
import type { Actor } from '../../domain/user.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { assertKeepsActorInside } from '../incidents/update-incident.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * Loads a restricted section for a change by `actor`, in the caller's transaction (the
 * postmortem already loaded for writing): NOT_FOUND when the section is not restricted,
 * SECTION_RESTRICTED when the actor is not among its members.
 */
export async function loadSectionToManage(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  key: string,
): Promise<RestrictedSection> {
  const section = await restrictedSectionsRepository.findForUpdate(deps.db, postmortemId, key);
  if (!section) {
    throw new DomainError('NOT_FOUND', 'No restricted section with this key.');
  }
  if (!canManageSection(actor, section)) {
    throw new DomainError('SECTION_RESTRICTED', 'Only the members of this section may change it.', {
      details: { key },
    });
  }
  return section;
}

/** Changes who may read a restricted section (with `If-Match`); the caller stays inside. */
export async function changeRestrictedSection(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  key: string,
  expectedVersion: number,
  input: ChangeRestrictedSectionBody,
): Promise<number> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    await loadSectionToManage(tx, actor, postmortemId, key);
    assertKeepsActorInside(actor, { restricted: true, memberIds: input.memberIds });
    const version = await restrictedSectionsRepository.update(
      tx.db,
      postmortemId,
      key,
      expectedVersion,
      { memberIds: input.memberIds },
    );
    await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.section_members_changed',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { section: key, memberCount: new Set(input.memberIds).size },
    });
    return version;
  });
}

/**
 * Writes the text of restricted sections inside the caller's transaction (from the
 * postmortem's PATCH, which splits its `sections` between open and restricted keys). Each
 * section needs a member writer; a section whose version moved on meanwhile is not a conflict
 * here, since the postmortem's own version already guards the PATCH. Returns the keys whose
 * text changed.
 */
export async function writeRestrictedSectionTexts(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  texts: Record<string, string>,
): Promise<string[]> {
  const changed: string[] = [];
  for (const [key, text] of Object.entries(texts)) {
    const section = await loadSectionToManage(deps, actor, postmortemId, key);
    if (section.text.trim() !== text.trim()) {
      changed.push(key);
    }
    await restrictedSectionsRepository.update(deps.db, postmortemId, key, section.version, {
      text: text.trim() === '' ? '' : text,
    });
  }
  return changed;
}
