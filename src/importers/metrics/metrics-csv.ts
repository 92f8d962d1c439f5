import type { ImportWarning } from '../imported-event.ts';
import { readTimestampValue, type TimestampContext } from '../logs/log-timestamp.ts';
import { metricInputError } from './metric-input-error.ts';
import {
  type MetricSeries,
  parseSampleValue,
  parseThreshold,
  type Threshold,
} from './metric-series.ts';

/** What a metrics CSV gave: its series and the rows it could not read. */
export interface CsvRead {
  series: MetricSeries[];
  warnings: ImportWarning[];
  nonFinite: number;
}

const listed = 5;

function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  out.push(cell.trim());
  return out;
}

/** `error_rate>5%` → name and threshold; `value` → name only. */
function splitHeader(cell: string): { name: string; threshold?: Threshold } {
  const at = cell.search(/[<>]/);
  if (at <= 0) {
    return { name: cell };
  }
  const threshold = parseThreshold(cell.slice(at));
  return threshold ? { name: cell.slice(0, at).trim(), threshold } : { name: cell };
}

/**
 * A metrics CSV: `timestamp,value` or `timestamp,series,value`, with or without a header row; a
 * threshold in the value header (`error_rate>5%`) or a `# threshold: >0.05` comment line.
 */
export function readMetricsCsv(fileName: string, text: string, context: TimestampContext): CsvRead {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let threshold: Threshold | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
    const comment = /^#\s*threshold\s*[:=]\s*(.+)$/i.exec(line);
    if (comment) {
      threshold = parseThreshold(comment[1] ?? '') ?? threshold;
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      rows.push({ line: index + 1, cells: cells(line) });
    }
  });
  const head = rows[0];
  if (!head || head.cells.length < 2) {
    throw metricInputError(fileName, 'expected timestamp,value or timestamp,series,value rows', [
      {
        path: `${fileName}:${head?.line ?? 1}`,
        code: 'METRIC_CSV_SHAPE',
        message: 'Expected at least two columns',
      },
    ]);
  }
  const hasHeader = !readTimestampValue(head.cells[0], context);
  const header = hasHeader ? head.cells.map((cell) => cell.toLowerCase()) : [];
  const valueColumn = header.includes('value') ? header.indexOf('value') : head.cells.length - 1;
  const seriesColumn =
    head.cells.length >= 3
      ? hasHeader && header.includes('series')
        ? header.indexOf('series')
        : 1
      : -1;
  const valueHeader = hasHeader
    ? splitHeader(head.cells[valueColumn] ?? 'value')
    : { name: 'value' };
  threshold = valueHeader.threshold ?? threshold;
  const defaultName =
    valueHeader.name.toLowerCase() === 'value'
      ? fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '')
      : valueHeader.name;
  const bySeries = new Map<string, MetricSeries>();
  const bad: number[] = [];
  let badCount = 0;
  let nonFinite = 0;
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const at = readTimestampValue(row.cells[0], context);
    const value = parseSampleValue(row.cells[valueColumn]);
    if (
      !at ||
      row.cells.length <= valueColumn ||
      (Number.isNaN(value) && !/nan/i.test(row.cells[valueColumn] ?? ''))
    ) {
      badCount += 1;
      if (bad.length < listed) {
        bad.push(row.line);
      }
      continue;
    }
    if (!Number.isFinite(value)) {
      nonFinite += 1;
      continue;
    }
    const name = seriesColumn >= 0 ? (row.cells[seriesColumn] ?? defaultName) : defaultName;
    let series = bySeries.get(name);
    if (!series) {
      series = {
        name,
        labels: {},
        points: [],
        texts: [],
        refs: [],
        zone: at.zone,
        ambiguities: at.ambiguities,
        ...(threshold ? { threshold } : {}),
      };
      bySeries.set(name, series);
    }
    series.points.push([at.ms, value]);
    series.texts.push(at.text);
    series.refs.push(`${fileName}:${row.line}`);
  }
  if (bySeries.size === 0 && badCount > 0) {
    throw metricInputError(
      fileName,
      'no readable rows',
      bad.map((line) => ({
        path: `${fileName}:${line}`,
        code: 'METRIC_ROW_INVALID',
        message: 'Expected a timestamp and a number',
      })),
    );
  }
  const warnings: ImportWarning[] = bad.map((line) => ({
    code: 'METRIC_ROW_INVALID',
    message: 'Expected a timestamp and a number; row skipped',
    where: `${fileName}:${line}`,
  }));
  if (badCount > bad.length) {
    warnings.push({
      code: 'METRIC_ROWS_INVALID',
      message: `${badCount} rows skipped`,
      where: fileName,
    });
  }
  return { series: [...bySeries.values()].map(sortSeries), warnings, nonFinite };
}

function sortSeries(series: MetricSeries): MetricSeries {
  const order = series.points
    .map((_, i) => i)
    .sort((a, b) => (series.points[a]?.[0] ?? 0) - (series.points[b]?.[0] ?? 0));
  const pick = <T>(list: T[]) => order.map((i) => list[i] as T);
  return {
    ...series,
    points: pick(series.points),
    texts: pick(series.texts),
    refs: pick(series.refs),
  };
}
