import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import type { ImportOptions } from '../source-converter.ts';
import { markdownTableConverter } from './markdown-table-converter.ts';

const fixtures = sharedFixture();
const dfds = join(fixtures, 'postmortems', 'dfds-postmortems');
const present = existsSync(dfds);
if (!present) {
  console.warn(`Postmortem fixtures not found at ${fixtures}: fixture tests skipped`);
}

async function convert(text: string, options: ImportOptions = {}, fileName = 'timeline.md') {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  for await (const chunk of markdownTableConverter.convert(
    { kind: 'text', fileName, text },
    options,
  )) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
  }
  return { events, warnings };
}

const read = (path: string) => readFileSync(path, 'utf8');
const codes = (event: ImportedEvent | undefined) => event?.ambiguities.map((a) => a.code) ?? [];
const dfdsFile = (prefix: string) => {
  const name = readdirSync(dfds).find((file) => file.startsWith(prefix));
  return { name: name ?? prefix, text: name ? read(join(dfds, name)) : '' };
};

describe.skipIf(!present)('markdownTableConverter on the DFDS postmortems', () => {
  it('imports every postmortem without a crash, with a zone on every event', async () => {
    let total = 0;
    for (const name of readdirSync(dfds).filter((file) => file.endsWith('.md'))) {
      const { events } = await convert(read(join(dfds, name)), {}, name);
      total += events.length;
      for (const event of events) {
        expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
        expect(event.originalZone).not.toBeNull();
        expect(event.details.importedFrom).toBe('markdown-table');
      }
    }
    expect(total).toBeGreaterThan(250);
  });

  it('reads "All times in CET" prose as +01:00 and flags it', async () => {
    const { name, text } = dfdsFile('PM2020-001');
    const { events } = await convert(text, {}, name);
    expect(events[0]?.originalZone).toBe('CET');
    expect(codes(events[0])).toEqual(['ZONE_FROM_PROSE']);
    expect(events[0]?.occurredAt.toISOString()).toBe('2020-01-20T12:50:00.000Z');
  });

  it('takes the zone from a "Date and Time in CET" header without an ambiguity', async () => {
    const { name, text } = dfdsFile('PM2019-010');
    const { events } = await convert(text, {}, name);
    expect(events[0]?.originalTimestamp).toMatch(/^2019-12-04 00:30/);
    expect(events[0]?.occurredAt.toISOString()).toBe('2019-12-03T23:30:00.000Z');
    expect(codes(events[0])).toEqual([]);
  });

  it('keeps PM2023-001 rows in file order and flags the one out of order', async () => {
    const { name, text } = dfdsFile('PM2023-001');
    const { events } = await convert(text, {}, name);
    const at = events.findIndex((event) => event.originalTimestamp === '2023-02-14 11:07');
    expect(events[at - 1]?.originalTimestamp).toBe('2023-02-14 11:08');
    expect(events[at]?.details).toMatchObject({ row: at + 1, line: 27 });
    expect(codes(events[at])).toContain('OUT_OF_ORDER');
    expect(events[at]?.occurredAt.toISOString()).toBe('2023-02-14T11:07:00.000Z');
  });

  it('skips the PM2020-003 year typos with warnings naming each line', async () => {
    const { name, text } = dfdsFile('PM2020-003');
    const { events, warnings } = await convert(text, {}, name);
    expect(events).toHaveLength(0);
    expect(warnings.map((w) => [w.code, w.where])).toEqual(
      [14, 15, 16, 17, 18].map((line) => ['TIMESTAMP_INVALID', `${name}:${line}`]),
    );
  });

  it('keeps the day of PM2022-006 "HH:mm" rows and skips the rows whose day is unknown', async () => {
    const { name, text } = dfdsFile('PM2022-006');
    const { events, warnings } = await convert(text, {}, name);
    expect(events).toHaveLength(8);
    expect(events[0]?.ambiguities.map((a) => a.code)).toContain('TIME_MISSING');
    expect(warnings.filter((w) => w.code === 'TIMESTAMP_PLACEHOLDER').map((w) => w.where)).toEqual([
      `${name}:15`,
      `${name}:16`,
    ]);
  });

  it('gives the same ids when imported twice', async () => {
    const { name, text } = dfdsFile('PM2022-009');
    const first = await convert(text, {}, name);
    const second = await convert(text, {}, name);
    expect(second.events.map((e) => e.externalId)).toEqual(first.events.map((e) => e.externalId));
    expect(new Set(first.events.map((e) => e.externalId)).size).toBe(first.events.length);
  });
});

