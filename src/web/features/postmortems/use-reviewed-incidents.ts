import { useCallback } from 'react';
import { type Incident, incidentsApi } from '../../api/incidents-api.ts';
import { type Resource, useResource } from '../../lib/use-resource.ts';

/** The reviewed incidents as the page shows them: undefined until read (or while re-read). */
export type ReviewedIncidentsRead = Pick<Resource<Incident[]>, 'data' | 'problem' | 'reload'>;

/**
 * Every incident a postmortem reviews, read once for its page: the incidents table and the
 * timeline's opening zoom (their key instants) both show them, and each used to ask for them
 * itself. `incidentIds` is undefined until the postmortem has arrived; the incidents are read
 * again only when it reviews other ones.
 */
export function useReviewedIncidents(
  incidentIds: readonly string[] | undefined,
): ReviewedIncidentsRead {
  const key = incidentIds?.join(',');
  const load = useCallback(
    async () => ({
      key,
      incidents: await Promise.all(
        (key ?? '')
          .split(',')
          .filter(Boolean)
          .map((id) => incidentsApi.get(id).then((answer) => answer.data)),
      ),
    }),
    [key],
  );
  const { data, problem, reload } = useResource(load);
  // Until the new list arrives the previous one (another postmortem's, or none) is not shown.
  return { data: data && data.key === key ? data.incidents : undefined, problem, reload };
}
