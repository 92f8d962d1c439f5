import type { ImportedEvent } from '../imported-event.ts';
import { inferKind } from '../infer-kind.ts';
import { botName } from './slack-bot-name.ts';
import type { SlackChannel } from './slack-directory.ts';
import { slackTextForPeople } from './slack-text-for-people.ts';
import { parseSlackTs } from './slack-ts.ts';

/** What became of one message of a day file. */
export type SlackMessageOutcome =
  | { kind: 'event'; event: ImportedEvent }
  | { kind: 'membership' }
  | { kind: 'skipped'; reason: string };

type Json = Record<string, unknown>;

const membershipSubtypes = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'bot_add',
  'bot_remove',
]);
const changeSubtypes = new Set(['message_changed', 'message_deleted', 'message_replied']);
const alertWords =
  /\b(alert(?:ing)?|firing|triggered|fail(?:ed|ing|ure)?|errored|critical|outage|down|incident|paged?|degraded|unhealthy|broken)\b/i;
const recoveryWords = /\b(resolved|recovered|back to normal)\b/i;
const alertColors = new Set(['danger', 'warning', 'd00000', 'ff0000', 'a30200', 'e01e5a']);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function attachmentsText(message: Json): { text: string; colors: string[] } {
  if (!Array.isArray(message.attachments) || message.attachments.length === 0) {
    return { text: '', colors: [] };
  }
  const parts: string[] = [];
  const colors: string[] = [];
  const attachments: unknown[] = message.attachments;
  for (const attachment of attachments) {
    if (!isRecord(attachment)) {
      continue;
    }
    const body = [attachment.pretext, attachment.title, attachment.text]
      .map(str)
      .filter((part) => part !== undefined);
    const fallback = str(attachment.fallback);
    parts.push(...(body.length > 0 ? body : fallback ? [fallback] : []));
    const color = str(attachment.color);
    if (color) {
      colors.push(color.replace(/^#/, '').toLowerCase());
    }
  }
  return { text: parts.join('\n'), colors };
}

/**
 * A person's message is a communication unless its words declare more: a mitigation ("we are
 * mitigated", "rolled back"), a resolution, an escalation — so that key-instant proposals and
 * the agenda have something to work with. A guess for the reviewer, like every import.
 */
function personKind(text: string): ImportedEvent['kind'] {
  const kind = inferKind(text);
  return kind === 'observation' || kind === 'detection' ? 'communication' : kind;
}

/** The files a message shares, by name and title only: never their (token-bearing) URLs. */
function sharedFiles(message: Json): Array<{ name: string | null; title: string | null }> {
  if (message.file === undefined && message.files === undefined) {
    return [];
  }
  const files = [
    ...(isRecord(message.file) ? [message.file] : []),
    ...(Array.isArray(message.files) ? message.files.filter(isRecord) : []),
  ];
  return files.map((file) => ({ name: str(file.name) ?? null, title: str(file.title) ?? null }));
}

/**
 * Turns one message of a day file into a timeline event. The instant comes from `ts` alone
 * (the day file's name is a workspace-local date and says nothing exact); the ts string is
 * the identity. Joins and leaves are reported as membership, to be counted, not kept.
 */
export function slackMessageToEvent(
  message: unknown,
  context: {
    channel: SlackChannel;
    users: ReadonlyMap<string, string>;
    bots: ReadonlyMap<string, string>;
    path: string;
    index: number;
  },
): SlackMessageOutcome {
  if (!isRecord(message)) {
    return { kind: 'skipped', reason: 'not an object' };
  }
  const subtype = str(message.subtype);
  if (subtype && membershipSubtypes.has(subtype)) {
    return { kind: 'membership' };
  }
  if (subtype && changeSubtypes.has(subtype)) {
    // Exports keep edits in place (`edited`); a change record would duplicate its message.
    return {
      kind: 'skipped',
      reason: `${subtype} record (the message itself carries the latest text)`,
    };
  }
  const ts = message.ts;
  const occurredAt = parseSlackTs(ts);
  if (typeof ts !== 'string' || !occurredAt) {
    return { kind: 'skipped', reason: 'no valid "ts" (expected a string "seconds.micro")' };
  }
  const { channel, users } = context;
  const isBot =
    subtype === 'bot_message' || (str(message.bot_id) !== undefined && !str(message.user));
  const attached = attachmentsText(message);
  const ownText = str(message.text) ?? '';
  const rawText = [ownText, attached.text].filter((part) => part !== '').join('\n');
  const files = sharedFiles(message);
  const comment = isRecord(message.comment) ? message.comment : {};
  const userId = str(message.user) ?? str(comment.user);
  const actor = isBot
    ? botName(message, context.bots)
    : userId
      ? (users.get(userId) ?? userId)
      : null;
  const looksLikeAlert =
    isBot && (alertWords.test(rawText) || attached.colors.some((color) => alertColors.has(color)));

  const details: Record<string, unknown> = { channel: channel.name, channelId: channel.id, ts };
  if (subtype) {
    details.subtype = subtype;
  }
  if (userId) {
    details.userId = userId;
  }
  const threadTs = str(message.thread_ts);
  if (threadTs) {
    details.threadTs = threadTs;
    if (threadTs !== ts) {
      details.parentExternalId = `${channel.id}:${threadTs}`;
    }
  }
  if (subtype === 'thread_broadcast') {
    details.broadcast = true;
  }
  const edited = isRecord(message.edited) ? message.edited : undefined;
  if (edited) {
    const editedAt = parseSlackTs(edited.ts);
    const by = str(edited.user);
    details.edited = {
      at: editedAt ? editedAt.toISOString() : null,
      by: by ? (users.get(by) ?? by) : null,
    };
  }
  if (files.length > 0) {
    details.files = files;
  }
  if (isBot) {
    details.bot = true;
  }
  const fileNote = files.map((file) => file.title ?? file.name ?? 'file').join(', ');
  const text =
    slackTextForPeople(rawText, users).trim() || (fileNote ? `Shared ${fileNote}` : '(no text)');

  return {
    kind: 'event',
    event: {
      externalId: `${channel.id}:${ts}`,
      occurredAt,
      originalTimestamp: ts,
      originalZone: 'UTC',
      text,
      kind: looksLikeAlert
        ? 'detection'
        : isBot && recoveryWords.test(rawText)
          ? 'resolution'
          : isBot
            ? 'observation'
            : personKind(rawText),
      actor,
      sourceRef: `#${channel.name}`,
      rawRef: `${context.path}#/${context.index}`,
      details,
      ambiguities: [],
    },
  };
}
