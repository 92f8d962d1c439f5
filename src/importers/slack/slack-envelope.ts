import { DomainError } from '../../domain/errors.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import { slackMessageToEvent } from './slack-message-to-event.ts';
import { richTextOf } from './slack-rich-text.ts';
import { parseSlackTs } from './slack-ts.ts';

type Json = Record<string, unknown>;

const messageEvents = new Set(['message', 'app_mention']);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, field: string, code: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${field} ${message}`, {
    details: { errors: [{ path: `${path}#${field}`, code, message }] },
  });
}

/** The message an event carries: itself, or for an edit (`message_changed`) the new message. */
function messageOf(event: Json): Json {
  if (event.subtype === 'message_changed' && isRecord(event.message)) {
    const inner = event.message;
    return { ...inner, edited: isRecord(inner.edited) ? inner.edited : { ts: event.ts } };
  }
  return event;
}

/**
 * One Events API `event_callback` envelope → at most one event, mapped like an export message
 * so ids agree: `<event.channel>:<ts>`. The text is `event.text`, else its rich_text blocks.
 * Message events only; a broken `event` is VALIDATION_FAILED naming the field.
 */
export function slackMessageEnvelopeEvent(
  envelope: Json,
  fileName: string,
): { event: ImportedEvent | undefined; warnings: ImportWarning[] } {
  const event = envelope.event;
  if (!isRecord(event)) {
    throw invalid(fileName, '/event', 'invalid_type', 'expected an object');
  }
  if (typeof event.type !== 'string' || !messageEvents.has(event.type)) {
    throw invalid(fileName, '/event/type', 'unsupported_event', 'expected a message event');
  }
  if (typeof event.channel !== 'string' || event.channel === '') {
    throw invalid(fileName, '/event/channel', 'invalid_type', 'expected a channel id');
  }
  const message = messageOf(event);
  if (!parseSlackTs(message.ts)) {
    throw invalid(fileName, '/event/ts', 'invalid_ts', 'expected a string "seconds.micro"');
  }
  const text = typeof message.text === 'string' && message.text !== '' ? message.text : '';
  const withText = text ? message : { ...message, text: richTextOf(message.blocks) };
  const outcome = slackMessageToEvent(withText, {
    channel: { id: event.channel, name: event.channel },
    users: new Map(),
    bots: new Map(),
    path: fileName,
    index: 0,
  });
  if (outcome.kind !== 'event') {
    const reason = outcome.kind === 'membership' ? 'join/leave message dropped' : outcome.reason;
    return {
      event: undefined,
      warnings: [{ code: 'SLACK_MESSAGE_SKIPPED', message: reason, where: `${fileName}#/event` }],
    };
  }
  const details: Record<string, unknown> = { ...outcome.event.details };
  if (typeof envelope.event_id === 'string') {
    details.eventId = envelope.event_id;
  }
  if (typeof envelope.team_id === 'string') {
    details.teamId = envelope.team_id;
  }
  const warnings: ImportWarning[] =
    typeof details.userId === 'string'
      ? [
          {
            code: 'SLACK_USERS_UNRESOLVED',
            message: 'An event carries no user names: the actor is the Slack user id',
            where: `${fileName}#/event/user`,
          },
        ]
      : [];
  return { event: { ...outcome.event, rawRef: `${fileName}#/event`, details }, warnings };
}
