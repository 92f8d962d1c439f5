import type { Problem } from '../../contracts/problem.ts';
import { NotFoundNotice } from './NotFoundNotice.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/**
 * What a scene shows before its data is there: a loading note, "not found" for a record that
 * does not exist or is not visible, or why loading failed.
 */
export function LoadState({ problem, onRetry }: { problem: Problem | null; onRetry: () => void }) {
  if (!problem) {
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  }
  if (problem.status === 404) {
    return <NotFoundNotice />;
  }
  return (
    <>
      <ProblemAlert problem={problem} />
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}