describe.skipIf(!present)('markdownTableConverter on heading timelines and templates', () => {
  const twoI2c = join(fixtures, 'postmortems', '2i2c-incident-reports');

  it('reads 2i2c "### 08:52 PM" headings in IST with the date of the title', async () => {
    const { events } = await convert(read(join(twoI2c, '2020-10-28-memory-overload.md')));
    expect(events[0]?.occurredAt.toISOString()).toBe('2020-08-28T15:22:00.000Z');
    expect(events[0]?.text).toMatch(/^Incoming report that many students/);
    expect(codes(events[0])).toEqual(['DATE_FROM_DOCUMENT', 'ZONE_FROM_PROSE']);
  });

  it('flags the rows after a midnight roll-over under one dated heading', async () => {
    const { events } = await convert(
      read(join(twoI2c, '2025-05-12-earthscope-resource-provisioning-issue.md')),
    );
    const [before, after] = [
      events.find((e) => e.originalTimestamp === '23:00'),
      events.find((e) => e.originalTimestamp === '00:40'),
    ];
    expect(codes(before)).not.toContain('POSSIBLE_MIDNIGHT_ROLLOVER');
    expect(codes(after)).toContain('POSSIBLE_MIDNIGHT_ROLLOVER');
    expect(after?.occurredAt.toISOString()).toBe('2025-05-12T21:40:00.000Z');
  });

  it('reads the empty PagerDuty template table as no events', async () => {
    const template = join(
      fixtures,
      'reports',
      'pagerduty-incident-response-docs',
      'post_mortem_template.md',
    );
    expect((await convert(read(template))).events).toEqual([]);
  });
});

