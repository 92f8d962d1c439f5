import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ImportChunk, ImportOptions } from '../source-converter.ts';
import { metricsConverter } from './metrics-converter.ts';

const own = ownFixture('payloads/prometheus');
const fixtures = sharedFixture('payloads/prometheus');
const haveFixtures = existsSync(fixtures);
if (!haveFixtures) {
  console.warn(`Prometheus fixtures not found at ${fixtures}; skipping the docs' examples`);
}

async function run(fileName: string, text: string, options: ImportOptions = {}) {
  const chunks: ImportChunk[] = [];
  for await (const chunk of metricsConverter.convert({ kind: 'text', fileName, text }, options)) {
    chunks.push(chunk);
  }
  return {
    events: chunks.flatMap((chunk) => chunk.events),
    series: chunks.flatMap((chunk) => chunk.series ?? []),
    warnings: chunks.flatMap((chunk) => chunk.warnings ?? []),
  };
}

async function failure(fileName: string, text: string) {
  const error = await run(fileName, text).catch((caught: unknown) => caught);
  expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
  return isDomainError(error)
    ? (error.details?.errors as Array<{ path: string; code: string }>)
    : [];
}

const minute = (m: number) => Date.UTC(2024, 2, 5, 14, m) / 1000;

/** What one set of Prometheus responses holds: its files and what they must convert to. */
interface ResponseSet {
  title: string;
  dir: string;
  rangeFile: string;
  instantFile: string;
  /** The two `up` series' names; the second rises from 0 to 1 at its third sample. */
  seriesNames: [string, string];
  /** The range query's three sample times (ms) and the instant query's one. */
  rangeTimes: [number, number, number];
  instantTime: number;
  rise: { text: string; at: string; original: string };
  alert: { originalTimestamp: string; originalZone: string; at: string };
}

const responseSets: Array<ResponseSet & { skip: boolean }> = [
  {
    title: 'the project’s own Prometheus responses',
    dir: own,
    skip: false,
    rangeFile: 'search-indexer-up.query_range.json',
    instantFile: 'search-indexer-up.query.json',
    seriesNames: [
      'up{instance="search-indexer-1:9100",job="search-indexer"}',
      'up{instance="search-indexer-2:9100",job="search-indexer"}',
    ],
    rangeTimes: [1794825600500, 1794825615500, 1794825630500],
    instantTime: 1794825615500,
    rise: {
      text: 'up{instance="search-indexer-2:9100",job="search-indexer"} rose from 0 to 1 at 10:40 UTC',
      at: '2026-11-16T10:40:30.500Z',
      original: '1794825630.5',
    },
    alert: {
      originalTimestamp: '2026-11-16T11:38:02.11840672+01:00',
      originalZone: '+01:00',
      at: '2026-11-16T10:38:02.118Z',
    },
  },
  {
    title: 'the Prometheus docs’ examples',
    dir: fixtures,
    skip: !haveFixtures,
    rangeFile: 'query_range.up.json',
    instantFile: 'query.up.json',
    seriesNames: [
      'up{instance="localhost:9090",job="prometheus"}',
      'up{instance="localhost:9091",job="node"}',
    ],
    rangeTimes: [1435781430781, 1435781445781, 1435781460781],
    instantTime: 1435781451781,
    rise: {
      text: 'up{instance="localhost:9091",job="node"} rose from 0 to 1 at 20:11 UTC',
      at: '2015-07-01T20:11:00.781Z',
      original: '1435781460.781',
    },
    alert: {
      originalTimestamp: '2018-07-04T20:27:12.60602144+02:00',
      originalZone: '+02:00',
      at: '2018-07-04T18:27:12.606Z',
    },
  },
];

