import { formatDuration } from '../../../analysis/metrics/format-duration.ts';
import type { LearningMetrics } from '../../api/insights-api.ts';
import { Link } from '../../routing/Link.tsx';
import { ChartFigure } from './ChartFigure.tsx';

/** Action items created and verified per month, and how follow-through stands. */
export function FollowThroughChart({ learning }: { learning: LearningMetrics }) {
  const { byMonth, timeToVerify, overdue, closedPostmortems, closedWithAllVerified } =
    learning.followThrough;
  const data = byMonth.flatMap((m) => [
    { month: m.month, series: 'created', count: m.created },
    { month: m.month, series: 'verified', count: m.verified },
  ]);
  return (
    <>
      <p>
        Time from an action item to its verification: median{' '}
        <strong>{formatDuration(timeToVerify.median)}</strong>, p90{' '}
        {formatDuration(timeToVerify.p90)} over {timeToVerify.count} verified item(s).{' '}
        {overdue.count} open item(s) are past their due date (median {overdue.ageDays.median ?? 0}{' '}
        days late, at most {overdue.ageDays.max ?? 0}). {closedWithAllVerified} of{' '}
        {closedPostmortems} closed postmortem(s) closed with every fix verified.
      </p>
      {byMonth.length > 0 && (
        <ChartFigure
          title="Action items created and verified by month"
          description="Per month, action items created (grey) beside those verified (green): a widening gap is fixes not carried through."
          header={['month', 'created', 'verified']}
          rows={byMonth.map((m) => [m.month, m.created, m.verified])}
          fileName="follow-through-by-month.csv"
          draw={(Plot) =>
            Plot.plot({
              ariaLabel: 'Action items created and verified by month',
              ariaDescription: byMonth
                .map((m) => `${m.month}: ${m.created} created, ${m.verified} verified`)
                .join('; '),
              fx: { label: 'month' },
              x: { axis: null, domain: ['created', 'verified'] },
              y: { label: 'action items', grid: true },
              color: {
                domain: ['created', 'verified'],
                range: ['#9ca3af', '#16a34a'],
                legend: true,
              },
              marks: [
                Plot.barY(data, { fx: 'month', x: 'series', y: 'count', fill: 'series' }),
                Plot.ruleY([0]),
              ],
            })
          }
        />
      )}
    </>
  );
}

/** Contributing-factor categories per month, stacked: which kinds of cause keep coming back. */
export function FactorCategoriesChart({
  learning,
  labels,
}: {
  learning: LearningMetrics;
  labels: Record<string, string>;
}) {
  const months = learning.factorCategories;
  const categories = [...new Set(months.flatMap((m) => Object.keys(m.counts)))].sort();
  if (categories.length === 0) {
    return <p className="empty">No contributing factors recorded yet.</p>;
  }
  const label = (key: string) => labels[key] ?? key;
  const data = months.flatMap((m) =>
    Object.entries(m.counts).map(([category, count]) => ({
      month: m.month,
      category: label(category),
      count,
    })),
  );
  return (
    <ChartFigure
      title="Contributing-factor categories by month"
      description="How many contributing factors of each category the reviews found, per month of their incidents."
      header={['month', ...categories.map(label)]}
      rows={months.map((m) => [m.month, ...categories.map((c) => m.counts[c] ?? 0)])}
      fileName="factor-categories-by-month.csv"
      draw={(Plot) =>
        Plot.plot({
          ariaLabel: 'Contributing-factor categories by month',
          ariaDescription: months
            .map(
              (m) =>
                `${m.month}: ${Object.entries(m.counts)
                  .map(([c, n]) => `${label(c)} ${n}`)
                  .join(', ')}`,
            )
            .join('; '),
          x: { label: 'month', type: 'band' },
          y: { label: 'factors', grid: true },
          color: { legend: true },
          marks: [Plot.barY(data, { x: 'month', y: 'count', fill: 'category' }), Plot.ruleY([0])],
        })
      }
    />
  );
}

/** "Did the fix hold?": reviews whose root causes came back on the same services. */
export function RecurrenceList({ learning }: { learning: LearningMetrics }) {
  if (learning.recurrences.length === 0) {
    return <p className="empty">No root cause has come back on the same services.</p>;
  }
  return (
    <ul>
      {learning.recurrences.map((recurrence) => (
        <li key={recurrence.postmortemId}>
          <Link to={`/postmortems/${recurrence.postmortemId}`}>{recurrence.title}</Link>:{' '}
          {recurrence.incidents.length} later incident(s) on the same services with a shared cause;{' '}
          {recurrence.fixHeld
            ? 'none after every fix was verified.'
            : 'at least one after every fix was verified — the fix did not hold.'}
        </li>
      ))}
    </ul>
  );
}
