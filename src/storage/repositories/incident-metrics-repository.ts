import { type SQL, sql } from 'drizzle-orm';
import {
  histogramBoundsSeconds,
  incidentMeasureNames,
  incidentMeasures,
  type MeasureQuality,
  type MetricDimension,
  type MetricGroup,
  measureQualities,
  occurrenceInstants,
} from '../../domain/incident-measures.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { incidents, services } from '../schema.ts';
import { incidentVisibleTo } from '../visibility.ts';

/** Which incidents the metrics cover: those that happened in `[since, until)`. */
export interface MetricWindow {
  since?: Date;
  until?: Date;
}

const occurredAtSql = sql.raw(
  `coalesce(${occurrenceInstants.map((name) => `incidents.${name}`).join(', ')}, incidents.created_at)`,
);

function groupKeySql(by: MetricDimension | null): SQL {
  switch (by) {
    case null:
      return sql.raw(`'all'`);
    case 'severity':
      return sql.raw('incidents.severity');
    case 'kind':
      return sql.raw('incidents.kind');
    case 'service':
    case 'team':
      return sql.raw('s.name');
    case 'month':
      return sql`to_char(${occurredAtSql} at time zone 'UTC', 'YYYY-MM')`;
    default: {
      const unknown: never = by;
      throw new Error(`unknown dimension ${String(unknown)}`);
    }
  }
}

const qualityCodes: MeasureQuality[] = ['missing', 'estimated', 'edited', 'exact'];

const usedInstants = [
  ...new Set(
    incidentMeasureNames.flatMap((n) => [incidentMeasures[n].from, incidentMeasures[n].to]),
  ),
];

/**
 * Per measure: its duration in whole seconds (null when unmeasurable or not its population) and
 * its quality code (`qualityCodes`; null outside its population). `date_part` is float8
 * arithmetic, much cheaper than `extract`'s numeric, and exact here: a difference of whole
 * microseconds divided by 10⁶ stays below the next second for any span under 272 years. The
 * instants' quality codes are stored columns (see the incidents schema); a duration takes the
 * worse (`least`) of its two.
 */
const measureColumns = sql.raw(
  incidentMeasureNames
    .map((name, i) => {
      const { from, to, population } = incidentMeasures[name];
      const inPopulation = population === 'near_miss' ? 'not recovery' : 'recovery';
      return `case when ${inPopulation} and ${from} <= ${to}
          then floor(date_part('epoch', ${to} - ${from})) end as s${i},
        case when not (${inPopulation}) then null when ${from} <= ${to}
          then least(${from}_quality, ${to}_quality) else 0 end as q${i}`;
    })
    .join(',\n'),
);

/**
 * Per measure: count, nearest-rank percentiles, max, mean, the histogram as cumulative counts
 * below each bound (cheaper than a bin per row; `toGroups` takes the differences), and the
 * counts per quality but `missing` (the population count less the others).
 */
const aggregateColumns = sql.raw(
  incidentMeasureNames
    .map(
      (_, i) => `count(s${i})::int as count${i},
        percentile_disc(array[0.5, 0.75, 0.9]) within group (order by s${i}) as percentiles${i},
        max(s${i}) as max${i}, floor(avg(s${i}) + 0.5) as mean${i},
        array[${histogramBoundsSeconds.map((bound) => `count(*) filter (where s${i} < ${bound})`).join(', ')}] as below${i},
        array[count(q${i}), ${qualityCodes
          .slice(1)
          .map((_, code) => `count(*) filter (where q${i} = ${code + 1})`)
          .join(', ')}] as quality${i}`,
    )
    .join(',\n'),
);

/** One row per group: `count0`, `percentiles0`, … per measure, in `incidentMeasureNames` order. */
type AggregateRow = { key: string } & Record<string, unknown>;

