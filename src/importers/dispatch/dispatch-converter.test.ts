import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, mutationArb } from '../../../test/fuzz/support/mutations.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { isDomainError } from '../../domain/errors.ts';
import { dispatchConverter } from './dispatch-converter.ts';
import { parseNaiveUtc } from './naive-timestamp.ts';

const root = sharedFixture('payloads/dispatch-sample-data');
const present = existsSync(root);
if (!present) {
  console.warn(`fixtures not found at ${root}: Dispatch converter tests skipped`);
}
const files = present ? readdirSync(root).filter((f) => f.endsWith('.json')) : [];
const convert = (file: string) =>
  dispatchConverter.convertText(readFileSync(join(root, file), 'utf8'), file);

describe('naive Dispatch timestamps', () => {
  it('reads them as UTC and refuses impossible dates', () => {
    expect(parseNaiveUtc('2021-07-27 19:47:56.293577')?.at.toISOString()).toBe(
      '2021-07-27T19:47:56.293Z',
    );
    expect(parseNaiveUtc('2021-07-30 17:13:17')?.micros).toBe('000000');
    expect(parseNaiveUtc('2021-02-30 10:00:00')).toBeNull();
    expect(parseNaiveUtc('2021-07-27T19:47:56Z')).toBeNull();
  });
});

