import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { githubConverter } from '../github/github-converter.ts';
import { grafanaConverter } from '../grafana/grafana-converter.ts';
import { opsgenieConverter } from '../opsgenie/opsgenie-converter.ts';
import { pagerdutyConverter } from '../pagerduty/pagerduty-converter.ts';
import { statuspageConverter } from '../statuspage/statuspage-converter.ts';
import { alertmanagerConverter } from './alertmanager-converter.ts';

const root = sharedFixture('payloads');
const present = existsSync(root);
if (!present) {
  console.warn(`fixtures not found at ${root}: webhook fixture tests skipped`);
}

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

const cases = present
  ? Object.entries(vendors).flatMap(([vendor, converter]) =>
      filesUnder(join(root, vendor))
        .filter((path) => path.endsWith('.json') && !path.includes('signature-vectors'))
        .map((path) => ({ vendor, converter, path, name: path.slice(root.length + 1) })),
    )
  : [];

describe.skipIf(!present)('webhook fixtures', () => {
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

  it('rejects the Alertmanager schema text with VALIDATION_FAILED', () => {
    const name = 'alertmanager/alertmanager-webhook-schema.from-docs.txt';
    const text = readFileSync(join(root, name), 'utf8');
    expect(() => alertmanagerConverter.convertText(text, name)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('keeps a firing alert firing whatever its endsAt', () => {
    const name = 'alertmanager/alertmanager-bot.firing.json';
    const result = alertmanagerConverter.convertText(readFileSync(join(root, name), 'utf8'), name);
    expect(result.events.map((event) => event.kind)).toEqual(['detection']);
    const [event] = result.events;
    expect(event?.originalTimestamp).toBe('2018-11-04T22:43:58.283995108+01:00');
    expect(event?.occurredAt.toISOString()).toBe('2018-11-04T21:43:58.283Z');
    expect(event?.originalZone).toBe('+01:00');
    expect(event?.details.startsAt).toEqual({
      original: '2018-11-04T22:43:58.283995108+01:00',
      epochNanos: '1541367838283995108',
    });
    expect(result.instants.map((instant) => instant.name)).toEqual(['detected_at']);
  });

  it('resolves a resolved alert at endsAt, with the same detection id as its firing', () => {
    const read = (name: string) =>
      alertmanagerConverter.convertText(readFileSync(join(root, name), 'utf8'), name);
    const firing = read('alertmanager/alertmanager-bot.firing.json');
    const resolved = read('alertmanager/alertmanager-bot.resolved.json');
    expect(resolved.events[0]?.externalId).toBe(firing.events[0]?.externalId);
    expect(resolved.events[1]?.kind).toBe('resolution');
    expect(resolved.events[1]?.occurredAt.toISOString()).toBe('2018-11-04T21:48:13.283Z');
    expect(resolved.instants.map((instant) => instant.name)).toEqual([
      'detected_at',
      'resolved_at',
    ]);
  });

  it('keeps Opsgenie nanosecond epochs digit for digit', () => {
    const name = 'opsgenie/zulip-fixtures/create.json';
    const result = opsgenieConverter.convertText(readFileSync(join(root, name), 'utf8'), name);
    const [event] = result.events;
    expect(event?.originalTimestamp).toBe('1502709956288000110');
    expect(event?.details.updatedAtNs).toBe('1502709956288000110');
    expect(event?.occurredAt.toISOString()).toBe('2017-08-14T11:25:56.288Z');
    expect(event?.externalId).toBe(
      'opsgenie:ec03dad6-62c8-4c94-b38b-d88f398e900f:Create:1502709956288000110',
    );
  });

  it('reads PagerDuty notes from {incident, content} and maps event types to kinds', () => {
    const read = (name: string) =>
      pagerdutyConverter.convertText(readFileSync(join(root, name), 'utf8'), name);
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
    const result = statuspageConverter.convertText(readFileSync(join(root, name), 'utf8'), name);
    expect(result.events.map((event) => event.kind)).toEqual(['communication', 'resolution']);
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
