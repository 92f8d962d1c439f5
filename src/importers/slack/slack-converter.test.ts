import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import {
  filesOf,
  folderInput,
  runSlackConverter as run,
  walk,
} from '../../../test/support/slack-export-input.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportInput } from '../source-converter.ts';
import { slackConverter } from './slack-converter.ts';

const slackFixtures = sharedFixture('payloads/slack');
const exportDir = join(slackFixtures, 'export-hfaran-testarchive');
const present = existsSync(exportDir);
if (!present) {
  console.warn(`Slack fixtures not found at ${slackFixtures}: fixture tests skipped`);
}

/**
 * A workspace export in our own words: a Los Angeles team's incident on the evening of
 * 15 November (local), which is the 16th in UTC; joins, a bot, a thread, a broadcast, a file
 * share with its private URLs and an edit.
 */
const ownExport = ownFixture('slack/export-payments-workspace');

describe('slackConverter on the project’s own export', () => {
  it('places messages at their UTC instants, not at the day file date', async () => {
    const { events } = await run(folderInput(ownExport));
    const at = (id: string) => events.find((event) => event.externalId === id);
    // 1794794460 s after the epoch is 2026-11-16 02:01:00 UTC; the file is 2026-11-15 (LA).
    expect(at('C0PAYCHK1:1794794460.000200')?.occurredAt.toISOString()).toBe(
      '2026-11-16T02:01:00.000Z',
    );
    expect(at('C0PAYCHK1:1794794460.000200')?.details.ts).toBe('1794794460.000200');
    expect(at('C0PAYCHK1:1794830400.000100')?.occurredAt.toISOString()).toBe(
      '2026-11-16T12:00:00.000Z',
    );
    for (const event of events) {
      expect(event.originalZone).toBe('UTC');
      expect(event.externalId).toBe(`${event.details.channelId}:${event.originalTimestamp}`);
    }
  });

  it('keeps 9 messages, drops the join and the integration add, resolves names', async () => {
    const { events, warnings } = await run(folderInput(ownExport));
    expect(events).toHaveLength(9);
    expect(
      warnings.find((warning) => warning.code === 'SLACK_MEMBERSHIP_DROPPED')?.message,
    ).toMatch(/^2 /);
    expect(events.find((e) => e.externalId === 'C0PAYCHK1:1794794460.000200')?.actor).toBe(
      'River Osei',
    );
  });

  it('notes edits with the latest text and who edited', async () => {
    const { events } = await run(folderInput(ownExport));
    const edited = events.filter((event) => event.details.edited !== undefined);
    expect(edited.map((event) => event.details.edited)).toEqual([
      { at: '2026-11-16T02:11:00.000Z', by: 'River Osei' },
    ]);
  });

  it('references shared files by name and title, never by their private URL', async () => {
    const { events } = await run(folderInput(ownExport));
    const shared = events.filter((event) => event.details.files !== undefined);
    expect(shared.map((event) => event.details.files)).toEqual([
      [{ name: 'checkout-errors.png', title: 'Checkout 5xx share' }],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/url_private|files-pri|xoxe/);
  });

  it('links thread replies and broadcasts to their parent', async () => {
    const { events } = await run(folderInput(ownExport));
    const parent = 'C0PAYCHK1:1794794520.000300';
    expect(events.filter((e) => e.details.parentExternalId === parent).map((e) => e.actor)).toEqual(
      ['River Osei', 'Sam Achebe'],
    );
    expect(events.find((e) => e.details.broadcast === true)?.externalId).toBe(
      'C0PAYCHK1:1794794640.000500',
    );
    expect(events.find((e) => e.externalId === parent)?.details.parentExternalId).toBeUndefined();
  });

  it('names bots as actors and keeps channel choice and time window', async () => {
    const { events, warnings } = await run(folderInput(ownExport), {
      channels: ['#payments-deploys', 'incident-checkout'],
      since: new Date('2026-11-16T01:59:00Z'),
      until: new Date('2026-11-16T03:00:00Z'),
    });
    expect(events.map((e) => [e.sourceRef, e.occurredAt.toISOString()])).toContainEqual([
      '#payments-deploys',
      '2026-11-16T02:14:00.000Z',
    ]);
    for (const event of events) {
      expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-16T01:59:00Z'));
      expect(event.occurredAt.getTime()).toBeLessThan(Date.parse('2026-11-16T03:00:00Z'));
    }
    const bots = events.filter((event) => event.details.bot === true);
    expect(bots.map((event) => event.actor)).toEqual(['deploybot']);
    expect(warnings.some((warning) => warning.code === 'OUTSIDE_WINDOW')).toBe(true);
    const one = await run(folderInput(ownExport), { channels: ['#payments-deploys'] });
    expect(new Set(one.events.map((event) => event.sourceRef))).toEqual(
      new Set(['#payments-deploys']),
    );
  });

  it('refuses an unknown channel, naming it and the known ones', async () => {
    const error = await run(folderInput(ownExport), { channels: ['incident-42'] }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.details).toMatchObject({
      channel: 'incident-42',
      knownChannels: ['incident-checkout', 'payments-deploys'],
    });
  });

  it('detects an export by its directory files and day files', () => {
    const paths = walk(ownExport).map((path) => relative(ownExport, path));
    expect(slackConverter.detect({ fileName: 'export', head: '', paths })).toBeGreaterThan(0.9);
    expect(slackConverter.detect({ fileName: 'x.json', head: '{"alerts":[]}' })).toBe(0);
  });
});

describe.skipIf(!present)('slackConverter on the hfaran export', () => {
  it('places messages at their UTC instants, not at the day file date', async () => {
    const { events } = await run(folderInput(exportDir));
    const at = (id: string) => events.find((event) => event.externalId === id);
    // Hand-computed: 1452837352 s = 16815 days + 21352 s after the epoch = 2016-01-15 05:55:52 UTC,
    // although the message sits in enrique/2016-01-14.json (America/Los_Angeles date).
    expect(at('C0JGLMMNX:1452837352.000006')?.occurredAt.toISOString()).toBe(
      '2016-01-15T05:55:52.000Z',
    );
    expect(at('C0JGLMMNX:1452837352.000006')?.details.ts).toBe('1452837352.000006');
    expect(at('C0JGLMMNX:1452845865.000008')?.occurredAt.toISOString()).toBe(
      '2016-01-15T08:17:45.000Z',
    );
    expect(at('C0JGLMMNX:1459212145.000027')?.occurredAt.toISOString()).toBe(
      '2016-03-29T00:42:25.000Z',
    );
    expect(at('C0JL6CGQ2:1459040791.000005')?.occurredAt.toISOString()).toBe(
      '2016-03-27T01:06:31.000Z',
    );
    for (const event of events) {
      expect(event.originalZone).toBe('UTC');
      expect(event.externalId).toBe(`${event.details.channelId}:${event.originalTimestamp}`);
    }
  });

  it('keeps 147 messages, drops the 11 joins/integration adds, resolves names', async () => {
    const { events, warnings } = await run(folderInput(exportDir));
    expect(events).toHaveLength(147);
    expect(new Set(events.map((event) => event.externalId)).size).toBe(147);
    expect(
      warnings.find((warning) => warning.code === 'SLACK_MEMBERSHIP_DROPPED')?.message,
    ).toMatch(/^11 /);
    expect(events.find((event) => event.externalId === 'C0JGLMMNX:1452845865.000008')?.actor).toBe(
      'Harry Potter',
    );
  });

  it('notes edits with the latest text and who edited', async () => {
    const { events } = await run(folderInput(exportDir));
    const edited = events.find((event) => event.details.edited !== undefined);
    expect(edited?.details.edited).toEqual({
      at: '2016-03-26T08:32:14.000Z',
      by: expect.any(String),
    });
  });

  it('references shared files by name and title, never by their private URL', async () => {
    const { events } = await run(folderInput(exportDir));
    const shared = events.filter((event) => event.details.files !== undefined);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    expect(
      shared.find((event) => event.externalId.endsWith(':1459052866.000012'))?.details.files,
    ).toEqual([{ name: '100_cities.js', title: '100 cities' }]);
    expect(JSON.stringify(events)).not.toMatch(/url_private|files-pri|xoxe/);
  });

  it('names bots as actors and keeps channel choice and time window', async () => {
    const { events, warnings } = await run(folderInput(exportDir), {
      channels: ['#enrique'],
      since: new Date('2016-03-28T00:00:00Z'),
      until: new Date('2016-03-31T00:00:00Z'),
    });
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.sourceRef).toBe('#enrique');
      expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2016-03-28T00:00:00Z'));
    }
    const bots = events.filter((event) => event.details.bot === true);
    expect(bots.length).toBeGreaterThan(0);
    expect(new Set(bots.map((event) => event.actor))).toEqual(new Set(['github']));
    expect(warnings.some((warning) => warning.code === 'OUTSIDE_WINDOW')).toBe(true);
  });

  it('refuses an unknown channel, naming it and the known ones', async () => {
    const error = await run(folderInput(exportDir), { channels: ['incident-42'] }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.details).toMatchObject({
      channel: 'incident-42',
      knownChannels: ['enrique', 'traveling-sailor'],
    });
  });

  it('detects an export by its directory files and day files', () => {
    const paths = walk(exportDir).map((path) => relative(exportDir, path));
    expect(slackConverter.detect({ fileName: 'export', head: '', paths })).toBeGreaterThan(0.9);
    expect(slackConverter.detect({ fileName: 'x.json', head: '{"alerts":[]}' })).toBe(0);
  });
});

