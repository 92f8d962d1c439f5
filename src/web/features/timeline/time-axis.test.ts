import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  fitWindow,
  incidentWindow,
  minWindowMs,
  panWindow,
  positionOf,
  tickLabel,
  zoomWindow,
} from './time-axis.ts';

const t = (iso: string) => Date.parse(iso);

describe('time axis', () => {
  it('fits every instant with a margin and centres a single one', () => {
    const window = fitWindow([t('2026-11-16T10:00:00Z'), t('2026-11-16T11:00:00Z')]);
    expect(positionOf(window, t('2026-11-16T10:00:00Z'))).toBeCloseTo(0.0455, 3);
    expect(positionOf(window, t('2026-11-16T11:00:00Z'))).toBeCloseTo(0.9545, 3);
    const single = fitWindow([t('2026-11-16T10:00:00Z')]);
    expect(positionOf(single, t('2026-11-16T10:00:00Z'))).toBeCloseTo(0.5, 6);
    expect(single.end - single.start).toBeGreaterThanOrEqual(minWindowMs);
  });

  it('zooms around its anchor and never below a minute', () => {
    const window = { start: 0, end: 1_000_000 };
    expect(zoomWindow(window, 2)).toEqual({ start: 250_000, end: 750_000 });
    const left = zoomWindow(window, 2, 0);
    expect(left).toEqual({ start: 0, end: 500_000 });
    expect(zoomWindow(zoomWindow(window, 2), 0.5)).toEqual(window);
    const deep = zoomWindow(window, 1000);
    expect(deep.end - deep.start).toBe(minWindowMs);
  });

  it('pans by a fraction of the width', () => {
    expect(panWindow({ start: 0, end: 100 }, -0.25)).toEqual({ start: -25, end: 75 });
  });

  it('puts round ticks inside the window, at most the number asked for', () => {
    const window = { start: t('2026-11-16T10:07:00Z'), end: t('2026-11-16T11:02:00Z') };
    const ticks = axisTicks(window, 8);
    expect(ticks.map((tick) => tickLabel(tick.at, window))).toEqual([
      '10:15',
      '10:30',
      '10:45',
      '11:00',
    ]);
    expect(ticks.every((tick) => tick.fraction >= 0 && tick.fraction <= 1)).toBe(true);
    const fine = { start: t('2026-11-16T10:00:00Z'), end: t('2026-11-16T10:01:00Z') };
    expect(tickLabel(axisTicks(fine)[1]?.at ?? 0, fine)).toBe('10:00:15');
  });

  it('labels with dates when the window crosses midnight or spans days', () => {
    const night = { start: t('2026-11-16T22:00:00Z'), end: t('2026-11-17T02:00:00Z') };
    expect(tickLabel(t('2026-11-17T00:00:00Z'), night)).toBe('11-17 00:00');
    const long = { start: t('2018-01-01T00:00:00Z'), end: t('2026-12-01T00:00:00Z') };
    const ticks = axisTicks(long);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(tickLabel(ticks[0]?.at ?? 0, long)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('opens on the incident: its key instants with a tenth of the span, at least 30 min, each side', () => {
    expect(incidentWindow([t('2026-11-16T10:00:00Z'), t('2026-11-16T11:00:00Z')])).toEqual({
      start: t('2026-11-16T09:30:00Z'),
      end: t('2026-11-16T11:30:00Z'),
    });
    expect(incidentWindow([t('2026-11-16T00:00:00Z'), t('2026-11-16T10:00:00Z')])).toEqual({
      start: t('2026-11-15T23:00:00Z'),
      end: t('2026-11-16T11:00:00Z'),
    });
    expect(incidentWindow([])).toBeNull();
  });
});
