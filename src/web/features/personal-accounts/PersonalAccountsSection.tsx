import { useCallback, useState } from 'react';
import { personalAccountsApi } from '../../api/personal-accounts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { PersonalAccountCard } from './PersonalAccountCard.tsx';
import { PersonalAccountForm } from './PersonalAccountForm.tsx';
import '../timeline/timeline.css';

interface PersonalAccountsSectionProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

/** Each participant's own story, written before the meeting, and moments pinned from them. */
export function PersonalAccountsSection({
  postmortemId,
  canAdd,
  onChanged,
}: PersonalAccountsSectionProps) {
  const load = useCallback(() => personalAccountsApi.list(postmortemId), [postmortemId]);
  const accounts = useResource(load);
  const [findings, setFindings] = useState<Array<{ message: string; excerpt: string }> | null>(
    null,
  );

  if (!accounts.data) {
    return <LoadState problem={accounts.problem} onRetry={accounts.reload} />;
  }
  const changed = async () => {
    await accounts.reload();
    onChanged();
  };

  return (
    <>
      <h2>Personal accounts</h2>
      <p className="muted">
        Each person's own story of the incident. Select words in an account and pin the moment: it
        joins the timeline as a proposed event to review.
      </p>
      {accounts.data.data.length === 0 ? (
        <p className="empty">No accounts yet.</p>
      ) : (
        accounts.data.data.map(({ data, abilities }) => (
          <PersonalAccountCard
            key={data.id}
            account={data}
            abilities={abilities}
            onChanged={changed}
          />
        ))
      )}
      {findings && (
        <section className="card findings" aria-live="polite">
          <h3>Wording check</h3>
          {findings.length === 0 ? (
            <p>No wording that points at a person was found.</p>
          ) : (
            <ul>
              {findings.map((finding) => (
                <li key={`${finding.excerpt}:${finding.message}`}>
                  “{finding.excerpt}”: {finding.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canAdd && (
        <section className="card">
          <PersonalAccountForm
            postmortemId={postmortemId}
            onSubmitted={(result) => {
              setFindings(result);
              void changed();
            }}
          />
        </section>
      )}
    </>
  );
}
