import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import {
  type PublicationAudience,
  type PublicationRefusal,
  publicationRefusals,
} from '../../domain/publication.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { findMissingReviewRoles } from '../reviews/find-missing-review-roles.ts';
import { findSensitiveProcess } from './find-sensitive-process.ts';

/**
 * Every reason the postmortem cannot be published to `audience` yet, read in the caller's
 * transaction: its phase, the modified process's review roles still without an approval, and
 * for the public what `extra` says about the approver, the preview and the internal publication.
 */
export async function findPublicationRefusals(
  deps: AppDeps,
  postmortem: Postmortem,
  audience: PublicationAudience,
  extra: { isNamedApprover?: boolean; hasPreview?: boolean; publishedInternally?: boolean } = {},
): Promise<PublicationRefusal[]> {
  const incidents = await incidentsRepository.findIncidentsByIds(deps.db, postmortem.incidentIds);
  const process = await findSensitiveProcess(deps, postmortem, incidents);
  const missingRoles = process
    ? await findMissingReviewRoles(deps, postmortem, process.requiredReviewRoles)
    : [];
  return publicationRefusals({ audience, phase: postmortem.phase, missingRoles, ...extra });
}

/** Throws PUBLICATION_REFUSED with every reason when there is any. */
export function assertPublishable(refusals: PublicationRefusal[]): void {
  if (refusals.length > 0) {
    throw new DomainError('PUBLICATION_REFUSED', 'This postmortem cannot be published yet.', {
      details: { unmet: refusals },
    });
  }
}
