import { DomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';
import { assertZone } from '../logs/zone-offset.ts';
import type {
  DetectionSample,
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../source-converter.ts';
import { seriesEvents } from './metric-events.ts';
import { seriesDisplayName } from './metric-series.ts';
import { readMetricsCsv } from './metrics-csv.ts';
import { readPrometheusJson } from './prometheus-json.ts';

/** Scores a sample: a Prometheus API response (range, alerts, rules) or a timestamp/value CSV. */
function detect(sample: DetectionSample): number {
  if (sample.paths && sample.paths.length > 0) {
    return 0;
  }
  const head = sample.head.trimStart();
  if (head.startsWith('{')) {
    if (/"resultType"\s*:\s*"matrix"/.test(head)) {
      return 0.95;
    }
    if (/"resultType"|"activeAt"/.test(head) && /"status"\s*:\s*"success"/.test(head)) {
      return 0.7;
    }
    return 0;
  }
  const first = head.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  const looksCsv =
    /^"?(timestamp|time|ts|date)"?\s*,/i.test(first) ||
    /^\d{10,13}(\.\d+)?,[^,]*(,[^,]*)?\s*$/.test(first);
  return looksCsv ? (/\.csv$/i.test(sample.fileName) ? 0.8 : 0.6) : 0;
}

/**
 * The metrics converter: Prometheus `query_range` JSON or CSV → one chunk per series with the
 * series (for charts) and its change points and threshold crossings as events; Prometheus
 * `/alerts` and `/rules` responses → their active alerts as detection events.
 */
export const metricsConverter: SourceConverter = {
  source: 'metric',
  accepts: ['text'],
  detect,
  async *convert(input: ImportInput, options: ImportOptions): AsyncIterable<ImportChunk> {
    if (input.kind !== 'text') {
      throw new DomainError(
        'VALIDATION_FAILED',
        `${input.fileName}: metrics are read as one text`,
        {
          details: {
            errors: [{ path: input.fileName, code: 'METRIC_INPUT_KIND', message: 'Expected text' }],
          },
        },
      );
    }
    if (options.zone) {
      assertZone(options.zone);
    }
    const file = input.fileName;
    const isJson = input.text.trimStart().startsWith('{');
    const read = isJson
      ? { ...readPrometheusJson(file, input.text), warnings: [] as ImportWarning[] }
      : { ...readMetricsCsv(file, input.text, options), alerts: [] };
    const warnings: ImportWarning[] = [...read.warnings];
    if ('instant' in read && read.instant) {
      warnings.push({
        code: 'METRIC_INSTANT_QUERY',
        message:
          'An instant query holds one sample per series: nothing to detect; export a query_range',
        where: file,
      });
    }
    if (read.nonFinite > 0) {
      warnings.push({
        code: 'METRIC_VALUES_NOT_FINITE',
        message: `${read.nonFinite} NaN or ±Inf samples left out`,
        where: file,
      });
    }
    if (read.alerts.length > 0) {
      const kept = read.alerts.filter(
        (event) =>
          (!options.since || event.occurredAt >= options.since) &&
          (!options.until || event.occurredAt <= options.until),
      );
      yield { events: kept };
    }
    for (const written of read.series) {
      // A threshold the person gives wins over one written in the file.
      const series = options.threshold ? { ...written, threshold: options.threshold } : written;
      yield {
        events: seriesEvents(series, file, options),
        series: [{ name: seriesDisplayName(series), labels: series.labels, points: series.points }],
      };
    }
    yield { events: [], ...(warnings.length > 0 ? { warnings } : {}) };
  },
};
