import { converters } from '../../../src/importers/converters.ts';
import type { SourceConverter } from '../../../src/importers/source-converter.ts';

/**
 * A tiny converter for pipeline tests: lines `ISO-instant|kind|text`, after a first line
 * `#debrief-test`. A line `FAIL` throws mid-import (to prove nothing is written).
 */
export const testConverter: SourceConverter = {
  source: 'statuspage',
  accepts: ['text'],
  detect: (sample) => (sample.head.startsWith('#debrief-test') ? 1 : 0),
  async *convert(input) {
    if (input.kind !== 'text') {
      throw new Error('text only');
    }
    const lines = input.text.split('\n').slice(1).filter(Boolean);
    for (const [i, line] of lines.entries()) {
      if (line === 'FAIL') {
        throw new Error(`line ${i + 2} says FAIL`);
      }
      const [at = '', kind = '', text = ''] = line.split('|');
      yield {
        events: [
          {
            externalId: `t:${at}:${text}`,
            occurredAt: new Date(at),
            originalTimestamp: at,
            originalZone: 'UTC',
            text,
            kind: kind as 'detection',
            actor: null,
            sourceRef: input.fileName,
            rawRef: `${input.fileName}:${i + 2}`,
            details: {},
            ambiguities: [],
          },
        ],
        linesCollapsed: 1,
        warnings:
          i === 0 ? [{ code: 'TEST', message: 'first line', where: `${input.fileName}:2` }] : [],
      };
    }
  },
};

/** Puts the test converter first in the registry; returns the undo. */
export function registerTestConverter(): () => void {
  converters.unshift(testConverter);
  return () => {
    const at = converters.indexOf(testConverter);
    if (at >= 0) {
      converters.splice(at, 1);
    }
  };
}
