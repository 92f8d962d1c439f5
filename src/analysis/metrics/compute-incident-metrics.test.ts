import { describe, expect, it } from 'vitest';
import type { KeyInstants } from '../../domain/incident.ts';
import { computeIncidentMetrics, type MetricIncident } from './compute-incident-metrics.ts';

const start = Date.UTC(2026, 0, 1);

/** A deterministic PRNG (mulberry32), so the generated history is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function incident(
  startedAt: number,
  resolveSeconds: number,
  extra: Partial<MetricIncident> = {},
): MetricIncident {
  const instants: KeyInstants = {
    started_at: { at: new Date(startedAt), source: 'alertmanager', precision: 'exact' },
    resolved_at: {
      at: new Date(startedAt + resolveSeconds * 1000),
      source: 'pagerduty',
      precision: 'exact',
    },
  };
  return {
    kind: 'outage',
    severity: 'sev2',
    isDrill: false,
    services: ['checkout'],
    instants,
    createdAt: new Date(startedAt),
    ...extra,
  };
}

/** Percentile by counting, without sorting: the smallest value with at least p·n values at or below it. */
function percentileByCounting(values: number[], p: number): number {
  const needed = Math.ceil(p * values.length);
  let best = Number.POSITIVE_INFINITY;
  for (const candidate of values) {
    if (candidate < best && values.filter((v) => v <= candidate).length >= needed) {
      best = candidate;
    }
  }
  return best;
}

describe('computeIncidentMetrics', () => {
  it('reports the exact median and p90 of 10,000 skewed durations, drills and near misses left out', () => {
    // d(i) = 60·1.001^i seconds grows monotonically, so rank r holds d(r-1): the median of 10,000
    // is d(4999), the p90 d(8999) — a skew of 1 minute to 6 hours, max/median ≈ 150.
    const d = (i: number) => Math.floor(60 * 1.001 ** i);
    const random = seeded(7);
    const history: MetricIncident[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      history.push(incident(start + Math.floor(random() * 300) * 86_400_000, d(i)));
    }
    for (let i = 0; i < 1_500; i += 1) {
      history.push(incident(start, 40 * 86_400, { isDrill: true }));
      history.push(incident(start, 1, { kind: 'near_miss', isDrill: i % 2 === 0 }));
    }
    history.sort(() => random() - 0.5);

    const [all] = computeIncidentMetrics(history, null);
    const resolve = all?.measures.time_to_resolve;
    expect(all?.incidents).toEqual({ recovery: 10_000, near_miss: 750 });
    expect(resolve?.count).toBe(10_000);
    expect(resolve?.median).toBe(d(4999));
    expect(resolve?.p90).toBe(d(8999));
    expect(resolve?.p75).toBe(d(7499));
    expect(resolve?.max).toBe(d(9999));
    expect(resolve?.histogram.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(resolve?.quality).toEqual({ missing: 0, estimated: 0, edited: 0, exact: 10_000 });
    expect(all?.measures.near_miss_time_to_detect.quality.missing).toBe(750);
    expect(all?.measures.time_to_detect.quality.missing).toBe(10_000);
  });

  it('matches an independent count-based percentile on a log-normal history, per severity', () => {
    const random = seeded(42);
    const history: MetricIncident[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      // Box–Muller: log-normal around 45 minutes, σ = 1.2 — a long right tail.
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const seconds = Math.round(2700 * Math.exp(1.2 * normal));
      history.push(incident(start, seconds, { severity: i % 3 === 0 ? 'sev1' : 'sev3' }));
    }
    const groups = computeIncidentMetrics(history, 'severity');
    expect(groups.map((g) => g.key)).toEqual(['sev1', 'sev3']);
    for (const group of groups) {
      const values = history
        .filter((h) => h.severity === group.key)
        .map((h) => {
          const { started_at, resolved_at } = h.instants;
          return ((resolved_at?.at.getTime() ?? 0) - (started_at?.at.getTime() ?? 0)) / 1000;
        });
      const measure = group.measures.time_to_resolve;
      expect(measure.median).toBe(percentileByCounting(values, 0.5));
      expect(measure.p90).toBe(percentileByCounting(values, 0.9));
      // Skewed: the mean sits well above the median, which is why it is never shown alone.
      expect(measure.mean ?? 0).toBeGreaterThan(measure.median ?? 0);
    }
  });

  it('flags quality per measure and splits by service and month', () => {
    const at = (iso: string, source = 'manual', precision: 'exact' | 'estimated' = 'exact') => ({
      at: new Date(iso),
      source,
      precision,
    });
    const base = incident(start, 600);
    const history: MetricIncident[] = [
      {
        ...base,
        services: ['api', 'db'],
        instants: {
          started_at: at('2026-02-01T10:00:00Z'),
          detected_at: at('2026-02-01T10:05:00Z', 'manual', 'estimated'),
          resolved_at: at('2026-02-01T11:00:00Z', 'grafana'),
        },
      },
      {
        ...base,
        services: ['api'],
        instants: {
          started_at: at('2026-03-01T10:00:00Z', 'grafana'),
          detected_at: at('2026-03-01T09:00:00Z', 'grafana'),
        },
      },
    ];
    const byService = computeIncidentMetrics(history, 'service');
    expect(byService.map((g) => [g.key, g.incidents.recovery])).toEqual([
      ['api', 2],
      ['db', 1],
    ]);
    const api = byService[0]?.measures;
    expect(api?.time_to_detect.quality).toEqual({ missing: 1, estimated: 1, edited: 0, exact: 0 });
    expect(api?.time_to_resolve.quality).toEqual({ missing: 1, estimated: 0, edited: 1, exact: 0 });
    expect(api?.time_to_resolve.median).toBe(3600);
    const byMonth = computeIncidentMetrics(history, 'month');
    expect(byMonth.map((g) => g.key)).toEqual(['2026-02', '2026-03']);
  });
});
