import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlackTs } from './slack-ts.ts';

describe('parseSlackTs', () => {
  it.each([
    ['1452837352.000006', '2016-01-15T05:55:52.000Z'],
    ['1452837352.999999', '2016-01-15T05:55:52.999Z'],
    ['1704067200.5', '2024-01-01T00:00:00.500Z'],
    ['0.000001', '1970-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (ts, iso) => {
    expect(parseSlackTs(ts)?.toISOString()).toBe(iso);
  });

  it.each([
    [1452837352.000006],
    ['1452837352'],
    ['.5'],
    ['1.'],
    ['12345678901.0'],
    ['1.1234567'],
    ['1e9.0'],
    ['-1.0'],
    [' 1.0'],
  ])('refuses %s', (ts) => {
    expect(parseSlackTs(ts)).toBeUndefined();
  });

  it('agrees with BigInt arithmetic for every well-formed ts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        (s, us) => {
          const ts = `${s}.${String(us).padStart(6, '0')}`;
          const expected = Number((BigInt(s) * 1_000_000n + BigInt(us)) / 1000n);
          expect(parseSlackTs(ts)?.getTime()).toBe(expected);
        },
      ),
    );
  });
});
