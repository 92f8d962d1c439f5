import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import type { ImportOptions } from '../source-converter.ts';
import { slackConverter } from './slack-converter.ts';

const payloads = sharedFixture('payloads');
const present = existsSync(payloads);
if (!present) {
  console.warn(`Fixtures not found at ${payloads}: Slack text-input fixture tests skipped`);
}
const threads = 'slack/zulip-slack-import-fixtures';
const envelopeFile = 'slack/zulip-slack-events-api/message_with_normal_text.json';
const read = (path: string) => readFileSync(join(payloads, path), 'utf8');

async function run(fileName: string, text: string, options: ImportOptions = {}) {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  for await (const chunk of slackConverter.convert({ kind: 'text', fileName, text }, options)) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
  }
  return { events, warnings };
}

/** Our own day file (a thread, a broadcast, a join) and Events API envelope. */
const ownDay = 'export-payments-workspace/incident-checkout/2026-11-15.json';
const ownEnvelope = 'events-api/message-in-incident-channel.json';
const readOwn = (path: string) => readFileSync(ownFixture(`slack/${path}`), 'utf8');

describe('slackConverter on one JSON file of our own', () => {
  it.each([ownDay, ownEnvelope])('converts %s, and twice gives the same', async (path) => {
    const name = path.split('/').pop() ?? path;
    const first = await run(name, readOwn(path));
    expect(first.events.length).toBeGreaterThan(0);
    expect(await run(name, readOwn(path))).toEqual(first);
    expect(new Set(first.events.map((e) => e.externalId)).size).toBe(first.events.length);
  });

  it('reads a day file on its own: ids from the file stem, user ids as actors, thread links', async () => {
    const { events, warnings } = await run('2026-11-15.json', readOwn(ownDay));
    expect(events.map((e) => e.externalId)).toEqual([
      '2026-11-15:1794794460.000200',
      '2026-11-15:1794794520.000300',
      '2026-11-15:1794794580.000400',
      '2026-11-15:1794794640.000500',
      '2026-11-15:1794794700.000600',
      '2026-11-15:1794795000.000700',
    ]);
    // 1794794460 s = 20773 days (2026-11-16) + 7260 s (02:01:00), a day after the file's date.
    expect(events[0]?.occurredAt.toISOString()).toBe('2026-11-16T02:01:00.000Z');
    expect(events[0]?.actor).toBe('U0RIVER');
    expect(events[2]?.details.parentExternalId).toBe(events[1]?.externalId);
    expect(events[3]?.details).toMatchObject({
      broadcast: true,
      parentExternalId: '2026-11-15:1794794520.000300',
    });
    expect(warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['SLACK_CHANNEL_UNKNOWN', 'SLACK_USERS_UNRESOLVED']),
    );
  });

  it('reads an Events API envelope as one event with the export-style id', async () => {
    const { events } = await run('message-in-incident-channel.json', readOwn(ownEnvelope));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      externalId: 'C0PAYCHK1:1794794460.000200',
      originalTimestamp: '1794794460.000200',
      text: 'Card payments are failing for some orders, looking now',
      actor: 'U0RIVER',
      kind: 'communication',
      sourceRef: '#C0PAYCHK1',
      rawRef: 'message-in-incident-channel.json#/event',
    });
    expect(events[0]?.occurredAt.toISOString()).toBe('2026-11-16T02:01:00.000Z');
    expect(events[0]?.details.eventId).toBe('Ev0CHK0001');
  });

  it('claims our Slack files and none of our other payloads', () => {
    const ownPayloads = ownFixture('payloads');
    for (const path of jsonFiles(ownPayloads)) {
      const head = readFileSync(join(ownPayloads, path), 'utf8').slice(0, 16 * 1024);
      expect({ path, score: slackConverter.detect({ fileName: path, head }) }).toEqual({
        path,
        score: 0,
      });
    }
    for (const path of [ownDay, ownEnvelope]) {
      expect(slackConverter.detect({ fileName: path, head: readOwn(path) })).toBeGreaterThanOrEqual(
        0.5,
      );
    }
  });
});

