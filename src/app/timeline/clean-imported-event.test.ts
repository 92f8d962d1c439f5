import { describe, expect, it } from 'vitest';
import { limits } from '../../contracts/limits.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { cleanImportedEvent } from './clean-imported-event.ts';

const event = (text: string): ImportedEvent => ({
  externalId: 'slack:C1:1700000000.000100',
  occurredAt: new Date('2026-11-16T10:00:00Z'),
  originalTimestamp: '1700000000.000100',
  originalZone: 'UTC',
  text,
  kind: 'communication',
  actor: 'sre-bot',
  sourceRef: '#incident-checkout',
  rawRef: null,
  details: {},
  ambiguities: [],
});

const max = limits.longTextMax;
const cut = (text: string) => cleanImportedEvent(event(text), 'export.zip').text;
const isWellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text);

describe('an imported event’s over-long text', () => {
  it('is kept whole up to the limit', () => {
    const text = 'x'.repeat(max);
    expect(cut(text)).toBe(text);
  });

  it('is cut to the limit with an ellipsis', () => {
    const text = 'x'.repeat(max + 10);
    expect(cut(text)).toBe(`${'x'.repeat(max - 1)}…`);
  });

  it('is never cut between the two halves of an emoji', () => {
    for (const at of [max - 3, max - 2, max - 1]) {
      const text = `${'x'.repeat(at)}🔥 pager went off again`;
      const shortened = cut(text);
      expect(shortened.length).toBeLessThanOrEqual(max);
      expect(shortened.endsWith('…')).toBe(true);
      expect(isWellFormed(shortened), `emoji at ${at}`).toBe(true);
      expect(shortened).not.toContain('\uFFFD');
    }
  });
});
