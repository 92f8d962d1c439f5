import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { logsConverter } from './logs-converter.ts';

const timestamp = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }).map(String),
  fc.constantFrom(
    'Nov 16 14:03:01',
    '2024-03-05 14:03:01,123',
    '2024-02-30T00:00:00Z',
    '20202-01-16 10:00',
  ),
);
const line = fc.oneof(
  fc.string(),
  fc
    .tuple(timestamp, fc.constantFrom('ERROR', 'INFO', 'warn', ''), fc.string())
    .map((parts) => parts.join(' ')),
  fc
    .record({
      time: fc.oneof(timestamp, fc.integer(), fc.constant(null)),
      level: fc.anything(),
      msg: fc.anything(),
    })
    .map((fields) => JSON.stringify(fields)),
  fc.tuple(timestamp, fc.string()).map(([ts, rest]) => `ts=${ts} level=error msg="${rest}"`),
);

/**
 * 300 random logs of up to 40 lines each, converted one after another: 0.05–1.1 s over 30 seeds
 * at a load average of 17 on two cores (the seed decides how much `fc.anything()` generates).
 * Vitest's default 5 s is a few times that, which a busier runner reaches; this bound leaves
 * room for a runner fifty times slower while still stopping a converter that hangs. The runs
 * and the random seed stay as they are: fast-check prints the seed of a failure to replay it.
 */
const timeout = 60_000;

describe('logsConverter on random lines', () => {
  it('never fails with anything but a DomainError, and every event has a valid instant', {
    timeout,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (lines) => {
        async function* source() {
          yield* lines;
        }
        try {
          for await (const chunk of logsConverter.convert(
            { kind: 'lines', fileName: 'f.log', lines: source() },
            {},
          )) {
            for (const event of chunk.events) {
              expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
              expect(event.externalId).toMatch(/^log-[0-9a-f]{16}$/);
            }
          }
        } catch (error) {
          expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
