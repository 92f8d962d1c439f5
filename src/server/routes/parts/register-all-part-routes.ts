import {
  createActionItem,
  removeActionItem,
  updateActionItem,
} from '../../../app/parts/action-items.ts';
import {
  addContributingFactor,
  removeContributingFactor,
  updateContributingFactor,
} from '../../../app/parts/contributing-factors.ts';
import {
  addParticipant,
  removeParticipant,
  updateParticipant,
} from '../../../app/parts/participants.ts';
import {
  addTimelineEvent,
  removeTimelineEvent,
  updateTimelineEvent,
} from '../../../app/parts/timeline-events.ts';
import {
  actionItemSchema,
  createActionItemBodySchema,
  createFactorBodySchema,
  createParticipantBodySchema,
  createTimelineEventBodySchema,
  factorSchema,
  participantSchema,
  timelineEventSchema,
  updateActionItemBodySchema,
  updateFactorBodySchema,
  updateParticipantBodySchema,
  updateTimelineEventBodySchema,
} from '../../../contracts/postmortem-parts.ts';
import {
  actionItemsRepository,
  factorsRepository,
  participantsRepository,
  timelineRepository,
} from '../../../storage/repositories/parts-repositories.ts';
import type { RouteContext } from '../route-context.ts';
import { registerPartRoutes } from './part-routes.ts';

/** The four kinds of postmortem parts share one route shape. */
export function registerAllPartRoutes(context: RouteContext): void {
  registerPartRoutes(context, {
    name: 'participants',
    itemSchema: participantSchema,
    createBody: createParticipantBodySchema,
    updateBody: updateParticipantBodySchema,
    list: participantsRepository.listForPostmortem,
    create: addParticipant,
    update: updateParticipant,
    remove: removeParticipant,
  });
  registerPartRoutes(context, {
    name: 'timeline-events',
    itemSchema: timelineEventSchema,
    createBody: createTimelineEventBodySchema,
    updateBody: updateTimelineEventBodySchema,
    list: timelineRepository.listForPostmortem,
    listJson: (db, postmortemId, abilities) =>
      timelineRepository.listJsonForPostmortem(db, postmortemId, { abilities }),
    create: addTimelineEvent,
    update: updateTimelineEvent,
    remove: removeTimelineEvent,
  });
  registerPartRoutes(context, {
    name: 'contributing-factors',
    itemSchema: factorSchema,
    createBody: createFactorBodySchema,
    updateBody: updateFactorBodySchema,
    list: factorsRepository.listForPostmortem,
    create: addContributingFactor,
    update: updateContributingFactor,
    remove: removeContributingFactor,
  });
  registerPartRoutes(context, {
    name: 'action-items',
    itemSchema: actionItemSchema,
    createBody: createActionItemBodySchema,
    updateBody: updateActionItemBodySchema,
    list: actionItemsRepository.listForPostmortem,
    create: createActionItem,
    update: updateActionItem,
    remove: removeActionItem,
  });
}