describe.skipIf(!present)('slackConverter on one JSON file', () => {
  it.each([
    `${threads}/normal_thread.json`,
    `${threads}/thread_with_broadcast_reply.json`,
    envelopeFile,
  ])('converts %s, and twice gives the same', async (path) => {
    const first = await run(path.split('/').pop() ?? path, read(path));
    const again = await run(path.split('/').pop() ?? path, read(path));
    expect(first.events.length).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(new Set(first.events.map((e) => e.externalId)).size).toBe(first.events.length);
  });

  it('reads a day file on its own: ids from the file stem, user ids as actors, a warning', async () => {
    const { events, warnings } = await run(
      'normal_thread.json',
      read(`${threads}/normal_thread.json`),
    );
    expect(events.map((e) => e.externalId)).toEqual([
      'normal_thread:1434139102.000002',
      'normal_thread:1439868294.000007',
      'normal_thread:1539868294.000007',
      'normal_thread:1449868294.000007',
    ]);
    // 1434139102 s = 16598 days (2015-06-12) + 71902 s (19:58:22).
    expect(events[0]?.occurredAt.toISOString()).toBe('2015-06-12T19:58:22.000Z');
    // 1449868294 s = 16780 days (2015-12-11) + 76294 s (21:11:34); .000007 → 0 ms.
    expect(events[3]?.occurredAt.toISOString()).toBe('2015-12-11T21:11:34.000Z');
    expect(events[0]?.actor).toBe('U061A5N1G');
    expect(events[0]?.sourceRef).toBe('#normal_thread');
    expect(warnings.map((w) => w.code)).toEqual([
      'SLACK_CHANNEL_UNKNOWN',
      'SLACK_USERS_UNRESOLVED',
    ]);
  });

  it('keeps thread links even when the reply is earlier than its parent', async () => {
    const { events } = await run('normal_thread.json', read(`${threads}/normal_thread.json`));
    const parent = events[2];
    const reply = events[3];
    expect(reply && parent && reply.occurredAt < parent.occurredAt).toBe(true);
    expect(reply?.details.parentExternalId).toBe(parent?.externalId);
    expect(events[1]?.details.parentExternalId).toBe(events[0]?.externalId);
    expect(parent?.details.parentExternalId).toBeUndefined();
  });

  it('marks a thread broadcast as a reply to its root', async () => {
    const { events } = await run(
      'thread_with_broadcast_reply.json',
      read(`${threads}/thread_with_broadcast_reply.json`),
    );
    const broadcast = events.find((e) => e.details.broadcast === true);
    expect(broadcast?.details.parentExternalId).toBe(
      'thread_with_broadcast_reply:1434139102.000002',
    );
    expect(broadcast?.occurredAt.toISOString()).toBe('2015-06-12T19:58:24.000Z');
  });

  it('reads an Events API envelope as one event with the export-style id', async () => {
    const { events } = await run('message_with_normal_text.json', read(envelopeFile));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      externalId: 'C06NRA6JLER:1719209506.817929',
      originalTimestamp: '1719209506.817929',
      text: 'Hello, this is a normal text message',
      actor: 'U06NU4E26M9',
      kind: 'communication',
      sourceRef: '#C06NRA6JLER',
      rawRef: 'message_with_normal_text.json#/event',
    });
    // 1719209506 s = 19898 days (2024-06-24) + 22306 s (06:11:46); .817929 → 817 ms.
    expect(events[0]?.occurredAt.toISOString()).toBe('2024-06-24T06:11:46.817Z');
    expect(events[0]?.details.eventId).toBe('Ev079SP4TP1P');
  });
});

describe('slackConverter on Events API envelopes', () => {
  const envelope = (event: Record<string, unknown>) =>
    JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event });

  it('flattens rich_text blocks when the text is empty', async () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'paging ' },
              { type: 'user', user_id: 'U1' },
              { type: 'emoji', name: 'fire' },
            ],
          },
        ],
      },
    ];
    const { events } = await run(
      'e.json',
      envelope({ type: 'message', channel: 'C1', user: 'U2', ts: '1700000000.000100', blocks }),
    );
    expect(events[0]?.text).toBe('paging <@U1>:fire:');
    expect(events[0]?.occurredAt.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('takes an edit as the edited message, under the same id', async () => {
    const { events } = await run(
      'e.json',
      envelope({
        type: 'message',
        subtype: 'message_changed',
        channel: 'C1',
        ts: '1700000100.000000',
        message: { type: 'message', user: 'U2', text: 'new', ts: '1700000000.000100' },
      }),
    );
    expect(events[0]?.externalId).toBe('C1:1700000000.000100');
    expect(events[0]?.text).toBe('new');
    expect(events[0]?.details.edited).toEqual({ at: '2023-11-14T22:15:00.000Z', by: null });
  });

  it.each([
    [{ type: 'reaction_added', channel: 'C1', ts: '1700000000.000100' }, 'unsupported_event'],
    [{ type: 'message', ts: '1700000000.000100' }, 'invalid_type'],
    [{ type: 'message', channel: 'C1', ts: 1700000000.0001 }, 'invalid_ts'],
  ])('refuses %j with %s', async (event, code) => {
    const error = await run('e.json', envelope(event)).catch((e: unknown) => e);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.details).toMatchObject({ errors: [{ code }] });
  });

  it('refuses JSON that is neither a day file nor an envelope', async () => {
    const error = await run('x.json', '{"type":"url_verification"}').catch((e: unknown) => e);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  });
});

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe.skipIf(!present)('slack detection on single files', () => {
  it('claims the Slack JSON files and no other vendor payload', () => {
    for (const path of jsonFiles(payloads)) {
      const head = read(path).slice(0, 16 * 1024);
      const score = slackConverter.detect({ fileName: path, head });
      if (!path.startsWith('slack/')) {
        expect({ path, score }).toEqual({ path, score: 0 });
      }
    }
    for (const path of [`${threads}/normal_thread.json`, envelopeFile]) {
      expect(slackConverter.detect({ fileName: path, head: read(path) })).toBeGreaterThanOrEqual(
        0.5,
      );
    }
  });
});
