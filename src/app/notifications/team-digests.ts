import { createHash } from 'node:crypto';
import { composeTeamDigest, isDigestDay, type TeamDigest } from '../../domain/team-digest.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { notificationRecipientsRepository as recipients } from '../../storage/repositories/notification-recipients-repository.ts';
import { reminderCandidatesRepository as candidates } from '../../storage/repositories/reminder-candidates-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { sharedChannelKinds } from './notification-channels.ts';
import { anyone, emailDeliverableAt, type NotifyOutcome, recordOnce } from './notify.ts';

/** The ledger rule of the weekly digest. */
export const teamDigestRule = 'team.weekly_digest';

/** A team has no row of its own: its ledger subject is a UUID derived from its name. */
export function teamSubjectId(team: string): string {
  const hex = createHash('sha256').update(`debrief-team:${team}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The team a digest row is about, found back from its subject id. */
export async function findDigestTeam(db: Database, subjectId: string) {
  return (await candidates.teamsWithOpenItems(db)).find(
    (team) => teamSubjectId(team) === subjectId,
  );
}

/**
 * A team's digest as `reader` may see it now: only the items of postmortems they may see
 * (for a shared channel, `anyone`: no restricted review, not even as a count).
 */
export async function composeDigestFor(
  db: Database,
  reader: Actor,
  team: string,
  today: string,
): Promise<TeamDigest | null> {
  return composeTeamDigest(team, await candidates.teamDigestItems(db, reader, team), today);
}

/**
 * On the policy's digest day, records each team's weekly digest for its lead (by e-mail, after
 * their quiet hours) and for the shared channels, once per day. The content is composed again
 * when it is sent, under the reader's access at that moment.
 */
export async function scanTeamDigests(
  tx: AppDeps & { db: Database },
  teamLeadIds: ReadonlyMap<string, string>,
  today: string,
): Promise<NotifyOutcome & { digests: number }> {
  const outcome = { created: 0, enqueued: 0, digests: 0 };
  const outbox = tx.outbox;
  if (!outbox || !isDigestDay(tx.policy.reminders, today)) {
    return outcome;
  }
  const link = outbox.channels.publicUrl ? `${outbox.channels.publicUrl}/action-items` : null;
  for (const team of await candidates.teamsWithOpenItems(tx.db)) {
    const row = (digest: TeamDigest) => ({
      rule: teamDigestRule,
      subjectType: 'team',
      subjectId: teamSubjectId(team),
      postmortemId: null,
      title: digest.title,
      body: digest.body,
      link,
    });
    const leadId = teamLeadIds.get(team);
    const lead = leadId ? await recipients.findRecipient(tx.db, leadId) : undefined;
    if (lead && !lead.disabled && outbox.channels.email) {
      const digest = await composeDigestFor(tx.db, lead, team, today);
      const startAfter = digest ? await emailDeliverableAt(tx, lead.id) : null;
      if (digest && startAfter) {
        outcome.digests += 1;
        await recordOnce(
          tx,
          {
            ...row(digest),
            recipientKey: `user:${lead.id}`,
            recipientUserId: lead.id,
            channel: 'email',
          },
          { queue: outbox.queue, startAfter },
          outcome,
        );
      }
    }
    const kinds = sharedChannelKinds.filter((kind) => outbox.channels.shared[kind]);
    const digest = kinds.length > 0 ? await composeDigestFor(tx.db, anyone, team, today) : null;
    if (digest) {
      outcome.digests += 1;
      for (const kind of kinds) {
        await recordOnce(
          tx,
          { ...row(digest), recipientKey: `channel:${kind}`, recipientUserId: null, channel: kind },
          { queue: outbox.queue, startAfter: tx.clock() },
          outcome,
        );
      }
    }
  }
  return outcome;
}
