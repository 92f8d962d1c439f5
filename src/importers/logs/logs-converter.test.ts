import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportedEvent, ImportWarning } from '../imported-event.ts';
import type { ImportOptions } from '../source-converter.ts';
import { createLogsConverter, logsConverter } from './logs-converter.ts';

async function* from(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[], options: ImportOptions = {}, converter = logsConverter) {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  let linesCollapsed = 0;
  for await (const chunk of converter.convert(
    { kind: 'lines', fileName: 'app.log', lines: from(lines) },
    options,
  )) {
    events.push(...chunk.events);
    warnings.push(...(chunk.warnings ?? []));
    linesCollapsed += chunk.linesCollapsed ?? 0;
  }
  return { events, warnings, linesCollapsed };
}

const at = (second: number) =>
  new Date(Date.UTC(2024, 2, 5, 14, 3, 1) + second * 1000).toISOString();

describe('logsConverter', () => {
  it('collapses a burst of JSON lines into one event with count, first, last and sample', async () => {
    const lines = Array.from({ length: 1243 }, (_, i) =>
      JSON.stringify({
        time: at(i / 3),
        level: 'error',
        msg: `db timeout to "payments-db" after ${i} ms`,
      }),
    );
    lines.push(JSON.stringify({ time: at(500), level: 'info', msg: 'served /health' }));
    lines.push(
      JSON.stringify({ time: at(501), level: 'warn', msg: 'pool exhausted', logger: 'db' }),
    );
    const { events, warnings, linesCollapsed } = await run(lines);
    expect(events).toHaveLength(2);
    const [burst, single] = events;
    expect(burst?.text).toBe(
      'ERROR db timeout to "payments-db" after 0 ms ×1,243 (14:03:01–14:09:55 UTC)',
    );
    expect(burst?.details).toMatchObject({
      count: 1243,
      first: at(0),
      level: 'error',
      template: 'db timeout to <q> after <n> ms',
    });
    expect(burst?.rawRef).toBe('app.log:1');
    expect(burst?.originalZone).toBe('UTC');
    expect(burst?.kind).toBe('observation');
    expect(single?.text).toBe('WARN pool exhausted');
    expect(single?.actor).toBe('db');
    expect(linesCollapsed).toBe(1242);
    expect(warnings.map((w) => w.code)).toEqual(['LOG_LINES_BELOW_LEVEL']);
  });

  it('gives the same external ids on a second import, and different ones for other bursts', async () => {
    const lines = [`${at(0)} ERROR boom 1`, `${at(1)} ERROR boom 2`, `${at(300)} ERROR boom 3`];
    const first = await run(lines);
    const second = await run(lines);
    expect(first.events.map((e) => e.externalId)).toEqual(second.events.map((e) => e.externalId));
    expect(new Set(first.events.map((e) => e.externalId)).size).toBe(2);
    expect(first.events[0]?.externalId).toMatch(/^log-[0-9a-f]{16}$/);
  });

  it('reads logfmt with quoted values', async () => {
    const { events } = await run([
      `ts=${at(0)} level=error logger=api msg="upstream failed" status=502`,
      `ts=${at(1)} level=info msg="ok"`,
    ]);
    expect(events.map((e) => [e.text, e.actor])).toEqual([['ERROR upstream failed', 'api']]);
  });

  it('reads plain text with CRLF, bracketed levels and replacement characters', async () => {
    const { events, warnings } = await run([
      '\uFEFF2024-03-05 14:03:01,123 [ERROR] disk \uFFFD\uFFFD full\r',
      '2024-03-05 14:03:02,456 INFO fine\r',
      '    at Object.<anonymous> (index.js:1:1)\r',
      'no timestamp here\r',
    ]);
    expect(events.map((e) => e.text)).toEqual(['ERROR disk \uFFFD\uFFFD full']);
    expect(events[0]?.originalTimestamp).toBe('2024-03-05 14:03:01,123');
    expect(events[0]?.ambiguities.map((a) => a.code)).toEqual(['ZONE_UNKNOWN']);
    expect(warnings.find((w) => w.code === 'LOG_LINE_UNPARSEABLE')?.where).toBe('app.log:4');
    expect(warnings.map((w) => w.code)).toContain('LOG_LINES_CONTINUATION');
  });

  it('reads syslog with the year and zone from the window and options', async () => {
    const options = {
      since: new Date('2024-11-16T00:00:00Z'),
      until: new Date('2024-11-17T00:00:00Z'),
      zone: 'America/New_York',
    };
    const { events } = await run(
      ['Nov 16 14:03:01 web1 kernel: Out of memory: Killed process 42'],
      options,
    );
    expect(events[0]?.occurredAt.toISOString()).toBe('2024-11-16T19:03:01.000Z');
    expect(events[0]?.originalZone).toBe('America/New_York');
    expect(events[0]?.ambiguities).toEqual([]);
    const bare = await run(['Nov 16 14:03:01 web1 kernel: Out of memory: Killed process 42']);
    expect(bare.events[0]?.ambiguities.map((a) => a.code)).toEqual([
      'DATE_YEAR_MISSING',
      'ZONE_UNKNOWN',
    ]);
  });

  it('reads epoch seconds and milliseconds, as numbers and strings', async () => {
    const { events } = await run([
      JSON.stringify({ ts: 1700000000, level: 'error', msg: 'a failed' }),
      JSON.stringify({ ts: 1700000100123, level: 50, msg: 'b failed' }),
      JSON.stringify({ ts: '1700000200', level: 'ERROR', msg: 'c failed' }),
      JSON.stringify({ ts: '1700000300456', severity: 'CRITICAL', message: 'd failed' }),
    ]);
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([
      '2023-11-14T22:13:20.000Z',
      '2023-11-14T22:15:00.123Z',
      '2023-11-14T22:16:40.000Z',
      '2023-11-14T22:18:20.456Z',
    ]);
    expect(events[3]?.details.level).toBe('fatal');
  });

  it('keeps only the incident window', async () => {
    const lines = [0, 100, 200, 300].map((s) => `${at(s)} ERROR step ${s} failed`);
    const { events, warnings } = await run(lines, {
      since: new Date(at(100)),
      until: new Date(at(200)),
    });
    expect(events.map((e) => e.occurredAt.toISOString())).toEqual([at(100), at(200)]);
    expect(warnings.find((w) => w.code === 'LOG_LINES_OUTSIDE_WINDOW')?.message).toMatch(/^2 /);
  });

  it('refuses a file with no readable line, naming the lines', async () => {
    const error = await run(['hello', 'world']).catch((caught: unknown) => caught);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    expect(isDomainError(error) && error.details?.errors).toEqual([
      expect.objectContaining({ path: 'app.log:1', code: 'LOG_LINE_UNPARSEABLE' }),
      expect.objectContaining({ path: 'app.log:2', code: 'LOG_LINE_UNPARSEABLE' }),
    ]);
  });

  it('reads a whole text too, and refuses a folder', async () => {
    const text = `${at(0)} ERROR a failed\n${at(1)} ERROR a failed\n`;
    const events = [];
    for await (const chunk of logsConverter.convert(
      { kind: 'text', fileName: 't.log', text },
      {},
    )) {
      events.push(...chunk.events);
    }
    expect(events.map((e) => e.details.count)).toEqual([2]);
    const folder = { kind: 'files' as const, fileName: 'dir', files: (async function* () {})() };
    const error = await (async () => {
      for await (const _ of logsConverter.convert(folder, {})) {
        // drained
      }
    })().catch((caught: unknown) => caught);
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  });

  it('refuses an unknown zone', async () => {
    const error = await run([`${at(0)} ERROR x`], { zone: 'Mars/Olympus' }).catch(
      (caught: unknown) => caught,
    );
    expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  });

  it('detects its formats from a sample', () => {
    const jsonl = `${JSON.stringify({ time: at(0), level: 'info', msg: 'x' })}\n${JSON.stringify({ time: at(1), msg: 'y' })}\n`;
    expect(logsConverter.detect({ fileName: 'a.jsonl', head: jsonl })).toBeGreaterThan(0.8);
    expect(
      logsConverter.detect({ fileName: 'a.log', head: `${at(0)} INFO x\n${at(1)} ERROR y\n` }),
    ).toBeGreaterThan(0.5);
    expect(logsConverter.detect({ fileName: 'a.json', head: '{\n  "status": "success"\n}' })).toBe(
      0,
    );
    expect(logsConverter.detect({ fileName: 'x', head: 'a,b\n', paths: ['channels.json'] })).toBe(
      0,
    );
    expect(
      logsConverter.detect({
        fileName: 'hook.json',
        head: '{"timestamp":1485783641962,"msg":"x"}',
      }),
    ).toBeLessThan(0.5);
  });

  it('processes 200k lines holding at most the cap of open bursts', async () => {
    const cap = 50;
    let highest = 0;
    const converter = createLogsConverter({
      maxOpenBursts: cap,
      probe: (open) => {
        highest = Math.max(highest, open);
      },
    });
    async function* lines() {
      for (let i = 0; i < 200_000; i += 1) {
        // 500 distinct templates interleaved, one line every 10 ms: far more templates than the cap.
        yield `${new Date(Date.UTC(2024, 0, 1) + i * 10).toISOString()} ERROR job ${(i % 500).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? '')} failed`;
      }
    }
    let events = 0;
    let collapsed = 0;
    let chunks = 0;
    for await (const chunk of converter.convert(
      { kind: 'lines', fileName: 'big.log', lines: lines() },
      {},
    )) {
      events += chunk.events.length;
      collapsed += chunk.linesCollapsed ?? 0;
      chunks += 1;
    }
    expect(highest).toBe(cap);
    expect(events + collapsed).toBe(200_000);
    expect(chunks).toBeGreaterThan(4);
  }, 60_000);
});
