import { describe, expect, it } from 'vitest';
import { converterFor, detectSource } from './detect-source.ts';
import type { SourceConverter } from './source-converter.ts';

const fake = (source: SourceConverter['source'], score: (head: string) => number) =>
  ({
    source,
    accepts: ['text'],
    detect: (sample) => score(sample.head),
    async *convert() {},
  }) satisfies SourceConverter;

const converters = [
  fake('log', () => 0.3),
  fake('alertmanager', (head) => (head.includes('groupKey') ? 0.95 : 0)),
  fake('github', () => {
    throw new Error('broken detector');
  }),
];

describe('detectSource', () => {
  it('picks the most confident converter and reports every score', () => {
    const detection = detectSource(converters, { fileName: 'a.json', head: '{"groupKey":1}' });
    expect(detection.converter.source).toBe('alertmanager');
    expect(detection.confidence).toBe(0.95);
    expect(detection.scores.map((s) => s.source)).toEqual(['alertmanager', 'log', 'github']);
  });

  it('refuses to guess below the threshold', () => {
    expect(() => detectSource(converters, { fileName: 'a.txt', head: 'hello' })).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('finds a converter by source or says it has none', () => {
    expect(converterFor(converters, 'log').source).toBe('log');
    expect(() => converterFor(converters, 'slack')).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
