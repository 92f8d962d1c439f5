import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownFixture } from '../../../test/support/fixture-path.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import type { ImportOptions } from '../source-converter.ts';
import { markdownTableConverter } from './markdown-table-converter.ts';

/**
 * One test per shape in which other teams write timelines (test/fixtures/timelines, in the
 * project's own words): what each row becomes, to the minute and zone.
 */
async function convert(name: string, options: ImportOptions = {}) {
  const text = readFileSync(ownFixture(`timelines/${name}`), 'utf8');
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  for await (const chunk of markdownTableConverter.convert(
    { kind: 'text', fileName: name, text },
    options,
  )) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
  }
  return { events, warnings };
}

const rows = (events: ImportedEvent[]) =>
  events.map((e) => [e.occurredAt.toISOString(), e.text, e.kind]);
const codes = (event: ImportedEvent | undefined) => event?.ambiguities.map((a) => a.code) ?? [];

describe('Markdown timeline shapes', () => {
  it('reads a table', async () => {
    const { events, warnings } = await convert('table.md');
    expect(rows(events)).toEqual([
      ['2026-03-10T14:02:00.000Z', 'Error rate alert fires for checkout-api', 'detection'],
      ['2026-03-10T14:06:00.000Z', 'On-call engineer acknowledges the page', 'observation'],
      ['2026-03-10T14:19:00.000Z', 'Release 2026.03.10-2 rolled back', 'mitigation'],
      ['2026-03-10T14:31:00.000Z', 'Error rate back to normal; incident resolved', 'resolution'],
    ]);
    expect(events.map((e) => e.details.form)).toEqual(['table', 'table', 'table', 'table']);
    expect(warnings).toEqual([]);
  });

  it('reads a bullet list with and without separators, and a continued bullet', async () => {
    const { events } = await convert('bullets.md');
    expect(rows(events)).toEqual([
      ['2026-03-10T14:02:00.000Z', 'Error rate alert fires for checkout-api', 'detection'],
      ['2026-03-10T14:06:00.000Z', 'On-call engineer acknowledges the page', 'observation'],
      [
        '2026-03-10T14:19:00.000Z',
        'Release 2026.03.10-2 rolled back after the canary showed the same 502s',
        'mitigation',
      ],
      ['2026-03-10T14:31:00.000Z', 'Error rate back to normal; incident resolved', 'resolution'],
    ]);
    expect(new Set(events.map((e) => e.details.form))).toEqual(new Set(['bullet']));
  });

  it('reads time headings with the paragraph below each', async () => {
    const { events } = await convert('time-headings.md');
    expect(rows(events)).toEqual([
      ['2026-03-10T14:02:00.000Z', 'Error rate alert fires for checkout-api.', 'detection'],
      [
        '2026-03-10T14:06:00.000Z',
        'On-call engineer acknowledges the page and opens #incident-checkout.',
        'observation',
      ],
      ['2026-03-10T14:19:00.000Z', 'Release 2026.03.10-2 rolled back.', 'mitigation'],
    ]);
  });

  it('reads bare lines that open with a time, and no prose that merely holds numbers', async () => {
    const { events, warnings } = await convert('bare-lines.md');
    expect(events.map((e) => [e.occurredAt.toISOString(), e.originalTimestamp, e.text])).toEqual([
      ['2026-03-10T09:12:00.000Z', '09:12', 'Pods start restarting in the checkout namespace'],
      ['2026-03-10T09:14:00.000Z', '09:14', 'Error rate alert fires for checkout-api'],
      ['2026-03-10T09:20:00.000Z', '09:20', 'On-call engineer acknowledges the page'],
      ['2026-03-10T09:41:00.000Z', '2026-03-10 09:41', 'Release 2026.03.10-2 rolled back'],
      ['2026-03-10T09:55:00.000Z', '09:55', 'Error rate back to normal; incident resolved'],
    ]);
    expect(new Set(events.map((e) => e.details.form))).toEqual(new Set(['line']));
    expect(events.map((e) => e.kind)).toEqual([
      'observation',
      'detection',
      'observation',
      'mitigation',
      'resolution',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads every timeline section, and warns about the one that yields nothing', async () => {
    const { events, warnings } = await convert('two-sections.md');
    expect(events.map((e) => [e.occurredAt.toISOString(), e.details.section ?? null])).toEqual([
      ['2026-03-12T10:04:00.000Z', null],
      ['2026-03-12T10:11:00.000Z', null],
      ['2026-03-12T10:30:00.000Z', null],
      ['2026-03-12T11:05:00.000Z', 'Recovery timeline'],
      ['2026-03-12T11:48:00.000Z', 'Recovery timeline'],
    ]);
    expect(events.some((e) => /freshness alert fired within/.test(e.text))).toBe(false);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['TIMELINE_SECTION_EMPTY', 'two-sections.md:22'],
    ]);
    expect(warnings[0]?.message).toContain('"Follow-up timeline"');
  });

  it('keeps approximate and partial times as estimates with the text as written', async () => {
    const { events, warnings } = await convert('approximate-times.md');
    expect(
      events.map((e) => [e.occurredAt.toISOString(), e.originalTimestamp, e.details.precision]),
    ).toEqual([
      ['2026-03-25T08:15:00.000Z', '~08:15', 'estimated'],
      ['2026-03-25T10:00:00.000Z', '10:??', 'estimated'],
      ['2026-03-25T15:00:00.000Z', 'around 3pm', 'estimated'],
      ['2026-03-25T15:40:00.000Z', 'approx. 15:40', 'estimated'],
    ]);
    expect(events.map((e) => e.details.approximate)).toEqual([
      'written "~"',
      'minutes unknown',
      'written "around"',
      'written "approx."',
    ]);
    for (const event of events) {
      expect(codes(event)).toContain('TIME_APPROXIMATE');
    }
    expect(events[2]?.text).toBe('Sending resumed after the queue was drained');
    expect(warnings).toEqual([]);
  });

  it('reads chat pasted with a 12-hour clock, its authors, across midnight', async () => {
    const { events, warnings } = await convert('pasted-chat.md');
    expect(events.map((e) => [e.occurredAt.toISOString(), e.actor, e.text])).toEqual([
      [
        '2026-03-21T06:52:00.000Z',
        'Dana Whitfield',
        "the payment provider's webhooks are timing out again, alert just fired",
      ],
      ['2026-03-21T06:58:00.000Z', 'Sam Okafor', 'acked, looking at the webhook workers'],
      ['2026-03-21T07:04:00.000Z', 'Sam Okafor', 'restarted the webhook workers, queue draining'],
      ['2026-03-21T07:31:00.000Z', 'Dana Whitfield', 'timeouts gone for 20 minutes, resolved'],
    ]);
    expect(events.map((e) => e.originalZone)).toEqual(['PDT', 'PDT', 'PDT', 'PDT']);
    expect(new Set(events.map((e) => e.details.form))).toEqual(new Set(['chat']));
    expect(events.map((e) => e.kind)).toEqual([
      'detection',
      'observation',
      'mitigation',
      'resolution',
    ]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['MIDNIGHT_ROLLOVER', 'pasted-chat.md:14'],
    ]);
  });

  it('moves the rows after a midnight roll-over to the next day; equal times keep file order', async () => {
    const { events, warnings } = await convert('midnight.md');
    expect(events.map((e) => [e.occurredAt.toISOString(), e.text])).toEqual([
      ['2026-03-18T23:50:00.000Z', 'Nightly billing batch alert fires: batch still running'],
      ['2026-03-18T23:58:00.000Z', 'On-call engineer paged'],
      ['2026-03-19T00:20:00.000Z', 'Batch workers restarted with more memory'],
      ['2026-03-19T00:20:00.000Z', 'Status page updated'],
      ['2026-03-19T01:05:00.000Z', 'Batch finished, incident resolved'],
    ]);
    expect(codes(events[1])).not.toContain('POSSIBLE_MIDNIGHT_ROLLOVER');
    expect(codes(events[2])).toContain('POSSIBLE_MIDNIGHT_ROLLOVER');
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['MIDNIGHT_ROLLOVER', 'midnight.md:9'],
    ]);
  });

  it('reads a zone named in prose ("all times PDT"), and one given as an IANA name', async () => {
    const pdt = await convert('zone-in-prose.md');
    expect(pdt.events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2026-03-24T14:40:00.000Z',
      '2026-03-24T14:52:00.000Z',
      '2026-03-24T15:20:00.000Z',
    ]);
    expect(codes(pdt.events[0])).toEqual(['DATE_FROM_DOCUMENT', 'ZONE_FROM_PROSE']);
    const berlin = await convert('zone-named-iana.md');
    expect(berlin.events.map((e) => [e.occurredAt.toISOString(), e.originalZone])).toEqual([
      ['2026-03-06T08:58:00.000Z', 'Europe/Berlin'],
      ['2026-03-06T09:25:00.000Z', 'Europe/Berlin'],
    ]);
  });

  it('reads the timeline in the prose zone and a quoted alert in its own zone', async () => {
    const { events } = await convert('quoted-alert-zone.md');
    expect(events.map((e) => [e.occurredAt.toISOString(), e.originalZone])).toEqual([
      ['2026-03-10T23:05:00.000Z', '-07:00'],
      ['2026-03-10T23:12:00.000Z', '-07:00'],
      ['2026-03-10T23:40:00.000Z', '-07:00'],
    ]);
    expect(events[0]?.details.quotedTimes).toEqual([
      { text: '2026-03-10 23:05:00 UTC', at: '2026-03-10T23:05:00.000Z' },
    ]);
    expect(events[2]?.details.quotedTimes).toEqual([
      { text: '2026-03-10T23:41:00Z', at: '2026-03-10T23:41:00.000Z' },
    ]);
    expect(events.flatMap(codes)).not.toContain('QUOTE_TIME_DIFFERS');
    expect(events[0]?.text).toBe('Error rate alert fires in #incident-checkout:');
  });

  it('flags a row whose quoted alert is hours away: the prose zone is probably wrong', async () => {
    const { events } = await convert('quoted-alert-zone-mismatch.md');
    expect(events[0]?.occurredAt.toISOString()).toBe('2026-03-10T16:05:00.000Z');
    expect(codes(events[0])).toContain('QUOTE_TIME_DIFFERS');
    expect(codes(events[1])).not.toContain('QUOTE_TIME_DIFFERS');
  });

  it('warns naming a Timeline section that yields nothing', async () => {
    const { events, warnings } = await convert('empty-timeline.md');
    expect(events).toEqual([]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['TIMELINE_SECTION_EMPTY', 'empty-timeline.md:3'],
    ]);
  });
});
