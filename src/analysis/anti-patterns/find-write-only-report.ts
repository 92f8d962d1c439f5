import { type ActionItem, hasNoOwner } from '../../domain/action-item.ts';
import { toIsoDate } from '../../domain/business-days.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { AntiPatternFinding } from './anti-pattern-finding.ts';
import { latestPhaseChange, type PhaseEntry } from './phase-history.ts';

/** What the write-only-report detector reads. */
export interface WriteOnlyReportInput {
  /** `updatedAt` stands in for the phase history when that was not loaded (cheaper, lenient). */
  postmortem: { id: string; phase: PostmortemPhase; createdAt: Date; updatedAt?: Date };
  actionItems: ReadonlyArray<
    Pick<
      ActionItem,
      'id' | 'title' | 'status' | 'ownerName' | 'ownerUserId' | 'dueDate' | 'successCriterion'
    > & { updatedAt: Date }
  >;
  phaseHistory: readonly PhaseEntry[];
  /** The current instant (the caller's clock). */
  today: Date;
  /** `policy.antiPatterns.followUpStaleDays`. */
  followUpStaleDays: number;
}

const dayMs = 86_400_000;
const finishedStatuses = new Set(['done', 'verified', 'wont_do']);

function missingParts(item: WriteOnlyReportInput['actionItems'][number]): string[] {
  const missing: string[] = [];
  if (hasNoOwner(item)) {
    missing.push('owner');
  }
  if (!item.dueDate) {
    missing.push('due date');
  }
  if (!(item.successCriterion ?? '').trim()) {
    missing.push('success criterion');
  }
  return missing;
}

/**
 * The write-only report: action items nobody will carry out (no owner, due date or success
 * criterion; `wont_do` is exempt), items past their due date, and a follow-up phase in which
 * nothing has moved for `followUpStaleDays` days.
 */
export function findWriteOnlyReport(input: WriteOnlyReportInput): AntiPatternFinding[] {
  const findings: AntiPatternFinding[] = [];
  const today = toIsoDate(input.today);
  for (const item of input.actionItems) {
    if (item.status === 'wont_do') {
      continue;
    }
    const missing = missingParts(item);
    if (missing.length > 0) {
      findings.push({
        rule: 'incomplete-action-item',
        severity: 'warning',
        message: `"${item.title}" has no ${missing.join(', ')}.`,
        target: { type: 'action_item', id: item.id },
        suggestion: `Add the ${missing.join(', ')}, or mark it won’t do with a reason.`,
      });
    }
    if (item.dueDate && item.dueDate < today && !finishedStatuses.has(item.status)) {
      findings.push({
        rule: 'overdue-action-item',
        severity: 'warning',
        message: `"${item.title}" was due on ${item.dueDate} and is still ${item.status.replace('_', ' ')}.`,
        target: { type: 'action_item', id: item.id },
        suggestion:
          'Finish it, agree a new due date with its owner, or mark it won’t do with a reason.',
      });
    }
  }
  const stale = findStaleFollowUp(input);
  return stale ? [...findings, stale] : findings;
}

function findStaleFollowUp(input: WriteOnlyReportInput): AntiPatternFinding | undefined {
  if (input.postmortem.phase !== 'follow_up') {
    return undefined;
  }
  let progress =
    latestPhaseChange(input.phaseHistory) ??
    input.postmortem.updatedAt ??
    input.postmortem.createdAt;
  for (const item of input.actionItems) {
    if (item.updatedAt > progress) {
      progress = item.updatedAt;
    }
  }
  const idleDays = Math.floor((input.today.getTime() - progress.getTime()) / dayMs);
  if (idleDays < input.followUpStaleDays) {
    return undefined;
  }
  return {
    rule: 'stale-follow-up',
    severity: 'warning',
    message: `No action item has moved for ${idleDays} days (the policy allows ${input.followUpStaleDays}).`,
    target: { type: 'postmortem', id: input.postmortem.id },
    suggestion:
      'Check in with the owners: update the status of each item, re-plan or mark won’t do with a reason.',
  };
}
