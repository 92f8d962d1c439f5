import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { NotificationChannels } from '../../app/notifications/notification-channels.ts';
import {
  emailMessage,
  slackMessage,
  teamsMessage,
  webhookBody,
} from '../../reports/notification-payloads.ts';

/** Outbound settings, from the environment. */
export interface NotificationSettings {
  smtpUrl?: string;
  from?: string;
  slackWebhookUrl?: string;
  teamsWebhookUrl?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  publicUrl?: string;
}

/** Reads `DEBRIEF_SMTP_URL`, `DEBRIEF_SMTP_FROM`, the webhook URLs and `DEBRIEF_PUBLIC_URL`. */
export function readNotificationSettings(
  env: NodeJS.ProcessEnv = process.env,
): NotificationSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  return {
    smtpUrl: value('DEBRIEF_SMTP_URL'),
    from: value('DEBRIEF_SMTP_FROM'),
    slackWebhookUrl: value('DEBRIEF_SLACK_WEBHOOK_URL'),
    teamsWebhookUrl: value('DEBRIEF_TEAMS_WEBHOOK_URL'),
    webhookUrl: value('DEBRIEF_WEBHOOK_URL'),
    webhookSecret: value('DEBRIEF_WEBHOOK_SECRET'),
    publicUrl: value('DEBRIEF_PUBLIC_URL')?.replace(/\/+$/, ''),
  };
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

async function postJson(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    // The URL carries the channel's secret; only its host goes into the error.
    throw new Error(`webhook at ${new URL(url).host} answered ${response.status}`);
  }
}

/** The channels the settings configure; what is missing stays unconfigured. */
export function buildNotificationChannels(
  settings: NotificationSettings,
  clock: () => Date = () => new Date(),
): NotificationChannels {
  const channels: NotificationChannels = { shared: {}, publicUrl: settings.publicUrl ?? null };
  const { smtpUrl } = settings;
  if (smtpUrl) {
    // nodemailer is loaded with the first e-mail: a server that sends none need not hold it.
    let transport: Promise<Transporter> | undefined;
    const from = settings.from ?? 'Debrief <debrief@localhost>';
    channels.email = async (n, to) => {
      const { subject, text } = emailMessage(n);
      // Bounded waits (the URL may set others): a send must end well within the queue's
      // expiry, or another instance would take the job for abandoned while it still runs.
      transport ??= import('nodemailer').then((m) =>
        m.default.createTransport({
          url: smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        }),
      );
      await (await transport).sendMail({
        from,
        to: { name: to.name, address: to.email },
        subject,
        text,
        messageId: `<${n.id}@debrief>`,
        headers: { 'X-Debrief-Notification': n.id },
      });
    };
  }
  const { slackWebhookUrl, teamsWebhookUrl, webhookUrl, webhookSecret } = settings;
  if (slackWebhookUrl) {
    channels.shared.slack = (n) => postJson(slackWebhookUrl, JSON.stringify(slackMessage(n)));
  }
  if (teamsWebhookUrl) {
    channels.shared.teams = (n) => postJson(teamsWebhookUrl, JSON.stringify(teamsMessage(n)));
  }
  if (webhookUrl) {
    channels.shared.webhook = async (n) => {
      const body = JSON.stringify(webhookBody(n, clock()));
      await postJson(webhookUrl, body, {
        'x-debrief-delivery': n.id,
        ...(webhookSecret ? { 'x-debrief-signature': signWebhookBody(webhookSecret, body) } : {}),
      });
    };
  }
  return channels;
}

/** One line for the start-up log: where reminders go, or that they stay in the app. */
export function describeChannels(channels: NotificationChannels): string {
  const out = [...(channels.email ? ['e-mail'] : []), ...Object.keys(channels.shared)];
  return out.length === 0
    ? 'Reminders: no SMTP server or webhook configured — reminders are shown in the app only, nothing is sent.'
    : `Reminders: sent by ${out.join(', ')} and shown in the app.`;
}
