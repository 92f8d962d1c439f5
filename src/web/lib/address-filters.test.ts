import { describe, expect, it } from 'vitest';
import { addressFilters } from './address-filters.ts';

const incidents = addressFilters('/incidents', ['kind', 'severity', 'service', 'q'] as const);

describe('addressFilters', () => {
  it('reads the filters of its keys, trimmed, and leaves out empty values and other keys', () => {
    const query = new URLSearchParams(
      'severity=sev2&q=%20pool%20exhaustion%20&service=&kind=%20%20&tab=timeline',
    );
    expect(incidents.fromQuery(query)).toStrictEqual({ severity: 'sev2', q: 'pool exhaustion' });
  });

  it('writes the address in the order of its keys, whatever the order of the filters', () => {
    expect(
      incidents.href({
        q: 'cache',
        service: 'checkout-api',
        severity: 'sev3',
        kind: 'degradation',
      }),
    ).toBe('/incidents?kind=degradation&severity=sev3&service=checkout-api&q=cache');
  });

  it('is the bare path without a filter, and leaves out blank values', () => {
    expect(incidents.href({})).toBe('/incidents');
    expect(incidents.href({ kind: ' ', q: undefined })).toBe('/incidents');
    expect(incidents.href({ service: ' payments-db ', q: '' })).toBe(
      '/incidents?service=payments-db',
    );
  });

  it('reads back what it wrote, words with spaces, commas and ampersands included', () => {
    const filters = { kind: 'outage,degradation', q: '"pool exhausted" & -drill' };
    const href = incidents.href(filters);
    expect(href).toBe('/incidents?kind=outage%2Cdegradation&q=%22pool+exhausted%22+%26+-drill');
    expect(incidents.fromQuery(new URL(href, 'http://localhost').searchParams)).toStrictEqual(
      filters,
    );
  });
});
