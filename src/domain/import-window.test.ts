import { describe, expect, it } from 'vitest';
import { importWindow } from './import-window.ts';
import type { KeyInstants } from './incident.ts';

const at = (iso: string) => ({ at: new Date(iso), source: 'manual', precision: 'exact' as const });
const incident = (instants: KeyInstants) => ({ instants });

describe('importWindow', () => {
  it('spans the earliest to the latest key instant of every incident, ± the hours', () => {
    const window = importWindow(
      [
        incident({
          started_at: at('2026-11-16T10:00:00Z'),
          resolved_at: at('2026-11-16T11:00:00Z'),
        }),
        incident({ detected_at: at('2026-11-17T09:00:00Z') }),
      ],
      {},
      6,
    );
    expect(window).toEqual({
      since: new Date('2026-11-16T04:00:00Z'),
      until: new Date('2026-11-17T15:00:00Z'),
      basis: 'incident',
      anchor: new Date('2026-11-16T10:00:00Z'),
    });
  });

  it('lets a given bound win on its side, and keeps everything with 0 hours or no instants', () => {
    const one = [incident({ started_at: at('2026-11-16T10:00:00Z') })];
    const since = new Date('2026-11-16T09:00:00Z');
    expect(importWindow(one, { since })).toMatchObject({
      since,
      until: new Date('2026-11-17T10:00:00Z'),
      basis: 'incident',
    });
    expect(importWindow(one, {}, 0)).toMatchObject({ since: undefined, basis: 'none' });
    expect(importWindow([incident({})], { since })).toMatchObject({ since, basis: 'given' });
  });
});
