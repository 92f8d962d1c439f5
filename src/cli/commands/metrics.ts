import { formatDuration } from '../../analysis/metrics/format-duration.ts';
import { readIncidentMetrics } from '../../app/metrics/read-incident-metrics.ts';
import { incidentMetricsQuerySchema } from '../../contracts/metrics.ts';
import {
  histogramBoundsSeconds,
  incidentMeasureNames,
  type MetricGroup,
} from '../../domain/incident-measures.ts';
import { presentIncidentMetrics } from '../../server/routes/metrics/present-incident-metrics.ts';
import { formatTable, printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

function groupLines(group: MetricGroup): string[] {
  return formatTable([
    [
      'MEASURE',
      'N',
      'MEDIAN',
      'P75',
      'P90',
      'MAX',
      '(MEAN)',
      'EXACT',
      'EDITED',
      'ESTIMATED',
      'MISSING',
    ],
    ...incidentMeasureNames.map((name) => {
      const d = group.measures[name];
      return [
        name,
        String(d.count),
        formatDuration(d.median),
        formatDuration(d.p75),
        formatDuration(d.p90),
        formatDuration(d.max),
        formatDuration(d.mean),
        String(d.quality.exact),
        String(d.quality.edited),
        String(d.quality.estimated),
        String(d.quality.missing),
      ];
    }),
  ]);
}

/** `debrief metrics`: duration distributions over the incidents the acting account may see. */
export async function metrics(
  options: RuntimeOptions & {
    as?: string;
    json: boolean;
    since?: string;
    until?: string;
    by?: string;
  },
): Promise<void> {
  const query = incidentMetricsQuerySchema.parse({
    since: options.since,
    until: options.until,
    by: options.by,
  });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const result = await readIncidentMetrics(deps, actor, query);
    printResult(options.json, presentIncidentMetrics(result, histogramBoundsSeconds), () =>
      result.groups.length === 0
        ? ['No incidents in this window (drills are never counted).']
        : result.groups.flatMap((group) => [
            `${group.key}: ${group.incidents.recovery} incident(s), ${group.incidents.near_miss} near miss(es); drills excluded`,
            ...groupLines(group),
            '',
          ]),
    );
  });
}
