import type { ValidationIssue } from '../../domain/errors.ts';
import type { ImportedEvent } from '../imported-event.ts';
import { fnv1a64 } from '../logs/fnv1a64.ts';
import { readTimestampValue } from '../logs/log-timestamp.ts';
import { metricInputError } from './metric-input-error.ts';
import { type MetricSeries, parseSampleValue, parseThreshold } from './metric-series.ts';

/** What a Prometheus API response gave: range series, or alerts (from `/alerts` or `/rules`). */
export interface PrometheusRead {
  series: MetricSeries[];
  alerts: ImportedEvent[];
  nonFinite: number;
  /** An instant query (vector): one point per series, no history. */
  instant?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const maxIssues = 20;

function readMatrix(result: unknown[], issues: ValidationIssue[]): Omit<PrometheusRead, 'alerts'> {
  const series: MetricSeries[] = [];
  let nonFinite = 0;
  result.forEach((entry, i) => {
    const values = isObject(entry) ? entry.values : undefined;
    const metric = isObject(entry) && isObject(entry.metric) ? entry.metric : {};
    if (!Array.isArray(values)) {
      issues.push({
        path: `data.result[${i}].values`,
        code: 'METRIC_VALUES_MISSING',
        message: 'Expected an array',
      });
      return;
    }
    const labels = Object.fromEntries(
      Object.entries(metric).map(([key, value]) => [key, String(value)]),
    );
    const threshold = labels.threshold ? parseThreshold(labels.threshold) : undefined;
    const one: MetricSeries = {
      name: labels.__name__ ?? 'series',
      labels,
      points: [],
      texts: [],
      refs: [],
      zone: 'UTC',
      ambiguities: [],
      ...(threshold ? { threshold } : {}),
    };
    values.forEach((pair, j) => {
      const [at, raw] = Array.isArray(pair) ? pair : [];
      if (
        typeof at !== 'number' ||
        !Number.isFinite(at) ||
        at < 0 ||
        at > 253402300799 ||
        typeof raw !== 'string'
      ) {
        if (issues.length < maxIssues) {
          issues.push({
            path: `data.result[${i}].values[${j}]`,
            code: 'METRIC_SAMPLE_INVALID',
            message: 'Expected [<epoch seconds>, "<value>"]',
          });
        }
        return;
      }
      const value = parseSampleValue(raw);
      if (!Number.isFinite(value)) {
        nonFinite += 1;
        return;
      }
      one.points.push([Math.round(at * 1000), value]);
      one.texts.push(String(at));
      one.refs.push(`/data/result/${i}/values/${j}`);
    });
    series.push(one);
  });
  return { series, nonFinite };
}

function readAlerts(
  alerts: unknown[],
  pointer: string,
  issues: ValidationIssue[],
): ImportedEvent[] {
  const events: ImportedEvent[] = [];
  alerts.forEach((alert, i) => {
    const labels = isObject(alert) && isObject(alert.labels) ? alert.labels : {};
    const at = isObject(alert) ? readTimestampValue(alert.activeAt, {}) : undefined;
    if (!isObject(alert) || !at) {
      issues.push({
        path: `${pointer}/${i}/activeAt`,
        code: 'METRIC_ALERT_INVALID',
        message: 'Expected an RFC 3339 activeAt',
      });
      return;
    }
    const name = String(labels.alertname ?? 'alert');
    const state = String(alert.state ?? 'active');
    const annotations = isObject(alert.annotations) ? alert.annotations : {};
    const summary = typeof annotations.summary === 'string' ? `: ${annotations.summary}` : '';
    events.push({
      externalId: `prometheus-alert-${fnv1a64(`${JSON.stringify(Object.entries(labels).sort())}\u0000${at.text}`)}`,
      occurredAt: new Date(at.ms),
      originalTimestamp: at.text,
      originalZone: at.zone,
      text: `Prometheus alert ${name} ${state}${summary}`,
      kind: 'detection',
      actor: null,
      sourceRef: name,
      rawRef: `${pointer}/${i}`,
      details: { labels, annotations, state, value: alert.value ?? null },
      ambiguities: at.ambiguities,
    });
  });
  return events;
}

/**
 * A Prometheus HTTP API response: `query_range` (matrix) → series; `/alerts` and `/rules` →
 * one detection event per active alert at its `activeAt`. An instant query (vector) is kept as
 * one-point series, with nothing to detect; a scalar or string result is refused, naming
 * `data.resultType`.
 */
export function readPrometheusJson(fileName: string, text: string): PrometheusRead {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw metricInputError(fileName, 'not valid JSON', [
      {
        path: fileName,
        code: 'MALFORMED_JSON',
        message: cause instanceof Error ? cause.message : 'Invalid JSON',
      },
    ]);
  }
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(body) || body.status !== 'success' || !isObject(data)) {
    throw metricInputError(fileName, 'not a successful Prometheus API response', [
      {
        path: isObject(body) && body.status !== 'success' ? 'status' : 'data',
        code: 'METRIC_SHAPE',
        message: 'Expected status "success" and data',
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  let read: PrometheusRead;
  if (data.resultType === 'matrix' && Array.isArray(data.result)) {
    read = { ...readMatrix(data.result, issues), alerts: [] };
  } else if (data.resultType === 'vector' && Array.isArray(data.result)) {
    // One sample per series: kept as one-point series (the import lands), nothing to detect.
    const result = data.result.map((entry) =>
      isObject(entry) ? { metric: entry.metric, values: [entry.value] } : entry,
    );
    read = { ...readMatrix(result, issues), alerts: [], instant: true };
  } else if (data.resultType !== undefined) {
    throw metricInputError(
      fileName,
      `a ${String(data.resultType)} is not a range; export a query_range`,
      [
        {
          path: 'data.resultType',
          code: 'METRIC_NOT_A_RANGE',
          message: 'Expected "matrix" (query_range)',
        },
      ],
    );
  } else if (Array.isArray(data.alerts)) {
    read = { series: [], alerts: readAlerts(data.alerts, '/data/alerts', issues), nonFinite: 0 };
  } else if (Array.isArray(data.groups)) {
    const alerts: ImportedEvent[] = [];
    data.groups.forEach((group, g) => {
      const rules = isObject(group) && Array.isArray(group.rules) ? group.rules : [];
      rules.forEach((rule, r) => {
        if (isObject(rule) && Array.isArray(rule.alerts)) {
          alerts.push(...readAlerts(rule.alerts, `/data/groups/${g}/rules/${r}/alerts`, issues));
        }
      });
    });
    read = { series: [], alerts, nonFinite: 0 };
  } else {
    throw metricInputError(fileName, 'neither a range query, alerts nor rules', [
      {
        path: 'data',
        code: 'METRIC_SHAPE',
        message: 'Expected data.resultType, data.alerts or data.groups',
      },
    ]);
  }
  if (issues.length > 0) {
    throw metricInputError(fileName, 'invalid samples', issues);
  }
  return read;
}
