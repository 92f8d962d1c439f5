import type { CreatePostmortemBody } from '../../contracts/postmortem.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { proposeIncidentSignals } from '../intake/propose-incident-signals.ts';
import { applySensitiveProcess } from '../publishing/apply-sensitive-process.ts';
import { mergeReviewedTimelines } from '../themes/merge-reviewed-timelines.ts';

/**
 * Opens a postmortem for one incident, or a thematic one for several. It inherits
 * restriction from its incidents: if any is restricted, so is the review, and the members of
 * the restricted incidents become its members. An admin may also open it restricted.
 */
export async function openPostmortem(
  deps: AppDeps,
  actor: Actor,
  input: CreatePostmortemBody,
): Promise<Postmortem> {
  if (!can(actor, 'postmortem.create')) {
    throw new DomainError('FORBIDDEN', 'Your role cannot open postmortems.');
  }
  return inTransaction(deps, async (tx) => {
    const incidents = [];
    for (const id of input.incidentIds) {
      const incident = await incidentsRepository.findVisibleIncident(tx.db, actor, id, {
        forUpdate: true,
      });
      if (!incident) {
        throw new DomainError('NOT_FOUND', 'Incident not found.', { details: { incidentId: id } });
      }
      incidents.push(incident);
    }
    const scope = input.scope ?? (incidents.length > 1 ? 'thematic' : 'single');
    if (scope === 'single') {
      const incidentId = input.incidentIds[0] ?? '';
      if (await postmortemsRepository.hasSinglePostmortem(tx.db, incidentId)) {
        const visible = await postmortemsRepository.listVisibleIdsByIncident(tx.db, actor, [
          incidentId,
        ]);
        const visibleIds = visible.get(incidentId) ?? [];
        if (visibleIds.length === 0) {
          // The review exists but is restricted from the actor: refuse without saying so, so
          // that no id, number or title of it reaches them (docs/errors.md says what remains).
          throw new DomainError('FORBIDDEN', 'You cannot open a postmortem for this incident.');
        }
        throw new DomainError('ALREADY_EXISTS', 'This incident already has a postmortem.', {
          details: { postmortemIds: visibleIds },
        });
      }
    }
    const restrictedIncidents = incidents.filter((i) => i.restricted);
    if (
      input.restricted === true &&
      restrictedIncidents.length === 0 &&
      !can(actor, 'postmortem.manage_members', { restricted: false, memberIds: [] })
    ) {
      // Restricting hides the review from whoever could see the incident: the same right as
      // restricting an open one.
      throw new DomainError('FORBIDDEN', 'Only an admin can open a restricted postmortem.');
    }
    const now = tx.clock();
    const first = incidents[0];
    const postmortem = await postmortemsRepository.insertPostmortem(tx.db, {
      id: tx.newId(),
      title: input.title ?? `Postmortem: ${first?.title ?? ''}`.slice(0, 200),
      scope,
      phase: 'data_gathering',
      restricted: input.restricted === true || restrictedIncidents.length > 0,
      incidentIds: input.incidentIds,
      memberIds: [
        ...new Set([
          actor.id,
          ...input.memberIds,
          ...restrictedIncidents.flatMap((i) => i.memberIds),
        ]),
      ],
      sections: {},
      analysisMeetingAt: null,
      analysisMeetingNotes: '',
      analysisMeetingAttendeeIds: [],
      createdById: actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    });
    await proposeIncidentSignals(tx, postmortem.id, input.incidentIds, actor.id);
    await applySensitiveProcess(tx, actor, postmortem, incidents);
    if (scope === 'thematic') {
      await mergeReviewedTimelines(tx, actor, postmortem.id, input.incidentIds);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'postmortem.opened',
      subjectType: 'postmortem',
      subjectId: postmortem.id,
      postmortemId: postmortem.id,
      incidentId: first?.id ?? null,
      data: { scope, incidentIds: input.incidentIds },
    });
    return postmortem;
  });
}