describe.skipIf(!present)('slackConverter on the zulip thread samples', () => {
  function threadInput(fixture: string): ImportInput {
    const messages = readFileSync(
      join(slackFixtures, 'zulip-slack-import-fixtures', fixture),
      'utf8',
    );
    return {
      kind: 'files',
      fileName: fixture,
      files: filesOf([
        ['channels.json', JSON.stringify([{ id: 'C061A0WJG', name: 'random' }])],
        [
          'users.json',
          JSON.stringify([
            { id: 'U061A5N1G', real_name: 'Ada' },
            { id: 'U061A1R2R', name: 'bob' },
          ]),
        ],
        ['random/2015-06-12.json', messages],
      ]),
    };
  }

  it('keeps threads as threads, in file order, even when a reply is older than its parent', async () => {
    const { events } = await run(threadInput('normal_thread.json'));
    expect(events.map((event) => event.originalTimestamp)).toEqual([
      '1434139102.000002',
      '1439868294.000007',
      '1539868294.000007',
      '1449868294.000007',
    ]);
    expect(events[3]?.details).toMatchObject({
      threadTs: '1539868294.000007',
      parentExternalId: 'C061A0WJG:1539868294.000007',
    });
    expect(events[0]?.details.parentExternalId).toBeUndefined();
    expect(events[3]?.actor).toBe('bob');
  });

  it('marks thread broadcasts', async () => {
    const { events } = await run(threadInput('thread_with_broadcast_reply.json'));
    expect(events[2]?.details).toMatchObject({
      broadcast: true,
      parentExternalId: 'C061A0WJG:1434139102.000002',
    });
    expect(events[2]?.actor).toBe('bob');
  });
});
