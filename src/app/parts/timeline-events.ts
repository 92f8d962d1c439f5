import type { z } from 'zod';
import type {
  createTimelineEventBodySchema,
  updateTimelineEventBodySchema,
} from '../../contracts/postmortem-parts.ts';
import type { TimelineEvent } from '../../domain/timeline-event.ts';
import type { Actor } from '../../domain/user.ts';
import { timelineRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { addPart, changePart, type PartKind, partRemover } from './part-write.ts';

const kind: PartKind = { type: 'timeline_event', label: 'Timeline event' };

/** Adds a manual timeline event; manual entries are accepted at once (a person wrote them). */
export async function addTimelineEvent(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createTimelineEventBodySchema>,
): Promise<TimelineEvent> {
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx) => {
      const id = tx.newId();
      return timelineRepository.insert(tx.db, {
        id,
        postmortemId,
        occurredAt: new Date(input.occurredAt),
        text: input.text,
        kind: input.kind,
        source: 'manual',
        sourceRef: null,
        externalId: `manual:${id}`,
        originalTimestamp: input.occurredAt,
        originalZone: null,
        actor: input.actor,
        status: 'accepted',
        pinned: input.pinned,
        createdAt: tx.clock(),
      });
    },
    (event) => ({ occurredAt: event.occurredAt.toISOString(), kind: event.kind }),
  );
}

/** Edits, reviews (accept/reject) or pins a timeline event. */
export async function updateTimelineEvent(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateTimelineEventBodySchema>,
): Promise<TimelineEvent> {
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    timelineRepository.findById,
    (tx) =>
      timelineRepository.update(tx.db, id, expectedVersion, {
        ...input,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
      }),
    () => ({ fields: Object.keys(input) }),
  );
}

/** Removes a timeline event. */
export const removeTimelineEvent = partRemover(kind, timelineRepository, (event) => ({
  text: event.text.slice(0, 200),
}));
