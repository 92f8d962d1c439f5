import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { metricsConverter } from './metrics-converter.ts';

const sample = fc.tuple(
  fc.oneof(fc.double(), fc.integer({ min: 1_400_000_000, max: 1_800_000_000 })),
  fc.oneof(fc.double().map(String), fc.constantFrom('NaN', '+Inf', '-Inf', 'x', '')),
);
const matrix = fc
  .array(
    fc.record({
      metric: fc.dictionary(fc.string(), fc.string()),
      values: fc.array(sample, { maxLength: 30 }),
    }),
    { maxLength: 4 },
  )
  .map((result) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
const csv = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 1_400_000_000, max: 1_800_000_000 }).map(String), fc.string()),
      fc.double(),
    ),
    { maxLength: 40 },
  )
  .map((rows) => ['timestamp,value>0.5', ...rows.map(([ts, v]) => `${ts},${v}`)].join('\n'));

describe('metricsConverter on random input', () => {
  it('never fails with anything but a DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(matrix, csv, fc.string(), fc.json()), async (text) => {
        try {
          for await (const chunk of metricsConverter.convert(
            { kind: 'text', fileName: 'm', text },
            {},
          )) {
            for (const event of chunk.events) {
              expect(Number.isNaN(event.occurredAt.getTime())).toBe(false);
            }
            for (const series of chunk.series ?? []) {
              expect(series.points.every(([, value]) => Number.isFinite(value))).toBe(true);
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
