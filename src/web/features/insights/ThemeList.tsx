import { formatDuration } from '../../../analysis/metrics/format-duration.ts';
import type { Theme } from '../../api/insights-api.ts';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Link } from '../../routing/Link.tsx';
import { navigate } from '../../routing/location-store.ts';

/** One theme: its incidents, their total impact, and the thematic review it suggests. */
function ThemeCard({ theme, canOpen }: { theme: Theme; canOpen: boolean }) {
  const open = useSubmit();
  const openReview = async () => {
    const created = await open.run(() => postmortemsApi.create(theme.suggestedPostmortem));
    if (created) {
      navigate(`/postmortems/${created.data.id}`);
    }
  };
  return (
    <li className="theme-card">
      <h3>{theme.suggestedPostmortem.title}</h3>
      <p>
        {theme.count} incidents from {theme.from.slice(0, 10)} to {theme.to.slice(0, 10)}, together{' '}
        {formatDuration(theme.totalDurationSeconds)} of impact
        {theme.services.length > 0 && <> on {theme.services.join(', ')}</>};{' '}
        {theme.withoutPostmortem} without a postmortem.
      </p>
      {theme.recurringMinorIssue && (
        <p className="status-note" role="note">
          Recurring minor issue: the policy requires a thematic postmortem
          {theme.recurringMinorIssue.dueOn.analysis &&
            ` (analysis due ${theme.recurringMinorIssue.dueOn.analysis})`}
          .
        </p>
      )}
      <ul>
        {theme.incidents.map((incident) => (
          <li key={incident.id}>
            <Link to={`/incidents/${incident.id}`}>
              #{incident.number} {incident.title}
            </Link>{' '}
            <span className="muted">
              {incident.severity}, {incident.occurredAt.slice(0, 10)}
            </span>
          </li>
        ))}
      </ul>
      {canOpen && (
        <button type="button" onClick={() => void openReview()} disabled={open.pending}>
          Open a thematic postmortem over these {theme.count}
        </button>
      )}
      <ProblemAlert problem={open.problem} />
    </li>
  );
}

/** Themes: related incidents proposed as thematic postmortems. */
export function ThemeList({ themes, canOpen }: { themes: Theme[]; canOpen: boolean }) {
  if (themes.length === 0) {
    return <p className="empty">No recurring theme in the last 90 days.</p>;
  }
  return (
    <ul className="theme-list">
      {themes.map((theme) => (
        <ThemeCard
          key={theme.suggestedPostmortem.incidentIds.join()}
          theme={theme}
          canOpen={canOpen}
        />
      ))}
    </ul>
  );
}
