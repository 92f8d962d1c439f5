import type { RestrictedSectionDto } from '../../contracts/restricted-sections.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/**
 * The restricted sections of a postmortem the actor sees: each one's key for everyone, its
 * text and members only for those the section's rule lets read it (decided in SQL).
 */
export async function listRestrictedSections(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<RestrictedSectionDto[]> {
  return inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const heads = await restrictedSectionsRepository.listHeads(tx.db, postmortemId);
    const readable = new Map(
      (await restrictedSectionsRepository.listReadable(tx.db, actor, postmortemId)).map((s) => [
        s.key,
        s,
      ]),
    );
    return heads.map((head) => {
      const section = readable.get(head.key);
      return {
        key: head.key,
        readable: section !== undefined,
        restrictedAt: head.restrictedAt.toISOString(),
        version: head.version,
        ...(section ? { text: section.text, memberIds: section.memberIds } : {}),
      };
    });
  });
}

/**
 * The postmortem's sections as `reader` may read them, in the caller's transaction: the open
 * ones plus the restricted ones the reader is a member of (admins: all). What exports render.
 */
export async function sectionsReadableBy(
  deps: AppDeps,
  reader: Actor,
  postmortem: Pick<Postmortem, 'id' | 'sections'>,
): Promise<Record<string, string>> {
  const restricted = await restrictedSectionsRepository.listReadable(
    deps.db,
    reader,
    postmortem.id,
  );
  return {
    ...postmortem.sections,
    ...Object.fromEntries(
      restricted.filter((s) => s.text.trim() !== '').map((s) => [s.key, s.text]),
    ),
  };
}
