import {
  type Agenda,
  type AgendaOptions,
  buildAgenda,
} from '../../analysis/facilitation/build-agenda.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { openQuestionsRepository } from '../../storage/repositories/open-questions-repository.ts';
import {
  actionItemsRepository,
  participantsRepository,
  timelineRepository,
} from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** Generates the analysis-meeting agenda of a postmortem the actor may read. */
export async function getAgenda(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  options: AgendaOptions,
): Promise<{ postmortem: Postmortem; agenda: Agenda }> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    // One connection (PGlite): the reads run one after another, not in parallel.
    const timeline = await timelineRepository.listForPostmortem(tx.db, postmortemId);
    const openQuestions = await openQuestionsRepository.listForPostmortem(tx.db, postmortemId);
    const whyNodes = await openQuestionsRepository.listWhyNodeOutlines(tx.db, postmortemId);
    const actionItems = await actionItemsRepository.listForPostmortem(tx.db, postmortemId);
    const participants = await participantsRepository.listForPostmortem(tx.db, postmortemId);
    const incidents = await incidentsRepository.findIncidentsByIds(tx.db, postmortem.incidentIds);
    // The detection delay counts from the earliest start among the reviewed incidents.
    const starts = incidents.flatMap((i) =>
      i.instants.started_at ? [i.instants.started_at.at] : [],
    );
    const startedAt =
      starts.length > 0 ? new Date(Math.min(...starts.map((d) => d.getTime()))) : null;
    const agenda = buildAgenda(
      {
        startedAt,
        timeline,
        openQuestions,
        whyNodes,
        actionItems,
        participants,
        attendeeIds: postmortem.analysisMeetingAttendeeIds,
      },
      options,
    );
    return { postmortem, agenda };
  });
}
