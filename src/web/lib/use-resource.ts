import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../contracts/problem.ts';
import { toProblem } from '../api/api-error.ts';

export interface Resource<T> {
  data: T | undefined;
  problem: Problem | null;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => Promise<void>;
  /** Replaces the data, e.g. with the record a mutation returned. */
  setData: (data: T) => void;
}

/**
 * Loads data with `load` (memoize it with `useCallback`) and loads again when it changes.
 * Responses that arrive after a newer request started are ignored.
 */
export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    latest.current += 1;
    const ticket = latest.current;
    setLoading(true);
    try {
      const result = await load();
      if (ticket === latest.current) {
        setDataState(() => result);
        setProblem(null);
      }
    } catch (error) {
      if (ticket === latest.current) {
        setProblem(toProblem(error));
      }
    } finally {
      if (ticket === latest.current) {
        setLoading(false);
      }
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setData = useCallback((next: T) => {
    latest.current += 1;
    setDataState(() => next);
    setLoading(false);
  }, []);

  return { data, problem, loading, reload, setData };
}
