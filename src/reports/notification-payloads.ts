/** What every outbound format is built from. */
export interface NotificationContent {
  id: string;
  rule: string;
  title: string;
  body: string;
  link: string | null;
}

const ruleLabels: Record<string, string> = {
  'action_item.due_soon': 'Action item due soon',
  'action_item.overdue': 'Action item overdue',
  'action_item.escalated_to_postmortem_owner':
    'Overdue action item (escalated to you as postmortem owner)',
  'action_item.escalated_to_team_lead': 'Overdue action item (escalated to you as team lead)',
  'postmortem.phase_due_soon': 'Postmortem deadline coming up',
  'postmortem.phase_overdue': 'Postmortem deadline passed',
  'team.weekly_digest': 'Weekly action-item digest',
  'comment.mentioned': 'Mentioned in a comment',
  'review.requested': 'Review requested',
  'review.approved': 'Report approved',
  'review.changes_requested': 'Changes requested to the report',
  'review.approval_dismissed': 'Approval dismissed: the report changed',
};

/** The heading of a notification, in words. */
export const notificationHeading = (rule: string) => ruleLabels[rule] ?? 'Debrief reminder';

/** Slack's `mrkdwn` escapes: `&`, `<` and `>` only. */
const slackEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A Slack incoming-webhook message: `text` as the fallback, one section block with a link. */
export function slackMessage(n: NotificationContent) {
  const title = slackEscape(n.title);
  const line = n.link ? `<${n.link}|${title}>` : `*${title}*`;
  const text = `${notificationHeading(n.rule)}: ${n.title} — ${n.body}`;
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${notificationHeading(n.rule)}*\n${line}\n${slackEscape(n.body)}`,
        },
      },
    ],
  };
}

/** A Microsoft Teams incoming-webhook message carrying an Adaptive Card. */
export function teamsMessage(n: NotificationContent) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: notificationHeading(n.rule), weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: n.title, wrap: true },
            { type: 'TextBlock', text: n.body, wrap: true, isSubtle: true },
          ],
          actions: n.link
            ? [{ type: 'Action.OpenUrl', title: 'Open in Debrief', url: n.link }]
            : [],
        },
      },
    ],
  };
}

/** The body of a generic outbound webhook: the notification as plain JSON. */
export function webhookBody(n: NotificationContent, sentAt: Date) {
  return {
    id: n.id,
    rule: n.rule,
    heading: notificationHeading(n.rule),
    title: n.title,
    body: n.body,
    link: n.link,
    sentAt: sentAt.toISOString(),
  };
}

/** An e-mail's subject and plain-text body. */
export function emailMessage(n: NotificationContent) {
  return {
    subject: `${notificationHeading(n.rule)}: ${n.title}`,
    text: [n.title, '', n.body, ...(n.link ? ['', n.link] : []), '', '— Debrief'].join('\n'),
  };
}
