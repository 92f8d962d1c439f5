import type { ImportedEvent } from '../imported-event.ts';
import { fnv1a64 } from '../logs/fnv1a64.ts';
import type { ImportOptions } from '../source-converter.ts';
import {
  findLevelShifts,
  findThresholdCrossings,
  levelShiftK,
  type MetricChange,
} from './change-points.ts';
import { type MetricSeries, seriesDisplayName } from './metric-series.ts';

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

function describe(series: MetricSeries, name: string, change: MetricChange, ms: number): string {
  const at = clock(ms);
  if (change.rule === 'level_shift') {
    const verb = change.direction === 'up' ? 'rose' : 'fell';
    return `${name} ${verb} from ${formatValue(change.before)} to ${formatValue(change.after)} at ${at}`;
  }
  const threshold = series.threshold;
  const limit = threshold ? formatValue(threshold.value) : '';
  const alarming = change.direction === (threshold?.direction === '<' ? 'down' : 'up');
  const side = change.direction === 'up' ? 'above' : 'below';
  if (change.index === 0) {
    return `${name} was ${side} ${limit} from the start (${formatValue(change.after)} at ${at})`;
  }
  const verb = alarming ? (change.direction === 'up' ? 'rose' : 'fell') : 'went back';
  return `${name} ${verb} ${side} ${limit} at ${at} (${formatValue(change.after)})`;
}

/**
 * The events of one series: threshold crossings (when it has a threshold) and level shifts
 * (always), each at the first point after the change, kept when inside the incident window.
 */
export function seriesEvents(
  series: MetricSeries,
  sourceRef: string,
  options: ImportOptions,
): ImportedEvent[] {
  const values = series.points.map(([, value]) => value);
  const changes = [
    ...(series.threshold ? findThresholdCrossings(values, series.threshold) : []),
    ...findLevelShifts(values),
  ].sort((a, b) => a.index - b.index);
  const name = seriesDisplayName(series);
  const events: ImportedEvent[] = [];
  for (const change of changes) {
    const ms = series.points[change.index]?.[0];
    if (ms === undefined) {
      continue;
    }
    if (
      (options.since && ms < options.since.getTime()) ||
      (options.until && ms > options.until.getTime())
    ) {
      continue;
    }
    events.push({
      externalId: `metric-${fnv1a64(`${name}\u0000${change.rule}\u0000${change.direction}\u0000${ms}`)}`,
      occurredAt: new Date(ms),
      originalTimestamp: series.texts[change.index] ?? String(ms),
      originalZone: series.zone,
      text: describe(series, name, change, ms),
      kind: 'observation',
      actor: null,
      sourceRef,
      rawRef: series.refs[change.index] ?? null,
      details: {
        series: name,
        labels: series.labels,
        rule: change.rule,
        direction: change.direction,
        before: change.before,
        after: change.after,
        ...(change.rule === 'threshold' && series.threshold
          ? {
              threshold: series.threshold,
              // Crossing the bad way (up past a `>` limit): the trouble starts; back: it ends.
              alarming: change.direction === (series.threshold.direction === '<' ? 'down' : 'up'),
            }
          : { k: levelShiftK }),
      },
      ambiguities: series.ambiguities,
    });
  }
  return events;
}
