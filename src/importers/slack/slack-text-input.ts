import { DomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';
import type { DetectionSample, ImportChunk, ImportOptions } from '../source-converter.ts';
import { dayMessagesToEvents, newTally, tallyWarnings } from './slack-day-messages.ts';
import { parseExportJson } from './slack-directory.ts';
import { slackMessageEnvelopeEvent } from './slack-envelope.ts';
import { segments } from './slack-export-index.ts';

const chunkSize = 1000;
const tsField = /"ts"\s*:\s*"\d{1,10}\.\d{1,6}"/;
const tsValue = /^\d{1,10}\.\d{1,6}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeMessage(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.ts === 'string' &&
    tsValue.test(value.ts) &&
    (value.type === 'message' || typeof value.user === 'string' || typeof value.bot_id === 'string')
  );
}

function invalid(path: string, code: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${message}`, {
    details: { errors: [{ path, code, message }] },
  });
}

/**
 * How sure a single JSON file is Slack: a day file's message array (every message a string
 * `ts` plus `type: "message"` or a user/bot id) or an Events API `event_callback` envelope.
 */
export function detectSlackText(sample: DetectionSample): number {
  const head = sample.head.trimStart();
  if (head.startsWith('{')) {
    return /"type"\s*:\s*"event_callback"/.test(head) &&
      /"event"\s*:\s*\{/.test(head) &&
      tsField.test(head)
      ? 0.9
      : 0;
  }
  if (!head.startsWith('[')) {
    return 0;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(head);
  } catch {
    // A head cut short: judge by what it shows.
    const shows =
      /^\[\s*\{/.test(head) &&
      tsField.test(head) &&
      (/"type"\s*:\s*"message"/.test(head) || /"user"\s*:\s*"[UW][A-Z0-9]{2,}"/.test(head));
    return shows ? 0.75 : 0;
  }
  return Array.isArray(parsed) && parsed.length > 0 && parsed.every(looksLikeMessage) ? 0.9 : 0;
}

async function* convertDayFile(
  json: unknown[],
  fileName: string,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  const base = segments(fileName).pop() ?? fileName;
  const stem = base.replace(/\.json$/i, '') || base;
  const tally = newTally();
  const events = dayMessagesToEvents(
    json,
    { channel: { id: stem, name: stem }, users: new Map(), bots: new Map(), path: fileName },
    options,
    tally,
  );
  for (let at = 0; at < events.length; at += chunkSize) {
    yield { events: events.slice(at, at + chunkSize) };
  }
  const warnings: ImportWarning[] = [
    {
      code: 'SLACK_CHANNEL_UNKNOWN',
      message: `A day file on its own names no channel: "${stem}" stands in for it`,
      where: fileName,
    },
  ];
  if (events.some((event) => typeof event.details.userId === 'string')) {
    warnings.push({
      code: 'SLACK_USERS_UNRESOLVED',
      message: 'No users.json: actors are Slack user ids',
      where: fileName,
    });
  }
  yield { events: [], warnings: [...warnings, ...tallyWarnings(tally, fileName)] };
}

/**
 * Converts one JSON text: a day file's message array (no channel list, no users), or a live
 * Events API `event_callback` envelope (one message event). Anything else is VALIDATION_FAILED.
 */
export async function* convertSlackText(
  text: string,
  fileName: string,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  const json = parseExportJson(text, fileName);
  if (Array.isArray(json)) {
    yield* convertDayFile(json, fileName, options);
    return;
  }
  if (isRecord(json) && json.type === 'event_callback') {
    const { event, warnings } = slackMessageEnvelopeEvent(json, fileName);
    const inside =
      event &&
      !(options.since && event.occurredAt < options.since) &&
      !(options.until && event.occurredAt > options.until);
    const outside: ImportWarning[] =
      event && !inside
        ? [{ code: 'OUTSIDE_WINDOW', message: '1 message outside the time window left out' }]
        : [];
    yield { events: event && inside ? [event] : [], warnings: [...warnings, ...outside] };
    return;
  }
  throw invalid(
    fileName,
    'not_slack',
    'expected a day file (array of messages) or an event_callback envelope',
  );
}
