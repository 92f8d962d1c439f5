import { z } from 'zod';
import type { Problem } from '../../contracts/problem.ts';
import { unmetConditionSchema } from '../../contracts/unmet-condition.ts';
import { UnmetList } from './UnmetList.tsx';

const unmetDetailsSchema = z.object({ unmet: z.array(unmetConditionSchema) });

interface ProblemAlertProps {
  problem: Problem | null;
  /** Reloads the stale record after a version mismatch; defaults to reloading the page. */
  onReload?: () => void;
  /** Human names for `errors[].path` values, e.g. `{ title: 'Title' }`. */
  fieldLabels?: Record<string, string>;
}

/**
 * An always-present live region that announces a failed request: its title and detail,
 * every validation issue, the unmet conditions of a refused transition, and what to do
 * about a stale version.
 */
export function ProblemAlert({ problem, onReload, fieldLabels = {} }: ProblemAlertProps) {
  const unmet =
    problem?.code === 'TRANSITION_REFUSED' ? unmetDetailsSchema.safeParse(problem.details) : null;
  const stale = problem?.code === 'VERSION_MISMATCH' || problem?.status === 412;
  return (
    <div className="problem-region" role="alert" aria-atomic="true">
      {problem && (
        <div className="problem">
          <p className="problem-title">{problem.title}</p>
          {problem.detail && <p>{problem.detail}</p>}
          {stale && (
            <p>
              Someone else changed this record after you opened it. Reload to see their changes,
              then make yours again.{' '}
              <button type="button" onClick={onReload ?? (() => window.location.reload())}>
                Reload
              </button>
            </p>
          )}
          {problem.errors && problem.errors.length > 0 && (
            <ul className="problem-errors">
              {problem.errors.map((issue) => (
                <li key={`${issue.path}:${issue.code}:${issue.message}`}>
                  {issue.path && <strong>{fieldLabels[issue.path] ?? issue.path}: </strong>}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
          {unmet?.success && <UnmetList items={unmet.data.unmet} label="Still to do" />}
          {problem.status >= 500 && problem.requestId && (
            <p className="muted">Reference: {problem.requestId}</p>
          )}
        </div>
      )}
    </div>
  );
}
