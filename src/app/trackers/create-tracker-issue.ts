import type { ActionItem } from '../../domain/action-item.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemsRepository } from '../../storage/repositories/parts-repositories.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import type { TrackerClient } from './tracker-client.ts';

const notFound = () => new DomainError('NOT_FOUND', 'Action item not found.');

/**
 * Opens an issue for an action item in a tracker (title, a body linking back, labels) and
 * links the item to it; the tracker's webhooks then move the item's status. Refused for a
 * restricted review: its items must not leave Debrief for a tracker others can read.
 */
export async function createTrackerIssue(
  deps: AppDeps,
  actor: Actor,
  itemId: string,
  client: TrackerClient,
  publicUrl: string | null,
): Promise<ActionItem> {
  const { item, postmortem } = await inTransaction(deps, async (tx) => {
    const found = await actionItemsRepository.findById(tx.db, itemId);
    if (!found) {
      throw notFound();
    }
    const pm = await loadPostmortemFor(tx, actor, found.postmortemId, 'postmortem.update').catch(
      (error: unknown) => {
        throw isDomainError(error, 'NOT_FOUND') ? notFound() : error;
      },
    );
    return { item: found, postmortem: pm };
  });
  if (postmortem.restricted) {
    throw new DomainError(
      'INVARIANT_VIOLATED',
      'Items of a restricted postmortem stay in Debrief.',
      {
        details: { rule: 'RESTRICTED_NOT_EXPORTED' },
      },
    );
  }
  if (item.trackerKey) {
    throw new DomainError('ALREADY_EXISTS', 'This action item already follows a tracker issue.', {
      details: { trackerKey: item.trackerKey },
    });
  }
  const link = publicUrl ? `${publicUrl}/postmortems/${postmortem.id}?tab=actions` : null;
  const issue = await client.createIssue({
    title: item.title,
    body: [
      `Action item from postmortem PM-${formatRecordNumber(postmortem.number)}: ${postmortem.title}`,
      '',
      `Success criterion: ${item.successCriterion ?? '(not set yet)'}`,
      ...(item.dueDate ? [`Due: ${item.dueDate}`] : []),
      ...(link ? ['', `Debrief: ${link}`] : []),
    ].join('\n'),
    labels: ['postmortem', `action-item:${item.kind}`],
  });
  return inTransaction(deps, async (tx) => {
    const current = await actionItemsRepository.findById(tx.db, itemId);
    if (!current) {
      throw notFound();
    }
    const updated = await actionItemsRepository.update(tx.db, itemId, current.version, {
      trackerUrl: issue.url,
      trackerKey: issue.key,
      updatedAt: tx.clock(),
    });
    await postmortemsRepository.touch(tx.db, current.postmortemId, tx.clock());
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'action_item.tracker_issue_created',
      subjectType: 'action_item',
      subjectId: itemId,
      postmortemId: current.postmortemId,
      data: { tracker: client.kind, key: issue.key, url: issue.url },
    });
    return updated;
  });
}