describe('dispatch converter on the project’s own tables', () => {
  const own = ownFixture('payloads/dispatch');
  const ownFiles = readdirSync(own).filter((f) => f.endsWith('.json'));
  const read = (file: string) => readFileSync(join(own, file), 'utf8');

  it('proposes key instants for a single incident at its naive UTC instants', () => {
    const result = dispatchConverter.convertText(read('checkout-incident.json'), 'incident.json');
    expect(result.events.map((e) => [e.externalId, e.kind])).toEqual([
      ['dispatch:incident:41:reported', 'detection'],
      ['dispatch:incident:41:stable', 'mitigation'],
      ['dispatch:incident:41:closed', 'resolution'],
    ]);
    expect(result.instants.map((i) => [i.name, i.at.toISOString()])).toEqual([
      ['detected_at', '2026-11-16T10:04:12.500Z'],
      ['mitigated_at', '2026-11-16T10:24:30.040Z'],
      ['resolved_at', '2026-11-16T11:05:00.000Z'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('warns for a table without instants', () => {
    const result = dispatchConverter.convertText(
      read('checkout-incident-severity.json'),
      'incident_severity.json',
    );
    expect([result.events.length, result.warnings[0]?.code]).toEqual([
      0,
      'DISPATCH_TABLE_WITHOUT_EVENTS',
    ]);
  });

  it('detects every table and nothing else', () => {
    for (const file of ownFiles) {
      expect([file, dispatchConverter.detect({ fileName: file, head: read(file) })]).toEqual([
        file,
        0.9,
      ]);
    }
    expect(dispatchConverter.detect({ fileName: 'x.json', head: '{"rows":[]}' })).toBe(0);
  });

  it('throws only VALIDATION_FAILED on mutated text and on dropped, flipped or corrupted fields', () => {
    const texts = ownFiles.map(read);
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.nat(),
        fc.string({ maxLength: 8 }),
        mutationArb,
        (which, at, insert, mutation) => {
          const text = texts[which] ?? '';
          const cut = at % (text.length + 1);
          for (const mutated of [
            text.slice(0, cut) + insert + text.slice(cut + insert.length),
            mutate(Buffer.from(text), mutation).toString('utf8'),
          ]) {
            try {
              dispatchConverter.convertText(mutated, 'mutated.json');
            } catch (error) {
              expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!present)('dispatch converter on the Dispatch sample data', () => {
  it.each(files)('%s converts, twice identically', (file) => {
    const first = convert(file);
    expect(convert(file)).toEqual(first);
    const ids = first.events.map((e) => e.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const empty = first.warnings.some((w) => w.code === 'DISPATCH_TABLE_WITHOUT_EVENTS');
    expect(first.events.length > 0 || empty).toBe(true);
  });

  it('imports the 57 timeline entries at their UTC instants with a kind', () => {
    const { events } = convert('event.json');
    expect(events).toHaveLength(57);
    expect(events[0]).toMatchObject({
      externalId: 'dispatch:event:2',
      originalTimestamp: '2021-07-27 19:47:56.293577',
      originalZone: 'UTC',
      actor: 'Dispatch Core App',
      kind: 'detection',
      sourceRef: 'incident:2',
      ambiguities: [],
    });
    expect(events[0]?.occurredAt.toISOString()).toBe('2021-07-27T19:47:56.293Z');
    expect(events[0]?.details).toMatchObject({ zoneAssumed: 'UTC', micros: '293577' });
    const kindOf = (id: string) =>
      events.find((e) => e.externalId === `dispatch:event:${id}`)?.kind;
    expect([kindOf('3'), kindOf('14'), kindOf('29'), kindOf('51'), kindOf('59')]).toEqual([
      'escalation',
      'communication',
      'mitigation',
      'observation',
      'action',
    ]);
  });

  it('turns incidents into reported/stable events without key instants for several', () => {
    const result = convert('incident.json');
    expect(result.events.map((e) => e.externalId)).toEqual([
      'dispatch:incident:2:reported',
      'dispatch:incident:4:reported',
      'dispatch:incident:4:stable',
      'dispatch:incident:5:reported',
      'dispatch:incident:6:reported',
    ]);
    expect(result.events[2]?.occurredAt.toISOString()).toBe('2021-07-27T19:54:03.960Z');
    expect(result.instants).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['DISPATCH_SEVERAL_INCIDENTS']);
  });

  it('proposes key instants for a single incident', () => {
    const table = JSON.parse(readFileSync(join(root, 'incident.json'), 'utf8'));
    table.rows = table.rows.filter((row: { id: string }) => row.id === '4');
    const result = dispatchConverter.convertText(JSON.stringify(table), 'one.json');
    expect(result.instants.map((i) => [i.name, i.at.toISOString()])).toEqual([
      ['detected_at', '2021-07-27T19:52:57.757Z'],
      ['mitigated_at', '2021-07-27T19:54:03.960Z'],
    ]);
  });

  it('warns for tables without instants', () => {
    for (const file of ['incident_priority.json', 'incident_severity.json', 'participant.json']) {
      const result = convert(file);
      expect([file, result.events.length, result.warnings[0]?.code]).toEqual([
        file,
        0,
        'DISPATCH_TABLE_WITHOUT_EVENTS',
      ]);
    }
  });

  it('detects every table and nothing else', () => {
    for (const file of files) {
      const head = readFileSync(join(root, file), 'utf8').slice(0, 4096);
      expect([file, dispatchConverter.detect({ fileName: file, head })]).toEqual([file, 0.9]);
    }
    expect(dispatchConverter.detect({ fileName: 'x.json', head: '{"rows":[]}' })).toBe(0);
  });

  it('throws only VALIDATION_FAILED on mutated text', () => {
    const texts = files.map((f) => readFileSync(join(root, f), 'utf8'));
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.nat(),
        fc.string({ maxLength: 8 }),
        (which, at, insert) => {
          const text = texts[which] ?? '';
          const cut = at % (text.length + 1);
          const mutated = text.slice(0, cut) + insert + text.slice(cut + insert.length);
          try {
            dispatchConverter.convertText(mutated, 'mutated.json');
          } catch (error) {
            expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('throws only VALIDATION_FAILED on dropped, flipped or corrupted fields', () => {
    const originals = files.map((f) => readFileSync(join(root, f)));
    fc.assert(
      fc.property(fc.nat(originals.length - 1), mutationArb, (which, mutation) => {
        const original = originals[which] ?? Buffer.alloc(0);
        try {
          dispatchConverter.convertText(mutate(original, mutation).toString('utf8'), 'm.json');
        } catch (error) {
          expect(isDomainError(error) && error.code === 'VALIDATION_FAILED').toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
