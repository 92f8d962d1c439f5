import { formatDuration } from '../../../analysis/metrics/format-duration.ts';
import type { IncidentMeasureName } from '../../../domain/incident-measures.ts';
import type { IncidentMetrics } from '../../api/insights-api.ts';
import { ChartFigure, type PlotModule } from './ChartFigure.tsx';

/** Labels of the measures, as people say them. */
export const measureLabels: Record<IncidentMeasureName, string> = {
  time_to_detect: 'Time to detect',
  time_to_acknowledge: 'Time to acknowledge',
  time_to_mitigate: 'Time to mitigate',
  time_to_resolve: 'Time to resolve',
  near_miss_time_to_detect: 'Near misses: time to detect',
  near_miss_time_to_block: 'Near misses: time to block',
};

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));

/** Median, p75, p90 and max per group (severity, month, …) as a box-like chart and a table. */
export function DistributionByGroup({
  metrics,
  measure,
  groupLabel,
  trend = false,
}: {
  metrics: IncidentMetrics;
  measure: IncidentMeasureName;
  groupLabel: string;
  trend?: boolean;
}) {
  const groups = metrics.groups.filter((g) => g.measures[measure].count > 0);
  const rows = groups.map((g) => {
    const d = g.measures[measure];
    return [
      g.key,
      d.count,
      minutes(d.median),
      minutes(d.p75),
      minutes(d.p90),
      minutes(d.max),
      minutes(d.mean),
      d.quality.missing,
    ];
  });
  const label = measureLabels[measure];
  const draw = (Plot: PlotModule) => {
    const data = groups.map((g) => ({ key: g.key, ...g.measures[measure] }));
    const toMin = (s: number | null) => (s ?? 0) / 60;
    return Plot.plot({
      ariaLabel: `${label} by ${groupLabel}`,
      ariaDescription: groups
        .map(
          (g) =>
            `${g.key}: median ${formatDuration(g.measures[measure].median)}, 90th percentile ${formatDuration(g.measures[measure].p90)}`,
        )
        .join('; '),
      marginLeft: 60,
      y: { label: 'minutes', type: 'log', grid: true },
      x: { label: groupLabel, type: 'band' },
      marks: trend
        ? [
            Plot.lineY(data, {
              x: 'key',
              y: (d) => toMin(d.p90),
              stroke: '#b45309',
              marker: 'dot',
            }),
            Plot.lineY(data, {
              x: 'key',
              y: (d) => toMin(d.median),
              stroke: '#1d4ed8',
              marker: 'dot',
            }),
            Plot.text(data.slice(-1), {
              x: 'key',
              y: (d) => toMin(d.p90),
              text: () => 'p90',
              dx: 14,
              fill: '#b45309',
            }),
            Plot.text(data.slice(-1), {
              x: 'key',
              y: (d) => toMin(d.median),
              text: () => 'median',
              dx: 22,
              fill: '#1d4ed8',
            }),
          ]
        : [
            Plot.ruleX(data, {
              x: 'key',
              y1: (d) => toMin(d.median),
              y2: (d) => toMin(d.max),
              stroke: '#6b7280',
            }),
            Plot.barY(data, {
              x: 'key',
              y1: (d) => toMin(d.median),
              y2: (d) => toMin(d.p90),
              fill: '#bfdbfe',
              inset: 12,
            }),
            Plot.tickY(data, {
              x: 'key',
              y: (d) => toMin(d.median),
              stroke: '#1d4ed8',
              strokeWidth: 3,
              inset: 12,
            }),
            Plot.dot(data, { x: 'key', y: (d) => toMin(d.max), fill: '#6b7280', r: 3 }),
          ],
    });
  };
  return (
    <ChartFigure
      title={trend ? `${label}: median and p90 by month` : `${label} by ${groupLabel}`}
      description={
        trend
          ? 'Median (blue) and 90th percentile (orange) per month, in minutes on a log scale.'
          : 'Per group: the thick tick is the median, the box reaches the 90th percentile, the line and dot the maximum (minutes, log scale). The mean, in the table, is shown only beside the median.'
      }
      header={[
        groupLabel,
        'incidents measured',
        'median (min)',
        'p75 (min)',
        'p90 (min)',
        'max (min)',
        'mean (min, beside the median)',
        'not measurable',
      ]}
      rows={rows}
      draw={draw}
      fileName={`${measure}-by-${groupLabel}.csv`}
    />
  );
}

/** The histogram of one measure over every incident, with bins from minutes to days. */
export function DurationHistogram({
  metrics,
  measure,
}: {
  metrics: IncidentMetrics;
  measure: IncidentMeasureName;
}) {
  const bounds = metrics.histogramBoundsSeconds;
  const counts = metrics.groups[0]?.measures[measure].histogram ?? [];
  const binLabel = (i: number) =>
    i === 0
      ? `< ${formatDuration(bounds[0] ?? 0)}`
      : i === bounds.length
        ? `≥ ${formatDuration(bounds[i - 1] ?? 0)}`
        : `${formatDuration(bounds[i - 1] ?? 0)}–${formatDuration(bounds[i] ?? 0)}`;
  const data = counts.map((count, i) => ({ bin: binLabel(i), count }));
  const label = measureLabels[measure];
  return (
    <ChartFigure
      title={`${label}: histogram`}
      description="How many incidents fell in each duration range; the ranges grow with the duration because incident durations are heavily skewed."
      header={['range', 'incidents']}
      rows={data.map((d) => [d.bin, d.count])}
      fileName={`${measure}-histogram.csv`}
      draw={(Plot) =>
        Plot.plot({
          ariaLabel: `${label} histogram`,
          ariaDescription: data.map((d) => `${d.bin}: ${d.count}`).join('; '),
          x: { label: 'duration', type: 'band', domain: data.map((d) => d.bin) },
          y: { label: 'incidents', grid: true },
          marks: [Plot.barY(data, { x: 'bin', y: 'count', fill: '#60a5fa' }), Plot.ruleY([0])],
        })
      }
    />
  );
}
