type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Learns a bot's name from the `bot_add` record Slack writes when an integration joins a
 * channel ("added an integration to this channel: <…/services/B0JL6RASU|github>"), for the
 * bot messages that carry only a `bot_id`.
 */
export function learnBotName(message: unknown, bots: Map<string, string>): void {
  if (!isRecord(message) || message.subtype !== 'bot_add') {
    return;
  }
  const link = /\/services\/(B[A-Z0-9]+)\|([^>]+)>/.exec(str(message.text) ?? '');
  const id = str(message.bot_id) ?? link?.[1];
  if (id && link?.[2]) {
    bots.set(id, link[2]);
  }
}

/** The name a bot message goes by: its username, profile, attachment author or learned name. */
export function botName(message: Json, bots: ReadonlyMap<string, string>): string {
  const profile = isRecord(message.bot_profile) ? message.bot_profile : {};
  const attachment = Array.isArray(message.attachments)
    ? message.attachments.find(isRecord)
    : undefined;
  return (
    str(message.username) ??
    str(profile.name) ??
    (attachment ? str(attachment.author_name) : undefined) ??
    bots.get(str(message.bot_id) ?? '') ??
    `bot ${str(message.bot_id) ?? 'unknown'}`
  );
}
