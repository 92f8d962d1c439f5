import { DomainError } from '../../domain/errors.ts';
import type { SavedView } from '../../domain/saved-view.ts';
import type { SearchFilters } from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import { savedViewsRepository } from '../../storage/repositories/saved-views-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';

/** What a person sets on a saved view. */
export interface SavedViewInput {
  name: string;
  q: string;
  filters: SearchFilters;
  shared: boolean;
}

/** The most views one person keeps: beyond it, delete one first. */
export const savedViewsPerOwnerMax = 200;

/** The actor's own saved views, then those others shared. */
export async function listSavedViews(deps: AppDeps, actor: Actor): Promise<SavedView[]> {
  return savedViewsRepository.listVisible(deps.db, actor);
}

/** Saves a search under a name, private unless `shared`. */
export async function createSavedView(
  deps: AppDeps,
  actor: Actor,
  input: SavedViewInput,
): Promise<SavedView> {
  return inTransaction(deps, async (tx) => {
    if ((await savedViewsRepository.countOwned(tx.db, actor.id)) >= savedViewsPerOwnerMax) {
      throw new DomainError(
        'INVARIANT_VIOLATED',
        `You keep ${savedViewsPerOwnerMax} saved views already; delete one first.`,
        { details: { rule: 'SAVED_VIEWS_LIMIT' } },
      );
    }
    const now = tx.clock();
    const id = tx.newId();
    await savedViewsRepository.insert(tx.db, {
      id,
      ownerId: actor.id,
      ...input,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'saved_view.created',
      subjectType: 'saved_view',
      subjectId: id,
      data: { shared: input.shared },
    });
    return getOwnView(tx, actor, id);
  });
}

async function getOwnView(deps: AppDeps, actor: Actor, id: string): Promise<SavedView> {
  const view = await savedViewsRepository.findVisible(deps.db, actor, id);
  if (!view) {
    throw new DomainError('NOT_FOUND', 'Saved view not found.');
  }
  if (view.ownerId !== actor.id) {
    throw new DomainError('FORBIDDEN', 'Only the person who saved a view may change it.');
  }
  return view;
}

/** Changes a saved view; only its owner may. */
export async function changeSavedView(
  deps: AppDeps,
  actor: Actor,
  id: string,
  changes: Partial<SavedViewInput>,
  expectedVersion: number,
): Promise<SavedView> {
  return inTransaction(deps, async (tx) => {
    const current = await getOwnView(tx, actor, id);
    await savedViewsRepository.update(
      tx.db,
      {
        id,
        name: changes.name ?? current.name,
        q: changes.q ?? current.q,
        filters: changes.filters ?? current.filters,
        shared: changes.shared ?? current.shared,
        updatedAt: tx.clock(),
      },
      expectedVersion,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'saved_view.updated',
      subjectType: 'saved_view',
      subjectId: id,
      data: { fields: Object.keys(changes) },
    });
    return getOwnView(tx, actor, id);
  });
}

/** Deletes a saved view; only its owner may. */
export async function deleteSavedView(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await getOwnView(tx, actor, id);
    await savedViewsRepository.delete(tx.db, id, expectedVersion);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'saved_view.deleted',
      subjectType: 'saved_view',
      subjectId: id,
      data: {},
    });
  });
}