describe('markdownTableConverter ambiguities', () => {
  it('marks a time without any date DATE_MISSING and an unstated zone ZONE_UNKNOWN', async () => {
    const { events } = await convert('| time | event |\n|---|---|\n| 14:03 | error rate up |\n');
    expect(codes(events[0])).toEqual(['DATE_MISSING', 'ZONE_UNKNOWN']);
    expect(events[0]?.originalZone).toBeNull();
    expect(events[0]?.kind).toBe('observation');
  });

  it("reads a dateless row on the incident's first day when the import gives that anchor", async () => {
    const { events } = await convert(
      'All times in UTC.\n\n| Time | Event |\n|---|---|\n| 14:03 | error rate up |\n',
      {
        anchor: new Date('2026-11-16T10:00:00Z'),
        since: new Date('2026-11-15T10:00:00Z'),
      },
    );
    expect(events[0]?.occurredAt.toISOString()).toBe('2026-11-16T14:03:00.000Z');
    expect(events[0]?.ambiguities.find((a) => a.code === 'DATE_MISSING')?.message).toContain(
      "the incident's first day",
    );
  });

  it('moves the rows after a midnight roll-over to the next day, with a warning', async () => {
    const table =
      '# Outage on 2024-03-01\n\nAll times in UTC.\n\n| Time | Event |\n|---|---|\n| 23:50 | alert fired |\n| 00:10 | rolled back |\n| 00:20 | resolved |\n';
    const { events, warnings } = await convert(table);
    expect(events.map(codes)).toEqual([
      ['DATE_FROM_DOCUMENT', 'ZONE_FROM_PROSE'],
      ['DATE_FROM_DOCUMENT', 'POSSIBLE_MIDNIGHT_ROLLOVER', 'ZONE_FROM_PROSE'],
      ['DATE_FROM_DOCUMENT', 'POSSIBLE_MIDNIGHT_ROLLOVER', 'ZONE_FROM_PROSE'],
    ]);
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2024-03-01T23:50:00.000Z',
      '2024-03-02T00:10:00.000Z',
      '2024-03-02T00:20:00.000Z',
    ]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['MIDNIGHT_ROLLOVER', 'timeline.md:8'],
    ]);
    expect(events.map((e) => e.kind)).toEqual(['detection', 'mitigation', 'resolution']);
  });

  it('keeps rows with the same time in file order, on the same day', async () => {
    const table =
      '# Outage on 2024-03-01\n\nAll times in UTC.\n\n| Time | Event |\n|---|---|\n| 09:12 | pods start restarting |\n| 09:12 | on-call paged |\n| 09:15 | rolled back |\n';
    const { events, warnings } = await convert(table);
    expect(events.map((e) => [e.occurredAt.toISOString(), e.text])).toEqual([
      ['2024-03-01T09:12:00.000Z', 'pods start restarting'],
      ['2024-03-01T09:12:00.000Z', 'on-call paged'],
      ['2024-03-01T09:15:00.000Z', 'rolled back'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('prefers a zone in the cell, then the header, then the chosen zone, then prose', async () => {
    const doc =
      'All times in CET.\n\n| Time (UTC) | Event | Data Link |\n|---|---|---|\n| 2024-01-10 10:00 | a | http://x |\n| 2024-01-10 10:05 PST | b | |\n';
    const { events } = await convert(doc, { zone: 'Europe/Copenhagen' });
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2024-01-10T10:00:00.000Z',
      '2024-01-10T18:05:00.000Z',
    ]);
    expect(events[0]?.details.columns).toEqual({ 'Data Link': 'http://x' });
    const chosen = await convert(doc.replace('Time (UTC)', 'Time'), { zone: 'Europe/Copenhagen' });
    expect(chosen.events[0]?.occurredAt.toISOString()).toBe('2024-01-10T09:00:00.000Z');
    expect(codes(chosen.events[0])).toEqual(['ZONE_CONFLICT']);
  });

  it('refuses an unknown chosen zone and a non-text input', async () => {
    const error = await convert('| time | event |\n|--|--|\n', { zone: 'Nowhere/Else' }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  });

  it('detects timeline tables', () => {
    expect(
      markdownTableConverter.detect({
        fileName: 'pm.md',
        head: '| Time | Event |\n| --- | --- |\n',
      }),
    ).toBeGreaterThan(0.5);
    expect(markdownTableConverter.detect({ fileName: 'x.json', head: '{"a":1}' })).toBe(0);
  });
});

describe('markdownTableConverter on half-known times', () => {
  it('keeps a row whose day is known but whose time is a placeholder, and the start of an open range', async () => {
    const { events, warnings } = await convert(
      [
        'All times in UTC.',
        '',
        '| Time | Event |',
        '| --- | --- |',
        '| 2026-03-02 HH:mm | Search cache flushed by the deploy |',
        '| 2026-03-02 14:26-14:?? | Warm-up job run on the canary |',
        '| 2026-03-?? HH:mm | Someone noticed the hit ratio |',
      ].join('\n'),
    );
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-02T14:26:00.000Z',
    ]);
    expect(codes(events[0])).toContain('TIME_MISSING');
    expect(events[1]?.details.timeNote).toBe('end of range unknown');
    expect(warnings.map((w) => w.code)).toEqual(['TIMESTAMP_PLACEHOLDER']);
  });

  it('reads a heading that names the day and the time, and dates the headings after it', async () => {
    const { events } = await convert(
      [
        '## Timeline (times in UTC)',
        '### March 3, 2026, 4:05 PM',
        'Checkout error rate alert fires.',
        '### 4:20 PM',
        'Pool size reverted.',
      ].join('\n'),
    );
    expect(events.map((e) => [e.occurredAt.toISOString(), e.text])).toEqual([
      ['2026-03-03T16:05:00.000Z', 'Checkout error rate alert fires.'],
      ['2026-03-03T16:20:00.000Z', 'Pool size reverted.'],
    ]);
  });
});

describe('markdownTableConverter on an empty timeline', () => {
  it('warns naming the Timeline section when it yields nothing', async () => {
    const { events, warnings } = await convert(
      '# Checkout outage\n\n## Timeline\n\nTo be written after the review meeting.\n',
    );
    expect(events).toEqual([]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['TIMELINE_SECTION_EMPTY', 'timeline.md:3'],
    ]);
    expect(warnings[0]?.message).toContain('"Timeline"');
  });
});
