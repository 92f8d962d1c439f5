import { DomainError } from '../../domain/errors.ts';
import type { PublicationAudience } from '../../domain/publication.ts';
import {
  type PublicationHead,
  type PublicationRow,
  publicationsRepository,
} from '../../storage/repositories/publications-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * The newest publications of an audience, for its feed. Internal ones are for every signed-in
 * account (the route requires one), public ones for anyone: both hold only what was published.
 */
export async function listPublications(
  deps: AppDeps,
  audience: PublicationAudience,
  limit = 50,
): Promise<PublicationHead[]> {
  return publicationsRepository.listPublished(deps.db, audience, limit);
}

/** One published page by its public address or internal id; NOT_FOUND otherwise. */
export async function getPublication(
  deps: AppDeps,
  audience: PublicationAudience,
  slugOrId: string,
): Promise<PublicationRow> {
  const row = await publicationsRepository.findPublished(deps.db, audience, slugOrId);
  if (!row) {
    throw new DomainError('NOT_FOUND', 'No such published postmortem.');
  }
  return row;
}