for (const set of responseSets) {
  describe.skipIf(set.skip)(`metricsConverter on ${set.title}`, () => {
    const read = (name: string) => readFileSync(join(set.dir, name), 'utf8');

    it('keeps the query_range series and finds the step of `up` on the second target', async () => {
      const { events, series } = await run(set.rangeFile, read(set.rangeFile));
      const [first, second, third] = set.rangeTimes;
      expect(series.map((s) => [s.name, s.points])).toEqual([
        [
          set.seriesNames[0],
          [
            [first, 1],
            [second, 1],
            [third, 1],
          ],
        ],
        [
          set.seriesNames[1],
          [
            [first, 0],
            [second, 0],
            [third, 1],
          ],
        ],
      ]);
      expect(
        events.map((e) => [e.text, e.occurredAt.toISOString(), e.originalTimestamp, e.rawRef]),
      ).toEqual([[set.rise.text, set.rise.at, set.rise.original, '/data/result/1/values/2']]);
      const again = await run(set.rangeFile, read(set.rangeFile));
      expect(again.events.map((e) => e.externalId)).toEqual(events.map((e) => e.externalId));
    });

    it('keeps an instant query as one-point series with a warning, and refuses a scalar', async () => {
      const { events, series, warnings } = await run(set.instantFile, read(set.instantFile));
      expect(events).toEqual([]);
      expect(series.map((s) => s.points)).toEqual([[[set.instantTime, 1]], [[set.instantTime, 0]]]);
      expect(warnings.map((w) => w.code)).toEqual(['METRIC_INSTANT_QUERY']);
      const scalar = JSON.stringify({
        status: 'success',
        data: { resultType: 'scalar', result: [set.instantTime / 1000, '2'] },
      });
      expect(await failure('scalar.json', scalar)).toEqual([
        expect.objectContaining({ path: 'data.resultType', code: 'METRIC_NOT_A_RANGE' }),
      ]);
    });

    it('turns /alerts and /rules alerts into detection events at activeAt', async () => {
      for (const [file, pointer] of [
        ['alerts.json', '/data/alerts/0'],
        ['rules.json', '/data/groups/0/rules/0/alerts/0'],
      ]) {
        const { events } = await run(file ?? '', read(file ?? ''));
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          kind: 'detection',
          originalTimestamp: set.alert.originalTimestamp,
          originalZone: set.alert.originalZone,
          rawRef: pointer,
        });
        expect(events[0]?.occurredAt.toISOString()).toBe(set.alert.at);
      }
    });
  });
}

