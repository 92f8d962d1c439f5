import { useCallback } from 'react';
import { type AntiPatternSummary, antiPatternsApi } from '../../api/anti-patterns-api.ts';
import { useResource } from '../../lib/use-resource.ts';

/**
 * Anti-pattern summaries for a page of incidents, by incident id; empty while loading or
 * when the request fails (the badge column is a hint, never a blocker).
 */
export function useAntiPatternSummaries(
  incidentIds: readonly string[],
): Record<string, AntiPatternSummary> {
  const key = incidentIds.join(',');
  const load = useCallback(
    async () => (key ? (await antiPatternsApi.summaries(key.split(','))).data : {}),
    [key],
  );
  return useResource(load).data ?? {};
}
