import { describe, expect, it } from 'vitest';
import { quoteBigIntegers } from '../opsgenie/quote-big-integers.ts';
import { isGoZeroTime, parseRfc3339 } from './rfc3339.ts';

describe('parseRfc3339', () => {
  it('keeps nanoseconds and the offset', () => {
    expect(parseRfc3339('2018-03-07T06:33:21.873077559-05:00')).toEqual({
      at: new Date('2018-03-07T11:33:21.873Z'),
      original: '2018-03-07T06:33:21.873077559-05:00',
      zone: '-05:00',
      epochNanos: '1520422401873077559',
    });
    expect(parseRfc3339('2019-05-15T15:20:53Z')?.zone).toBe('UTC');
    expect(parseRfc3339('2022-01-03T01:28:40+00:00')?.at.toISOString()).toBe(
      '2022-01-03T01:28:40.000Z',
    );
  });

  it('refuses the Go zero time, absurd years and impossible dates', () => {
    expect(isGoZeroTime('0001-01-01T00:00:00Z')).toBe(true);
    expect(parseRfc3339('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseRfc3339('20202-01-16T10:00:00Z')).toBeNull();
    expect(parseRfc3339('2021-02-30T10:00:00Z')).toBeNull();
    expect(parseRfc3339('2021-02-03 10:00')).toBeNull();
  });
});

describe('quoteBigIntegers', () => {
  it('quotes 16+ digit integers outside strings only', () => {
    const text =
      '{"a":1502709956288000110,"b":1502709956288,"c":"1234567890123456789","d":[-12345678901234567]}';
    expect(JSON.parse(quoteBigIntegers(text))).toEqual({
      a: '1502709956288000110',
      b: 1502709956288,
      c: '1234567890123456789',
      d: ['-12345678901234567'],
    });
    expect(quoteBigIntegers('{"s":"a \\" 12345678901234567"}')).toBe(
      '{"s":"a \\" 12345678901234567"}',
    );
  });
});
