import { useCallback } from 'react';
import { notificationsApi } from '../../api/notifications-api.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';

const ruleLabels: Record<string, string> = {
  'action_item.due_soon': 'Due soon',
  'action_item.overdue': 'Overdue',
  'action_item.escalated_to_postmortem_owner': 'Escalated to you (postmortem owner)',
  'action_item.escalated_to_team_lead': 'Escalated to you (team lead)',
  'postmortem.phase_due_soon': 'Postmortem deadline coming up',
  'postmortem.phase_overdue': 'Postmortem deadline passed',
  'comment.mentioned': 'Mentioned in a comment',
  'review.requested': 'Review requested',
  'review.approved': 'Report approved',
  'review.changes_requested': 'Changes requested to the report',
  'review.approval_dismissed': 'Approval dismissed: the report changed',
};

/** Where a notice leads in the app: an item's reminder to the actions tab, others to the review. */
function pathOf(rule: string, postmortemId: string): string {
  return rule.startsWith('action_item.')
    ? `/postmortems/${postmortemId}?tab=actions`
    : `/postmortems/${postmortemId}`;
}

/**
 * The notices addressed to the signed-in person: shown here whether or not any are e-mailed,
 * and only those the API still lists for them (access taken away takes a notice away).
 */
export function MyReminders() {
  const load = useCallback(() => notificationsApi.mine(), []);
  const reminders = useResource(load);
  const rows = reminders.data?.data ?? [];
  if (rows.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="my-reminders-heading">
      <h2 id="my-reminders-heading">Your reminders</h2>
      <ul>
        {rows.map((reminder) => (
          <li key={reminder.id}>
            <strong>{ruleLabels[reminder.rule] ?? 'Reminder'}</strong> ({reminder.day}):{' '}
            {reminder.postmortemId ? (
              <Link to={pathOf(reminder.rule, reminder.postmortemId)}>{reminder.title}</Link>
            ) : (
              reminder.title
            )}{' '}
            <span className="muted">{reminder.body}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
