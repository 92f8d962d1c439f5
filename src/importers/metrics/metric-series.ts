/** A threshold a series is checked against: crossing it upward (`>`) or downward (`<`). */
export interface Threshold {
  direction: '>' | '<';
  value: number;
}

/** One metric series as read: points are `[epoch ms, value]`, finite values only. */
export interface MetricSeries {
  name: string;
  labels: Record<string, string>;
  points: Array<[number, number]>;
  /** The timestamp text of each point as written, for `originalTimestamp`. */
  texts: string[];
  /** Where each point is in the raw input (`file:line` or a JSON pointer). */
  refs: string[];
  /** The zone each point's timestamp was read in. */
  zone: string | null;
  threshold?: Threshold;
  /** What could not be known about the timestamps (a zone missing), for every event of the series. */
  ambiguities: Array<{ code: string; message: string }>;
}

/** `http_errors{job="api"}`: the name and labels (minus `__name__` and `threshold`), sorted. */
export function seriesDisplayName(series: Pick<MetricSeries, 'name' | 'labels'>): string {
  const labels = Object.entries(series.labels)
    .filter(([key]) => key !== '__name__' && key !== 'threshold')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}="${value}"`);
  return labels.length > 0 ? `${series.name}{${labels.join(',')}}` : series.name;
}

/** `>0.05`, `< 10`, `0.05` (upward) → a threshold; undefined if it is not one. */
export function parseThreshold(text: string): Threshold | undefined {
  const match = /^\s*([<>])?\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%)?\s*$/i.exec(text);
  if (!match) {
    return undefined;
  }
  const value = Number(match[2]) / (match[3] ? 100 : 1);
  return { direction: match[1] === '<' ? '<' : '>', value };
}

/** A sample value as Prometheus writes it (`"1"`, `"NaN"`, `"+Inf"`): a number, maybe not finite. */
export function parseSampleValue(text: unknown): number {
  if (typeof text === 'number') {
    return text;
  }
  if (typeof text !== 'string' || text.trim() === '') {
    return Number.NaN;
  }
  const lowered = text.trim().toLowerCase();
  if (lowered === '+inf' || lowered === 'inf') {
    return Number.POSITIVE_INFINITY;
  }
  if (lowered === '-inf') {
    return Number.NEGATIVE_INFINITY;
  }
  return Number(text);
}