/** Distributions computed by the database, over the incidents the viewer may see. */
export const incidentMetricsRepository = {
  /**
   * The same result as `computeIncidentMetrics` over the visible, non-drill incidents of the
   * window, aggregated in SQL (`percentile_disc`, counts below each histogram bound) so that no row leaves the
   * database; restricted incidents the viewer may not see never enter the aggregate.
   */
  async aggregate(
    db: Database,
    viewer: Actor,
    window: MetricWindow,
    by: MetricDimension | null,
  ): Promise<MetricGroup[]> {
    const serviceJoin =
      by === 'service'
        ? sql.raw('cross join lateral (select distinct unnest(incidents.services) as name) s')
        : by === 'team'
          ? sql`cross join lateral (select distinct ${services.team} as name from ${services}
              where ${services.name} = any(incidents.services) and ${services.team} is not null) s`
          : sql.raw('');
    // `offset 0` keeps each step a pipeline the planner cannot flatten: flattened, every
    // reference to a computed column would compute it again (dozens of times per row).
    const query = sql`
      with i as (
        select ${groupKeySql(by)} as key, incidents.kind <> 'near_miss' as recovery,
          ${sql.raw(usedInstants.map((n) => `incidents.${n}, incidents.${n}_quality`).join(', '))}
        from ${incidents} ${serviceJoin}
        where incidents.is_drill = false and ${incidentVisibleTo(viewer)}
          ${window.since ? sql`and ${occurredAtSql} >= ${window.since.toISOString()}::timestamptz` : sql``}
          ${window.until ? sql`and ${occurredAtSql} < ${window.until.toISOString()}::timestamptz` : sql``}
        offset 0
      ),
      m as (select key, ${measureColumns} from i offset 0)
      select key, ${aggregateColumns} from m group by key`;
    // One pass, sorted in memory: JIT compilation of ~100 aggregates costs seconds and a 4 MB
    // sort spills to disk; both settings end with this transaction.
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '64MB'`);
      return ((await tx.execute(query)) as unknown as { rows: AggregateRow[] }).rows;
    });
    return toGroups(rows);
  },
};

const asNumber = (value: unknown) => (value === null ? null : Number(value));

/** Counts per bin from the counts below each bound; the last, open bin takes the rest. */
function binsFromCumulative(below: number[], count: number): number[] {
  return [...below, count].map((n, bin) => n - (bin === 0 ? 0 : (below[bin - 1] ?? 0)));
}

function toGroups(rows: AggregateRow[]): MetricGroup[] {
  return rows
    .map((row) => {
      const incidents = { recovery: 0, near_miss: 0 };
      const measures = Object.fromEntries(
        incidentMeasureNames.map((name, i) => {
          const count = Number(row[`count${i}`]);
          const percentiles = count > 0 ? ((row[`percentiles${i}`] as number[]) ?? []) : [];
          const [population, ...known] = (row[`quality${i}`] as unknown[]).map(Number);
          const counted = known.reduce((sum, n) => sum + n, 0);
          const quality = Object.fromEntries(
            qualityCodes.map((q, code) => [
              q,
              code === 0 ? (population ?? 0) - counted : (known[code - 1] ?? 0),
            ]),
          ) as Record<MeasureQuality, number>;
          // Every incident of a population has exactly one quality per measure of it.
          const populationOf = incidentMeasures[name].population;
          incidents[populationOf] = Math.max(
            incidents[populationOf],
            measureQualities.reduce((sum, q) => sum + quality[q], 0),
          );
          return [
            name,
            {
              count,
              median: asNumber(percentiles[0] ?? null),
              p75: asNumber(percentiles[1] ?? null),
              p90: asNumber(percentiles[2] ?? null),
              max: asNumber(row[`max${i}`]),
              mean: asNumber(row[`mean${i}`]),
              histogram: binsFromCumulative((row[`below${i}`] as unknown[]).map(Number), count),
              quality,
            },
          ];
        }),
      ) as MetricGroup['measures'];
      return { key: row.key, incidents, measures };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
