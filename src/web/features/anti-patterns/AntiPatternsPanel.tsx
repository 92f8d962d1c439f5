import { useCallback } from 'react';
import { antiPatternsApi } from '../../api/anti-patterns-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { antiPatternLabels, findingSeverityClass, findingSeverityLabels } from './labels.ts';

interface AntiPatternsPanelProps {
  postmortemId: string;
}

/** The postmortem's anti-pattern findings: what, why it matters, what to do, and where. */
export function AntiPatternsPanel({ postmortemId }: AntiPatternsPanelProps) {
  const load = useCallback(() => antiPatternsApi.list(postmortemId), [postmortemId]);
  const findings = useResource(load);

  if (!findings.data) {
    return <LoadState problem={findings.problem} onRetry={findings.reload} />;
  }
  const items = findings.data.data;
  return (
    <section className="card" aria-labelledby="anti-patterns-heading">
      <h3 id="anti-patterns-heading">Anti-patterns</h3>
      {items.length === 0 ? (
        <p className="ok">No anti-patterns found.</p>
      ) : (
        <ul className="findings" data-testid="anti-pattern-findings">
          {items.map((finding) => (
            <li key={`${finding.rule}:${finding.target.id}`}>
              <p>
                <span className={findingSeverityClass[finding.severity] ?? 'tag'}>
                  {findingSeverityLabels[finding.severity] ?? finding.severity}
                </span>{' '}
                <strong>{antiPatternLabels[finding.antiPattern] ?? finding.antiPattern}</strong>:{' '}
                {finding.message}
              </p>
              {finding.suggestion && <p className="muted">{finding.suggestion}</p>}
              {finding.target.type === 'action_item' && (
                <p>
                  <Link to={`/postmortems/${postmortemId}?tab=actions`}>Open the action items</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
