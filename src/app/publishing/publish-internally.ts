import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { renderPublicationHtml } from '../../reports/publication/render-publication.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import {
  type PublicationRow,
  publicationsRepository,
} from '../../storage/repositories/publications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { buildPublication } from './build-publication.ts';
import { assertPublishable, findPublicationRefusals } from './publication-refusals.ts';

/**
 * Publishes (or re-publishes) the postmortem internally: a snapshot every member and viewer
 * reads, without restricted sections, cut to the learning summary under the modified process.
 * PUBLICATION_REFUSED before follow-up or before the process's reviews approved.
 */
export async function publishInternally(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<PublicationRow> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    assertPublishable(await findPublicationRefusals(tx, postmortem, 'internal'));
    return storeInternalPublication(tx, actor, postmortem);
  });
}

/**
 * Publishes internally when nothing stands in the way, in the caller's transaction: what
 * reaching follow-up does. A restricted review (or one of a restricted incident) is never
 * published on its own: only a member's explicit request publishes its summary. Returns whether
 * it published.
 */
export async function publishInternallyIfAllowed(
  deps: AppDeps,
  actor: Actor,
  postmortem: Postmortem,
): Promise<boolean> {
  const incidents = await incidentsRepository.findIncidentsByIds(deps.db, postmortem.incidentIds);
  if (postmortem.restricted || incidents.some((i) => i.restricted)) {
    return false;
  }
  if ((await findPublicationRefusals(deps, postmortem, 'internal')).length > 0) {
    return false;
  }
  await storeInternalPublication(deps, actor, postmortem);
  return true;
}

async function storeInternalPublication(
  deps: AppDeps,
  actor: Actor,
  postmortem: Postmortem,
): Promise<PublicationRow> {
  const built = await buildPublication(deps, actor, postmortem, 'internal');
  const existing = await publicationsRepository.find(
    deps.db,
    postmortem.id,
    'internal',
    'published',
  );
  const publishedAt = deps.clock();
  const id = existing?.id ?? deps.newId();
  const saved = await publicationsRepository.put(deps.db, {
    id,
    postmortemId: postmortem.id,
    audience: 'internal',
    status: 'published',
    slug: id,
    title: built.report.title,
    document: { report: built.report, feedSummary: built.feedSummary },
    html: renderPublicationHtml(built.report, { audience: 'internal', publishedAt }),
    redactions: [],
    postmortemRevision: postmortem.revision,
    createdById: actor.id,
    approvedById: null,
    publishedAt,
  });
  await recordAudit(deps, {
    actorId: actor.id,
    action: 'postmortem.published_internally',
    subjectType: 'postmortem',
    subjectId: postmortem.id,
    postmortemId: postmortem.id,
    data: { publicationId: saved.id, revision: postmortem.revision },
  });
  return saved;
}