describe('metricsConverter', () => {
  it('leaves NaN and ±Inf samples out, with a warning', async () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'x' },
            values: [
              [minute(0), 'NaN'],
              [minute(1), '+Inf'],
              [minute(2), '3'],
            ],
          },
        ],
      },
    };
    const { series, warnings } = await run('x.json', JSON.stringify(body));
    expect(series[0]?.points).toEqual([[minute(2) * 1000, 3]]);
    expect(warnings.map((w) => w.code)).toEqual(['METRIC_VALUES_NOT_FINITE']);
  });

  it('names every malformed sample', async () => {
    const body = {
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: {}, values: [[minute(0), 1], 'x'] }] },
    };
    expect((await failure('x.json', JSON.stringify(body))).map((e) => e.path)).toEqual([
      'data.result[0].values[0]',
      'data.result[0].values[1]',
    ]);
    expect((await failure('x.json', '{"status":'))[0]?.code).toBe('MALFORMED_JSON');
    expect((await failure('x.json', '{"status":"error","error":"bad"}'))[0]?.path).toBe('status');
  });

  it('reads a CSV with a threshold in its header and reports the crossings', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, m) => `${new Date(minute(m) * 1000).toISOString()},${m >= 3 && m < 12 ? 0.09 : 0.01}`,
    );
    const { events, series } = await run(
      'errors.csv',
      ['timestamp,error_rate>5%', ...rows].join('\r\n'),
    );
    expect(series[0]?.name).toBe('error_rate');
    const crossings = events.filter((e) => e.details.rule === 'threshold');
    expect(crossings.map((e) => e.text)).toEqual([
      'error_rate rose above 0.05 at 14:03 UTC (0.09)',
      'error_rate went back below 0.05 at 14:12 UTC (0.01)',
    ]);
    expect(crossings[0]?.rawRef).toBe('errors.csv:5');
    expect(
      events.filter((e) => e.details.rule === 'level_shift').map((e) => e.details.direction),
    ).toEqual(['up', 'down']);
  });

  it("checks every series against a threshold given on the command line, over the file's own", async () => {
    const rows = Array.from(
      { length: 20 },
      (_, m) => `${new Date(minute(m) * 1000).toISOString()},${m >= 3 && m < 12 ? 0.09 : 0.01}`,
    );
    const plain = ['timestamp,error_rate', ...rows].join('\n');
    const none = await run('errors.csv', plain);
    expect(none.events.filter((e) => e.details.rule === 'threshold')).toEqual([]);
    const given = await run('errors.csv', plain, { threshold: { direction: '>', value: 0.05 } });
    expect(given.events.filter((e) => e.details.rule === 'threshold').map((e) => e.text)).toEqual([
      'error_rate rose above 0.05 at 14:03 UTC (0.09)',
      'error_rate went back below 0.05 at 14:12 UTC (0.01)',
    ]);
    const over = await run('errors.csv', ['timestamp,error_rate>50%', ...rows].join('\n'), {
      threshold: { direction: '>', value: 0.05 },
    });
    expect(over.events.filter((e) => e.details.rule === 'threshold')).toHaveLength(2);
  });

  it('reads timestamp,series,value without a header, epoch seconds, and keeps the window', async () => {
    const rows = Array.from({ length: 12 }, (_, m) => [
      `${minute(m)},api,${m < 6 ? 100 : 400}`,
      `${minute(m)},web,50`,
    ]).flat();
    const { events, series } = await run('latency.csv', rows.join('\n'), {
      since: new Date(minute(5) * 1000),
    });
    expect(series.map((s) => s.name)).toEqual(['api', 'web']);
    expect(events.map((e) => e.text)).toEqual(['api rose from 100 to 400 at 14:06 UTC']);
    const none = await run('latency.csv', rows.join('\n'), { until: new Date(minute(5) * 1000) });
    expect(none.events).toEqual([]);
  });

  it('flags zoneless CSV timestamps unless a zone is given', async () => {
    const text =
      'time,value\n2024-03-05 14:00:00,1\n2024-03-05 14:01:00,1\n2024-03-05 14:02:00,9\n';
    const bare = await run('x.csv', text);
    expect(bare.events[0]?.ambiguities.map((a) => a.code)).toEqual(['ZONE_UNKNOWN']);
    const zoned = await run('x.csv', text, { zone: '+01:00' });
    expect(zoned.events[0]?.occurredAt.toISOString()).toBe('2024-03-05T13:02:00.000Z');
  });

  it('warns about unreadable rows and refuses a CSV with none readable', async () => {
    const { warnings } = await run('x.csv', 'timestamp,value\n1709647200,1\nnot-a-time,2\n');
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['METRIC_ROW_INVALID', 'x.csv:3']]);
    expect((await failure('x.csv', 'timestamp,value\nx,1\n'))[0]?.path).toBe('x.csv:2');
    expect((await failure('x.csv', 'just one column\n'))[0]?.code).toBe('METRIC_CSV_SHAPE');
  });

  it('detects its formats', () => {
    expect(
      metricsConverter.detect({
        fileName: 'q.json',
        head: '{"status":"success","data":{"resultType":"matrix"',
      }),
    ).toBeGreaterThan(0.9);
    expect(
      metricsConverter.detect({ fileName: 'm.csv', head: 'timestamp,value\n1,2\n' }),
    ).toBeGreaterThan(0.5);
    expect(metricsConverter.detect({ fileName: 'a.json', head: '{"alerts":[]}' })).toBe(0);
  });
});
