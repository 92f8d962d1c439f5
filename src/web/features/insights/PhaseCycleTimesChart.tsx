import { formatDuration } from '../../../analysis/metrics/format-duration.ts';
import type { PostmortemPhase } from '../../../domain/postmortem-phases.ts';
import type { LearningMetrics } from '../../api/insights-api.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { ChartFigure } from './ChartFigure.tsx';

const outcomes = [
  ['onTime', 'on time', '#16a34a'],
  ['late', 'late', '#d97706'],
  ['overdue', 'overdue', '#dc2626'],
  ['pending', 'not yet due', '#9ca3af'],
] as const;

/** Postmortem cycle time per phase against the policy's due dates: on time, late, overdue. */
export function PhaseCycleTimesChart({ learning }: { learning: LearningMetrics }) {
  const phases = learning.phaseCycleTimes.filter((p) => p.due > 0);
  if (phases.length === 0) {
    return <p className="empty">No postmortem has a running clock yet.</p>;
  }
  const label = (phase: string) => postmortemLabels.phase[phase as PostmortemPhase] ?? phase;
  const data = phases.flatMap((p) =>
    outcomes.map(([key, outcome]) => ({ phase: label(p.phase), outcome, count: p[key] })),
  );
  return (
    <ChartFigure
      title="Postmortem cycle time per phase"
      description="Per phase, postmortems that reached it by the policy's due date, reached it late, are overdue, or are not yet due; the table adds the time from resolution to reaching it."
      header={['phase', 'on time', 'late', 'overdue', 'not yet due', 'median time', 'p90 time']}
      rows={phases.map((p) => [
        label(p.phase),
        p.onTime,
        p.late,
        p.overdue,
        p.pending,
        formatDuration(p.timeToReach.median),
        formatDuration(p.timeToReach.p90),
      ])}
      fileName="postmortem-cycle-times.csv"
      draw={(Plot) =>
        Plot.plot({
          ariaLabel: 'Postmortem cycle time per phase',
          ariaDescription: phases
            .map(
              (p) =>
                `${label(p.phase)}: ${p.onTime} on time, ${p.late} late, ${p.overdue} overdue, ${p.pending} not yet due`,
            )
            .join('; '),
          x: { label: 'postmortems', grid: true },
          y: { label: null, domain: phases.map((p) => label(p.phase)) },
          color: {
            domain: outcomes.map(([, outcome]) => outcome),
            range: outcomes.map(([, , colour]) => colour),
            legend: true,
          },
          marginLeft: 110,
          marks: [Plot.barX(data, { y: 'phase', x: 'count', fill: 'outcome' }), Plot.ruleX([0])],
        })
      }
    />
  );
}
