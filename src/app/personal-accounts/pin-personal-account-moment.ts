import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { pinPersonalAccountMomentBodySchema } from '../../contracts/personal-accounts.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { TimelineEvent } from '../../domain/timeline-event.ts';
import type { Actor } from '../../domain/user.ts';
import { timelineRepository } from '../../storage/repositories/parts-repositories.ts';
import {
  findPinnedEvent,
  personalAccountsRepository,
} from '../../storage/repositories/personal-accounts-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** `personal_account:<accountId>:<hash of excerpt + instant>`: pinning the same moment twice adds nothing. */
export function pinExternalId(accountId: string, excerpt: string, occurredAt: Date): string {
  const hash = createHash('sha256')
    .update(`${squash(excerpt)}\n${occurredAt.toISOString()}`)
    .digest('hex')
    .slice(0, 16);
  return `personal_account:${accountId}:${hash}`;
}

/**
 * Pins a key moment of a personal account into the timeline as a `proposed` event, reviewed
 * like any import. Anyone who may edit the postmortem may pin. For an anonymous account the
 * event has no actor and the audit event no actor either: the pinner may be the author, and
 * recording them next to the account would tie it back to them.
 */
export async function pinPersonalAccountMoment(
  deps: AppDeps,
  actor: Actor,
  accountId: string,
  input: z.infer<typeof pinPersonalAccountMomentBodySchema>,
): Promise<{ event: TimelineEvent; created: boolean }> {
  return inTransaction(deps, async (tx) => {
    const account = await personalAccountsRepository.findById(tx.db, accountId);
    if (!account) {
      throw new DomainError('NOT_FOUND', 'Personal account not found.');
    }
    await loadPostmortemFor(tx, actor, account.postmortemId, 'postmortem.update').catch(
      (error: unknown) => {
        throw isDomainError(error, 'NOT_FOUND')
          ? new DomainError('NOT_FOUND', 'Personal account not found.')
          : error;
      },
    );
    if (!squash(account.body).includes(squash(input.excerpt))) {
      throw new DomainError('INVARIANT_VIOLATED', 'The excerpt does not occur in the account.', {
        details: { rule: 'EXCERPT_NOT_IN_ACCOUNT' },
      });
    }
    const occurredAt = new Date(input.occurredAt);
    const externalId = pinExternalId(account.id, input.excerpt, occurredAt);
    const existing = await findPinnedEvent(tx.db, account.postmortemId, externalId);
    const found = existing && (await timelineRepository.findById(tx.db, existing.id));
    if (found) {
      return { event: found, created: false };
    }
    const counts = await proposeTimelineEvents(tx, {
      postmortemId: account.postmortemId,
      source: 'personal_account',
      events: [
        {
          externalId,
          occurredAt,
          originalTimestamp: input.occurredAt,
          originalZone: null,
          text: input.excerpt,
          kind: input.kind,
          actor: account.anonymous ? null : account.authorName,
          sourceRef: `personal_account:${account.id}`,
          rawRef: `personal_account:${account.id}`,
          details: { accountId: account.id, anonymous: account.anonymous },
          ambiguities: [],
        },
      ],
      actorId: account.anonymous ? null : actor.id,
      audit: {
        action: 'timeline_event.created',
        subjectType: 'timeline_event',
        data: { occurredAt: occurredAt.toISOString() },
      },
    });
    const event =
      counts.firstProposedId && (await timelineRepository.findById(tx.db, counts.firstProposedId));
    if (!event) {
      throw new DomainError('INTERNAL', 'The pinned moment was not stored.');
    }
    return { event, created: true };
  });
}
