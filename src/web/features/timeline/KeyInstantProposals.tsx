import { useCallback } from 'react';
import { proposableInstants } from '../../../domain/key-instant-proposals.ts';
import { ApiError } from '../../api/api-error.ts';
import { type ReviewEvent, timelineReviewApi } from '../../api/timeline-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';

interface KeyInstantProposalsProps {
  postmortemId: string;
  lookup: (id: string) => ReviewEvent | undefined;
  /** Changes whenever the timeline does, so proposals follow reviews. */
  revision: number;
  onConfirmed: () => void;
}

type Proposable = (typeof proposableInstants)[number];
const isProposable = (name: string): name is Proposable =>
  (proposableInstants as readonly string[]).includes(name);

/**
 * Key instants (started, detected, acknowledged, mitigated, resolved) proposed from the accepted
 * timeline, with how sure each is and any that are out of order.
 */
export function KeyInstantProposals({
  postmortemId,
  lookup,
  revision,
  onConfirmed,
}: KeyInstantProposalsProps) {
  const load = useCallback(async () => {
    void revision;
    try {
      return await timelineReviewApi.proposals(postmortemId);
    } catch (error) {
      // Servers without the proposals endpoint simply have none to offer.
      if (error instanceof ApiError && error.problem.status === 404) {
        return null;
      }
      throw error;
    }
  }, [postmortemId, revision]);
  const proposals = useResource(load);
  const submit = useSubmit();
  const items = (proposals.data?.data.proposals ?? []).filter((p) => p.proposed !== null);
  if (items.length === 0 && !proposals.problem) {
    return null;
  }
  const mayConfirm = can(proposals.data?.abilities, 'confirm');
  return (
    <section className="card" aria-labelledby="key-instants-heading">
      <h3 id="key-instants-heading">Key instants proposed from the accepted timeline</h3>
      <ul className="link-list">
        {items.map(({ name, proposed, current, outOfOrderWith }) => {
          if (!proposed) {
            return null;
          }
          const evidence = lookup(proposed.eventId);
          const label = name.replace(/_at$/, '').replace(/_/g, ' ');
          const settled = current?.at === proposed.at;
          return (
            <li key={name}>
              <strong>{label}</strong>: {formatInstant(proposed.at)}
              {proposed.precision === 'estimated' && (
                <span className="tag">estimated{proposed.basis ? `: ${proposed.basis}` : ''}</span>
              )}
              {evidence && <span className="muted"> — “{evidence.text.slice(0, 120)}”</span>}
              {outOfOrderWith.length > 0 && (
                <span className="tag tag-warn">
                  out of order with{' '}
                  {outOfOrderWith.map((other) => other.replace(/_at$/, '')).join(', ')}
                </span>
              )}
              <span className="muted">
                {' '}
                (now: {current ? formatInstant(current.at) : 'not set'})
              </span>{' '}
              {mayConfirm && !settled && isProposable(name) && (
                <button
                  type="button"
                  disabled={submit.pending}
                  onClick={async () => {
                    const done = await submit.run(() =>
                      timelineReviewApi.confirmProposal(postmortemId, name, proposed.eventId),
                    );
                    if (done !== undefined) {
                      onConfirmed();
                    }
                  }}
                >
                  Confirm {label}
                </button>
              )}
              {settled && <span className="tag tag-ok">Confirmed</span>}
            </li>
          );
        })}
      </ul>
      <ProblemAlert problem={submit.problem ?? proposals.problem} />
    </section>
  );
}
