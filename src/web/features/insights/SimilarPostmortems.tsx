import { useCallback, useId } from 'react';
import { insightsApi } from '../../api/insights-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';

/**
 * "Similar past postmortems": earlier reviews with the same words, services or causes, so that
 * a team starts from what it already learnt.
 */
export function SimilarPostmortems({
  target,
}: {
  target: { incidentId: string } | { postmortemId: string };
}) {
  const headingId = useId();
  const key = 'incidentId' in target ? `i:${target.incidentId}` : `p:${target.postmortemId}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the target
  const load = useCallback(
    () =>
      'incidentId' in target
        ? insightsApi.similarToIncident(target.incidentId)
        : insightsApi.similarToPostmortem(target.postmortemId),
    [key],
  );
  const similar = useResource(load);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Similar past postmortems</h2>
      {!similar.data ? (
        <LoadState problem={similar.problem} onRetry={similar.reload} />
      ) : similar.data.data.length === 0 ? (
        <p className="empty">No similar postmortem yet.</p>
      ) : (
        <ul>
          {similar.data.data.map((match) => (
            <li key={match.id}>
              <Link to={`/postmortems/${match.id}`}>{match.title}</Link>{' '}
              <span className="muted">
                (incident{match.incidentNumbers.length === 1 ? '' : 's'}{' '}
                {match.incidentNumbers.map((n) => `#${n}`).join(', ')};{' '}
                {Math.round(match.score * 100)}% alike)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
