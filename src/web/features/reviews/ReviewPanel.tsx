import { type FormEvent, useCallback, useState } from 'react';
import { reviewsApi } from '../../api/reviews-api.ts';
import { usersApi } from '../../api/users-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useReloadOnLiveChange } from '../live/live-tick.ts';

const statusLabels = {
  pending: 'Waiting',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  stale: 'Approved an earlier text: waiting again',
} as const;

/**
 * The report's review: who was asked (a person or a team), their answers with comments, how many
 * approvals count against how many the policy requires, and who is still pending. Ask someone,
 * answer a review asked of you, or withdraw a request.
 */
export function ReviewPanel({
  postmortemId,
  onChanged,
}: {
  postmortemId: string;
  onChanged: () => void;
}) {
  const load = useCallback(() => reviewsApi.list(postmortemId), [postmortemId]);
  const reviews = useResource(load);
  useReloadOnLiveChange(reviews.reload);
  const people = useResource(usersApi.list);
  const submit = useSubmit();
  const [reviewer, setReviewer] = useState('');
  const [comment, setComment] = useState('');

  const refresh = async () => {
    await reviews.reload();
    onChanged();
  };
  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const body = reviewer.startsWith('team:') ? { team: reviewer.slice(5) } : { userId: reviewer };
    if (await submit.run(() => reviewsApi.request(postmortemId, body))) {
      setReviewer('');
      await refresh();
    }
  };
  const decide = async (
    id: string,
    version: number,
    decision: 'approved' | 'changes_requested',
  ) => {
    if (
      await submit.run(() =>
        reviewsApi.decide(id, version, { decision, ...(comment ? { comment } : {}) }),
      )
    ) {
      setComment('');
      await refresh();
    }
  };

  const list = reviews.data;
  return (
    <section className="card" aria-labelledby="report-review-heading" data-testid="review-panel">
      <h2 id="report-review-heading">Review</h2>
      {list && (
        <>
          <p>
            {list.summary.approvals} of {list.summary.required} required approvals.{' '}
            {list.summary.pending.length > 0 &&
              `Pending: ${list.summary.pending.map((p) => p.label).join(', ')}.`}
          </p>
          {list.data.length > 0 && (
            <ul>
              {list.data.map(({ data, abilities }) => (
                <li key={data.id}>
                  <strong>{data.label}</strong>: {statusLabels[data.status]}
                  {data.decidedByName && ` (${data.decidedByName})`}
                  {data.comment && <span className="muted"> — {data.comment}</span>}{' '}
                  {abilities.decide && (
                    <>
                      <button
                        type="button"
                        onClick={() => void decide(data.id, data.version, 'approved')}
                      >
                        Approve
                      </button>{' '}
                      <button
                        type="button"
                        disabled={!comment}
                        onClick={() => void decide(data.id, data.version, 'changes_requested')}
                      >
                        Request changes
                      </button>
                    </>
                  )}{' '}
                  {abilities.withdraw && (
                    <button
                      type="button"
                      onClick={() =>
                        void submit
                          .run(() => reviewsApi.withdraw(data.id, data.version))
                          .then((done) => done && refresh())
                      }
                    >
                      Withdraw
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {list.data.some((r) => r.abilities.decide) && (
            <Field label="Your review comment">
              <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
            </Field>
          )}
          {list.abilities.request && (
            <form className="form" onSubmit={ask} aria-label="Request a review">
              <Field label="Ask for a review">
                <select value={reviewer} onChange={(e) => setReviewer(e.target.value)}>
                  <option value="">Choose a person or a team</option>
                  {list.summary.teams.map((team) => (
                    <option key={team} value={`team:${team}`}>
                      Team {team}
                    </option>
                  ))}
                  {(people.data?.data ?? [])
                    .filter((person) => person.role !== 'viewer')
                    .map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                </select>
              </Field>
              <div className="actions">
                <button type="submit" disabled={!reviewer || submit.pending}>
                  Request review
                </button>
              </div>
            </form>
          )}
        </>
      )}
      <ProblemAlert problem={submit.problem ?? reviews.problem} onReload={() => void refresh()} />
    </section>
  );
}
