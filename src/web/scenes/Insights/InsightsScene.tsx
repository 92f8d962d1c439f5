import { useCallback, useState } from 'react';
import { formatDuration } from '../../../analysis/metrics/format-duration.ts';
import {
  type IncidentMeasureName,
  incidentMeasureNames,
  incidentMeasures,
} from '../../../domain/incident-measures.ts';
import { insightsApi } from '../../api/insights-api.ts';
import { policyApi } from '../../api/policy-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import {
  DistributionByGroup,
  DurationHistogram,
  measureLabels,
} from '../../features/insights/duration-charts.tsx';
import {
  FactorCategoriesChart,
  FollowThroughChart,
  RecurrenceList,
} from '../../features/insights/learning-charts.tsx';
import { PhaseCycleTimesChart } from '../../features/insights/PhaseCycleTimesChart.tsx';
import { ThemeList } from '../../features/insights/ThemeList.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';

const recoveryMeasures = incidentMeasureNames.filter(
  (name) => incidentMeasures[name].population === 'recovery',
);

/** `/insights`: learning across incidents — durations as distributions, near misses, themes. */
export function InsightsScene() {
  useDocumentTitle('Insights');
  const { session } = useSession();
  const [measure, setMeasure] = useState<IncidentMeasureName>('time_to_resolve');
  const load = useCallback(async () => {
    const [all, bySeverity, byMonth, themes, learning, policy] = await Promise.all([
      insightsApi.metrics({}),
      insightsApi.metrics({ by: 'severity' }),
      insightsApi.metrics({ by: 'month' }),
      insightsApi.themes(),
      insightsApi.followThrough(),
      policyApi.get(),
    ]);
    return { all, bySeverity, byMonth, themes, learning, policy };
  }, []);
  const insights = useResource(load);
  if (!insights.data) {
    return (
      <>
        <h1>Insights</h1>
        <LoadState problem={insights.problem} onRetry={insights.reload} />
      </>
    );
  }
  const { all, bySeverity, byMonth, themes, learning, policy } = insights.data;
  const categoryLabels = Object.fromEntries(policy.factorTaxonomy.map((c) => [c.key, c.label]));
  const overall = all.groups[0];
  return (
    <>
      <h1>Insights</h1>
      <p className="muted">
        Durations are skewed, so they are shown as distributions: median and 90th percentile first,
        the mean only beside the median. Drills are never counted; near misses have their own
        measures.
      </p>
      {!overall ? (
        <p className="empty">No incidents to learn from yet.</p>
      ) : (
        <>
          <div className="filters">
            <div className="field">
              <label>
                <span className="field-label">Measure</span>
                <select
                  value={measure}
                  onChange={(e) => setMeasure(e.target.value as IncidentMeasureName)}
                >
                  {recoveryMeasures.map((name) => (
                    <option key={name} value={name}>
                      {measureLabels[name]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          <p>
            {measureLabels[measure]} over {overall.measures[measure].count} of{' '}
            {overall.incidents.recovery} incidents: median{' '}
            <strong>{formatDuration(overall.measures[measure].median)}</strong>, p90{' '}
            <strong>{formatDuration(overall.measures[measure].p90)}</strong>, max{' '}
            {formatDuration(overall.measures[measure].max)} (mean{' '}
            {formatDuration(overall.measures[measure].mean)}).
          </p>
          <DistributionByGroup metrics={bySeverity} measure={measure} groupLabel="severity" />
          <DurationHistogram metrics={all} measure={measure} />
          <DistributionByGroup metrics={byMonth} measure={measure} groupLabel="month" trend />
          <h2>Near misses</h2>
          <p>
            {overall.incidents.near_miss} near miss(es): time to detect the condition, median{' '}
            {formatDuration(overall.measures.near_miss_time_to_detect.median)} (p90{' '}
            {formatDuration(overall.measures.near_miss_time_to_detect.p90)}); time to block, median{' '}
            {formatDuration(overall.measures.near_miss_time_to_block.median)} (p90{' '}
            {formatDuration(overall.measures.near_miss_time_to_block.p90)}).
          </p>
        </>
      )}
      <h2>Follow-through</h2>
      <FollowThroughChart learning={learning} />
      <h2>Postmortem cycle time</h2>
      <PhaseCycleTimesChart learning={learning} />
      <h2>Contributing factors over time</h2>
      <FactorCategoriesChart learning={learning} labels={categoryLabels} />
      <h2>Did the fix hold?</h2>
      <RecurrenceList learning={learning} />
      <h2>Themes</h2>
      <ThemeList themes={themes.data} canOpen={can(session.abilities, 'createPostmortem')} />
    </>
  );
}
