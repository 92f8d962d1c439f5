import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ownFixture,
  sharedFixture,
  sharedFixturesPresent,
} from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { githubConverter } from '../github/github-converter.ts';
import { grafanaConverter } from '../grafana/grafana-converter.ts';
import { opsgenieConverter } from '../opsgenie/opsgenie-converter.ts';
import { pagerdutyConverter } from '../pagerduty/pagerduty-converter.ts';
import { statuspageConverter } from '../statuspage/statuspage-converter.ts';
import { alertmanagerConverter } from './alertmanager-converter.ts';

/** The project's own vendor payloads, and the recorded real ones beside the repository. */
const ownRoot = ownFixture('payloads');
const sharedRoot = sharedFixture('payloads');
const sharedPresent = sharedFixturesPresent('webhook fixtures: the recorded real payloads');

const vendors = {
  alertmanager: alertmanagerConverter,
  grafana: grafanaConverter,
  pagerduty: pagerdutyConverter,
  opsgenie: opsgenieConverter,
  statuspage: statuspageConverter,
  github: githubConverter,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every vendor's JSON payloads under `root`, named `<label>/<vendor>/<file>`. */
const casesUnder = (root: string, label: string) =>
  Object.entries(vendors).flatMap(([vendor, converter]) =>
    filesUnder(join(root, vendor))
      .filter((path) => path.endsWith('.json') && !path.includes('signature-vectors'))
      .map((path) => ({
        vendor,
        converter,
        path,
        name: `${label}/${path.slice(root.length + 1)}`,
      })),
  );

const cases = [
  ...casesUnder(ownRoot, 'own'),
  ...(sharedPresent ? casesUnder(sharedRoot, 'shared') : []),
];

/** Alertmanager's documented field list, as a person might paste it: text, not a JSON body. */
const alertmanagerFieldList = `{
  "version": "4",
  "groupKey": <string>,              // key identifying the group of alerts
  "status": "<resolved|firing>",
  "alerts": [ { "status": "<resolved|firing>", "startsAt": "<rfc3339>" }, ... ]
}`;

describe('webhook fixtures', () => {
  it.each(cases)('$name converts, twice identically', ({ converter, path, name }) => {
    const text = readFileSync(path, 'utf8');
    const first = converter.convertText(text, name);
    const second = converter.convertText(text, name);
    expect(second).toEqual(first);
    const ignored = first.warnings.some((warning) => warning.code === 'GITHUB_EVENT_IGNORED');
    expect(first.events.length > 0 || ignored).toBe(true);
    const ids = first.events.map((event) => event.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const event of first.events) {
      expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
      expect(event.sourceRef.length).toBeGreaterThan(0);
    }
  });

  it('detects each fixture as its own source', () => {
    for (const { vendor, path, name } of cases) {
      const head = readFileSync(path, 'utf8').slice(0, 4096);
      const scores = Object.entries(vendors).map(
        ([v, c]) => [v, c.detect({ fileName: name, head })] as const,
      );
      const best = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
      expect([name, best[0]]).toEqual([name, vendor]);
    }
  });

  it('rejects the Alertmanager field list (text, not JSON) with VALIDATION_FAILED', () => {
    expect(() =>
      alertmanagerConverter.convertText(alertmanagerFieldList, 'alertmanager-fields.txt'),
    ).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  const own = (name: string) => readFileSync(join(ownRoot, name), 'utf8');

  it('keeps a firing alert firing whatever its endsAt', () => {
    const name = 'alertmanager/search-index-lag.firing.json';
    const result = alertmanagerConverter.convertText(own(name), name);
    expect(result.events.map((event) => event.kind)).toEqual(['detection']);
    const [event] = result.events;
    expect(event?.originalTimestamp).toBe('2026-11-16T11:40:02.118406723+01:00');
    expect(event?.occurredAt.toISOString()).toBe('2026-11-16T10:40:02.118Z');
    expect(event?.originalZone).toBe('+01:00');
    expect(event?.details.startsAt).toEqual({
      original: '2026-11-16T11:40:02.118406723+01:00',
      epochNanos: '1794825602118406723',
    });
    expect(result.instants.map((instant) => instant.name)).toEqual(['detected_at']);
  });

  it('resolves a resolved alert at endsAt, with the same detection id as its firing', () => {
    const read = (name: string) => alertmanagerConverter.convertText(own(name), name);
    const firing = read('alertmanager/search-index-lag.firing.json');
    const resolved = read('alertmanager/search-index-lag.resolved.json');
    expect(resolved.events[0]?.externalId).toBe(firing.events[0]?.externalId);
    expect(resolved.events[1]?.kind).toBe('resolution');
    expect(resolved.events[1]?.occurredAt.toISOString()).toBe('2026-11-16T11:07:47.118Z');
    expect(resolved.instants.map((instant) => instant.name)).toEqual([
      'detected_at',
      'resolved_at',
    ]);
  });

  it('keeps Opsgenie nanosecond epochs digit for digit', () => {
    const name = 'opsgenie/checkout-alert-create.json';
    const result = opsgenieConverter.convertText(own(name), name);
    const [event] = result.events;
    // 1794823320123456789 is past 2^53: a plain JSON.parse would round its last digits.
    expect(event?.originalTimestamp).toBe('1794823320123456789');
    expect(event?.details.updatedAtNs).toBe('1794823320123456789');
    expect(event?.occurredAt.toISOString()).toBe('2026-11-16T10:02:00.123Z');
    expect(event?.externalId).toBe(
      'opsgenie:7d3c1a2e-0b9f-4a61-9e3f-checkout0001:Create:1794823320123456789',
    );
  });

  it('reads PagerDuty notes from {incident, content} and maps event types to kinds', () => {
    const read = (name: string) => pagerdutyConverter.convertText(own(name), name);
    expect(read('pagerduty/checkout-annotated.json').events[0]).toMatchObject({
      kind: 'communication',
      sourceRef: 'Q1CHECKOUT',
      actor: 'River Osei',
    });
    expect(read('pagerduty/checkout-acknowledged.json').instants[0]?.name).toBe('acknowledged_at');
    expect(read('pagerduty/checkout-trigger-v2.json').events[0]).toMatchObject({
      kind: 'detection',
      externalId: 'pagerduty:log:R7CHKOUT0TRIGGER0000000001',
    });
  });

  it('orders Statuspage updates oldest first', () => {
    const name = 'statuspage/checkout-incident-resolved.json';
    const result = statuspageConverter.convertText(own(name), name);
    expect(result.events.map((event) => event.kind)).toEqual([
      'communication',
      'communication',
      'resolution',
    ]);
    expect(result.instants[0]?.name).toBe('resolved_at');
  });

  it('throws only DomainErrors on mutated fixtures', () => {
    const texts = cases.map((c) => ({
      converter: c.converter,
      text: readFileSync(c.path, 'utf8'),
      name: c.name,
    }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 12 }),
        (pick, at, length, insert) => {
          const sample = texts[pick];
          if (sample === undefined) {
            return;
          }
          const start = at % (sample.text.length + 1);
          const mutated =
            sample.text.slice(0, start) + insert + sample.text.slice(start + (length % 8));
          try {
            sample.converter.convertText(mutated, sample.name);
          } catch (error) {
            if (!isDomainError(error)) {
              throw error;
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('throws only DomainErrors when any value of a fixture is replaced', () => {
    const docs = cases.map((c) => ({
      converter: c.converter,
      data: JSON.parse(readFileSync(c.path, 'utf8')) as unknown,
      name: c.name,
    }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: docs.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.jsonValue(),
        (pick, steps, value) => {
          const doc = docs[pick];
          if (doc === undefined) {
            return;
          }
          const copy = structuredClone(doc.data);
          replaceAlong(copy, steps, value);
          try {
            doc.converter.convertText(JSON.stringify(copy), doc.name);
          } catch (error) {
            if (!isDomainError(error)) {
              throw error;
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe.skipIf(!sharedPresent)('webhook fixtures: the recorded real payloads', () => {
  const shared = (name: string) => readFileSync(join(sharedRoot, name), 'utf8');

  it('rejects the Alertmanager schema text from its docs with VALIDATION_FAILED', () => {
    const name = 'alertmanager/alertmanager-webhook-schema.from-docs.txt';
    expect(() => alertmanagerConverter.convertText(shared(name), name)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('keeps a firing alert firing whatever its endsAt, and resolves it at endsAt', () => {
    const read = (name: string) => alertmanagerConverter.convertText(shared(name), name);
    const firing = read('alertmanager/alertmanager-bot.firing.json');
    expect(firing.events.map((event) => event.kind)).toEqual(['detection']);
    expect(firing.events[0]?.originalTimestamp).toBe('2018-11-04T22:43:58.283995108+01:00');
    expect(firing.events[0]?.occurredAt.toISOString()).toBe('2018-11-04T21:43:58.283Z');
    const resolved = read('alertmanager/alertmanager-bot.resolved.json');
    expect(resolved.events[0]?.externalId).toBe(firing.events[0]?.externalId);
    expect(resolved.events[1]?.occurredAt.toISOString()).toBe('2018-11-04T21:48:13.283Z');
  });

  it('keeps Opsgenie nanosecond epochs digit for digit', () => {
    const name = 'opsgenie/zulip-fixtures/create.json';
    const [event] = opsgenieConverter.convertText(shared(name), name).events;
    expect(event?.originalTimestamp).toBe('1502709956288000110');
    expect(event?.occurredAt.toISOString()).toBe('2017-08-14T11:25:56.288Z');
  });

  it('reads PagerDuty notes from {incident, content} and maps event types to kinds', () => {
    const read = (name: string) => pagerdutyConverter.convertText(shared(name), name);
    expect(read('pagerduty/zulip-fixtures/annotated_v3.json').events[0]).toMatchObject({
      kind: 'communication',
      sourceRef: 'Q3B15VLMF3ASBD',
      actor: 'Harsh Santwani',
    });
    expect(read('pagerduty/zulip-fixtures/acknowledged_v3.json').instants[0]?.name).toBe(
      'acknowledged_at',
    );
    expect(read('pagerduty/zulip-fixtures/trigger_v2.json').events[0]?.kind).toBe('detection');
  });

  it('orders Statuspage updates oldest first', () => {
    const name = 'statuspage/zulip-fixtures/incident_update.json';
    const result = statuspageConverter.convertText(shared(name), name);
    expect(result.events.map((event) => event.kind)).toEqual(['communication', 'resolution']);
  });
});

/** Walks down `steps` (each picks a child by index) and replaces the value reached. */
function replaceAlong(node: unknown, steps: number[], value: unknown): void {
  let current = node;
  for (const [i, step] of steps.entries()) {
    if (typeof current !== 'object' || current === null) {
      return;
    }
    const container = current as Record<string, unknown>;
    const keys = Object.keys(container);
    const key = keys[step % Math.max(keys.length, 1)];
    if (key === undefined) {
      return;
    }
    if (i === steps.length - 1 || typeof container[key] !== 'object' || container[key] === null) {
      container[key] = value;
      return;
    }
    current = container[key];
  }
}
