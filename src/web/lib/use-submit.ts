import { useCallback, useState } from 'react';
import type { Problem } from '../../contracts/problem.ts';
import { toProblem } from '../api/api-error.ts';

export interface Submit {
  pending: boolean;
  problem: Problem | null;
  /** Runs `action`; returns its result, or `undefined` after showing its problem. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

/** Tracks one form's submission: pending while it runs, the problem when it fails. */
export function useSubmit(): Submit {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setProblem(null);
    try {
      return await action();
    } catch (error) {
      setProblem(toProblem(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);

  const clear = useCallback(() => setProblem(null), []);
  return { pending, problem, run, clear };
}
