import { describe, expect, it } from 'vitest';
import { shortenLabel } from './shorten-label.ts';

describe('shortenLabel', () => {
  it('keeps a label that fits', () => {
    expect(shortenLabel('Pager fired for checkout-api', 80)).toBe('Pager fired for checkout-api');
  });

  it('cuts a long label to the limit with an ellipsis', () => {
    expect(shortenLabel('Rolled back the connection pool change', 10)).toBe('Rolled ba…');
  });

  it('never cuts an emoji in half', () => {
    const label = shortenLabel(`${'x'.repeat(8)}🔥🔥 pager`, 10);
    expect(label).toBe(`${'x'.repeat(8)}🔥…`);
    expect(label).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
