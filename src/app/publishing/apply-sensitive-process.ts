import type { Incident } from '../../domain/incident.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { sensitiveProcessFor } from '../../domain/publication.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import { sensitiveProcessStartsRepository } from '../../storage/repositories/sensitive-process-starts-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { reviewTeamMembers } from '../reviews/load-review-requests.ts';
import { placeHold } from './legal-hold.ts';

/**
 * Starts the modified process when a postmortem of a sensitive incident opens, in the opening
 * transaction: the process's sections are restricted from the start to the person opening it
 * and the members of its review teams (security, legal) — who also join a restricted review's
 * members, so that they can read what they approve — and a legal hold is placed. The kinds that
 * started it are recorded, so that its publication rules still apply after a reclassification.
 */
export async function applySensitiveProcess(
  deps: AppDeps,
  actor: Actor,
  postmortem: Postmortem,
  incidents: ReadonlyArray<Pick<Incident, 'id' | 'kind' | 'restricted' | 'memberIds'>>,
): Promise<void> {
  const process = sensitiveProcessFor(deps.policy.sensitiveProcesses, incidents);
  if (!process) {
    return;
  }
  await sensitiveProcessStartsRepository.record(deps.db, {
    postmortemId: postmortem.id,
    kinds: [
      ...new Set(incidents.map((i) => i.kind).filter((kind) => process.kinds.includes(kind))),
    ],
    startedAt: deps.clock(),
  });
  const reviewers = [];
  for (const role of process.requiredReviewRoles) {
    reviewers.push(...(await reviewTeamMembers(deps, role)).map((member) => member.id));
  }
  if (reviewers.length > 0) {
    // Reviewers must read what they approve: they join the members of the restricted review
    // and of its restricted incidents (a review is visible only with its incidents).
    if (postmortem.restricted) {
      await postmortemsRepository.replaceMembers(deps.db, postmortem.id, [
        ...new Set([...postmortem.memberIds, ...reviewers]),
      ]);
    }
    for (const incident of incidents.filter((i) => i.restricted)) {
      await incidentsRepository.replaceMembers(deps.db, incident.id, [
        ...new Set([...incident.memberIds, ...reviewers]),
      ]);
    }
  }
  for (const key of process.restrictedSections) {
    await restrictedSectionsRepository.insert(deps.db, {
      postmortemId: postmortem.id,
      key,
      text: '',
      memberIds: [...new Set([actor.id, ...reviewers])],
      restrictedAt: deps.clock(),
      restrictedById: actor.id,
    });
  }
  if (process.legalHold) {
    await placeHold(
      deps,
      actor,
      postmortem,
      `modified process for ${process.kinds.join(', ')} incidents`,
    );
  }
  await recordAudit(deps, {
    actorId: actor.id,
    action: 'postmortem.sensitive_process_started',
    subjectType: 'postmortem',
    subjectId: postmortem.id,
    postmortemId: postmortem.id,
    data: {
      reviewers: reviewers.length,
      restrictedSections: process.restrictedSections,
      requiredReviewRoles: process.requiredReviewRoles,
      legalHold: process.legalHold,
    },
  });
}
