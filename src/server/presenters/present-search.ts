import type { SavedViewDto, SearchHitDto } from '../../contracts/search.ts';
import type { SavedView } from '../../domain/saved-view.ts';
import type { SearchHit } from '../../domain/search.ts';

/** A search hit as JSON. */
export function presentSearchHit(hit: SearchHit): SearchHitDto {
  return { ...hit, createdAt: hit.createdAt.toISOString() };
}

/** A saved view as JSON, with what the viewer may do with it. */
export function presentSavedView(view: SavedView, viewerId: string) {
  const data: SavedViewDto = {
    ...view,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
  const own = view.ownerId === viewerId;
  return { data, abilities: { update: own, delete: own } };
}
