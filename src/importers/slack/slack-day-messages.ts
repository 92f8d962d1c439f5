import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import type { ImportOptions } from '../source-converter.ts';
import { learnBotName } from './slack-bot-name.ts';
import type { SlackChannel } from './slack-directory.ts';
import { slackMessageToEvent } from './slack-message-to-event.ts';

/** What a run over messages counted and noticed, reported once at the end of an import. */
export interface SlackTally {
  membership: number;
  outside: number;
  warnings: ImportWarning[];
}

/** A fresh, empty tally. */
export function newTally(): SlackTally {
  return { membership: 0, outside: 0, warnings: [] };
}

/**
 * Turns one day file's messages into events: joins counted, unreadable messages warned about,
 * events outside the window counted and left out. Bot names are learned along the way.
 */
export function dayMessagesToEvents(
  messages: readonly unknown[],
  context: {
    channel: SlackChannel;
    users: ReadonlyMap<string, string>;
    bots: Map<string, string>;
    path: string;
    /** Where `messages` start in their day file (a slice of it): positions name messages. */
    offset?: number;
  },
  options: ImportOptions,
  tally: SlackTally,
): ImportedEvent[] {
  const events: ImportedEvent[] = [];
  const { offset = 0, ...rest } = context;
  for (const [at, message] of messages.entries()) {
    const index = offset + at;
    learnBotName(message, rest.bots);
    const outcome = slackMessageToEvent(message, { ...rest, index });
    if (outcome.kind === 'membership') {
      tally.membership += 1;
    } else if (outcome.kind === 'skipped') {
      tally.warnings.push({
        code: 'SLACK_MESSAGE_SKIPPED',
        message: outcome.reason,
        where: `${rest.path}#/${index}`,
      });
    } else if (
      (options.since && outcome.event.occurredAt < options.since) ||
      (options.until && outcome.event.occurredAt > options.until)
    ) {
      tally.outside += 1;
    } else {
      events.push(outcome.event);
    }
  }
  return events;
}

/** The tally's warnings plus the counted ones (joins dropped, events outside the window). */
export function tallyWarnings(tally: SlackTally, where: string): ImportWarning[] {
  const warnings = [...tally.warnings];
  if (tally.membership > 0) {
    warnings.push({
      code: 'SLACK_MEMBERSHIP_DROPPED',
      message: `${tally.membership} join/leave messages dropped`,
      where,
    });
  }
  if (tally.outside > 0) {
    warnings.push({
      code: 'OUTSIDE_WINDOW',
      message: `${tally.outside} messages outside the time window left out`,
      where,
    });
  }
  return warnings;
}
