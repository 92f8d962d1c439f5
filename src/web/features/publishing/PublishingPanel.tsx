import { useCallback } from 'react';
import { publishingApi } from '../../api/publishing-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { PublicVersionPanel } from './PublicVersionPanel.tsx';
import { RestrictedSectionsPanel } from './RestrictedSectionsPanel.tsx';

interface PublishingPanelProps {
  postmortemId: string;
  sections: ReadonlyArray<{ key: string; label: string }>;
  userId: string;
  canEdit: boolean;
}

/** The postmortem's Publishing tab: legal hold, restricted sections, inside and outside. */
export function PublishingPanel({ postmortemId, sections, userId, canEdit }: PublishingPanelProps) {
  const loadHold = useCallback(() => publishingApi.legalHold(postmortemId), [postmortemId]);
  const hold = useResource(loadHold);
  const publish = useSubmit();
  const published = async () => {
    const result = await publish.run(() => publishingApi.publishInternally(postmortemId));
    return result;
  };

  return (
    <>
      <h2>Publishing</h2>
      {hold.data?.data.hold && (
        <p className="notice">
          On legal hold since {formatInstant(hold.data.data.hold.placedAt)} (
          {hold.data.data.hold.reason}): it cannot be deleted, and every earlier version is kept (
          {hold.data.data.keptRevisions} so far).
        </p>
      )}
      <RestrictedSectionsPanel
        postmortemId={postmortemId}
        sections={sections}
        userId={userId}
        canEdit={canEdit}
      />
      <section aria-labelledby="internal-publication-heading">
        <h3 id="internal-publication-heading">Inside the organisation</h3>
        <p className="muted">
          Published for every member and viewer when it reaches follow-up, without its restricted
          sections; see <a href="/published">Published</a>.
        </p>
        {canEdit && (
          <button type="button" disabled={publish.pending} onClick={() => void published()}>
            Publish internally now
          </button>
        )}
        <PublicationRefusal problem={publish.problem} />
      </section>
      <PublicVersionPanel postmortemId={postmortemId} canEdit={canEdit} />
    </>
  );
}

/** A refused publication lists each reason; other problems as usual. */
function PublicationRefusal({
  problem,
}: {
  problem: Parameters<typeof ProblemAlert>[0]['problem'];
}) {
  const unmet =
    problem?.code === 'PUBLICATION_REFUSED'
      ? (problem.details?.unmet as Array<{ message: string }> | undefined)
      : undefined;
  return (
    <>
      <ProblemAlert problem={problem} />
      {unmet && (
        <ul>
          {unmet.map((u) => (
            <li key={u.message}>{u.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
