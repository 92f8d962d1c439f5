import type { Problem } from '../../contracts/problem.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

/** What a scene shows before its data is there: a loading note or why loading failed. */
export function LoadState({ problem, onRetry }: { problem: Problem | null; onRetry: () => void }) {
  if (!problem) {
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
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
