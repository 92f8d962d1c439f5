import { describe, expect, it } from 'vitest';
import { emailMessage, slackMessage, teamsMessage } from './notification-payloads.ts';

const notification = {
  id: 'n-1',
  rule: 'action_item.overdue',
  title: 'Alert on <pool> & saturation',
  body: 'Overdue by 2 days (due 2026-11-18).',
  link: 'https://debrief.example.com/postmortems/pm-1?tab=actions',
};

describe('outbound notification formats', () => {
  it('builds a Slack incoming-webhook message with escaped mrkdwn and a link', () => {
    const message = slackMessage(notification);
    expect(message.text).toContain('Action item overdue');
    expect(message.blocks[0]?.text.text).toContain(
      '<https://debrief.example.com/postmortems/pm-1?tab=actions|Alert on &lt;pool&gt; &amp; saturation>',
    );
  });

  it('builds a Teams message carrying an Adaptive Card with an open-URL action', () => {
    const card = teamsMessage(notification).attachments[0]?.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card?.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Debrief', url: notification.link },
    ]);
  });

  it('writes a plain-text e-mail with the link', () => {
    const mail = emailMessage(notification);
    expect(mail.subject).toBe('Action item overdue: Alert on <pool> & saturation');
    expect(mail.text).toContain(notification.link);
  });
});
