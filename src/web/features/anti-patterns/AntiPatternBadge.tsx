import type { AntiPatternSummary } from '../../api/anti-patterns-api.ts';
import { findingSeverityClass, findingSeverityLabels } from './labels.ts';

/** A small count of an incident's anti-pattern findings, coloured by the most serious one. */
export function AntiPatternBadge({ summary }: { summary: AntiPatternSummary | undefined }) {
  if (!summary) {
    return <span className="muted">—</span>;
  }
  if (summary.count === 0 || !summary.worst) {
    return <span className="muted">None</span>;
  }
  const worst = findingSeverityLabels[summary.worst] ?? summary.worst;
  return (
    <span
      className={findingSeverityClass[summary.worst] ?? 'tag'}
      title={`${summary.count} anti-pattern finding(s), worst: ${worst}`}
    >
      {summary.count}
    </span>
  );
}
