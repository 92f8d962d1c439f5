import { useCallback, useEffect, useState } from 'react';
import { policyApi } from '../../api/policy-api.ts';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { CommentsPanel } from '../../features/comments/CommentsPanel.tsx';
import { SeverityBadge } from '../../features/incidents/SeverityBadge.tsx';
import { SimilarPostmortems } from '../../features/insights/SimilarPostmortems.tsx';
import { LiveTickContext } from '../../features/live/live-tick.ts';
import { PresenceList } from '../../features/live/PresenceList.tsx';
import { useLivePostmortem } from '../../features/live/use-live-postmortem.ts';
import { DeadlinesList } from '../../features/postmortems/DeadlinesList.tsx';
import { postmortemLabels } from '../../features/postmortems/labels.ts';
import { MoveBackForm } from '../../features/postmortems/MoveBackForm.tsx';
import { NextStepPanel } from '../../features/postmortems/NextStepPanel.tsx';
import { PhaseProgress } from '../../features/postmortems/PhaseProgress.tsx';
import { PostmortemTabs } from '../../features/postmortems/PostmortemTabs.tsx';
import {
  forgetPrefetchedPostmortemPage,
  prefetchPostmortemPage,
} from '../../features/postmortems/postmortem-page-prefetch.ts';
import { ReportDocumentMenu } from '../../features/postmortems/ReportDocumentMenu.tsx';
import { ReviewedIncidents } from '../../features/postmortems/ReviewedIncidents.tsx';
import { useReviewedIncidents } from '../../features/postmortems/use-reviewed-incidents.ts';
import { ReviewPanel } from '../../features/reviews/ReviewPanel.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { getLocationSnapshot } from '../../routing/location-store.ts';

/** `/postmortems/:id`: the phase, what is left before the next one, and every part. */
export function PostmortemScene({ id }: { id: string }) {
  // Opened from another page, the reads that follow from the postmortem (its incidents, the
  // timeline's first rows) go with it; on a first visit they went with the session check
  // (`main.tsx`) and are not sent again. Only on opening: a tab chosen later asks for its own.
  useEffect(() => {
    void id;
    prefetchPostmortemPage(getLocationSnapshot());
  }, [id]);
  const loadPostmortem = useCallback(() => postmortemsApi.get(id), [id]);
  const postmortem = useResource(loadPostmortem);
  const policy = useResource(policyApi.get);
  const reviewedIncidents = useReviewedIncidents(postmortem.data?.data.incidentIds);
  const title = postmortem.data
    ? `PM-${postmortem.data.data.number} ${postmortem.data.data.title}`
    : 'Postmortem';
  useDocumentTitle(title);
  const { reload } = postmortem;
  const onChanged = useCallback(() => void reload(), [reload]);
  // Someone else's change, on any instance: read the postmortem and its open parts again.
  const [liveTick, setLiveTick] = useState(0);
  const onLiveChange = useCallback(() => {
    forgetPrefetchedPostmortemPage(id);
    void reload();
    setLiveTick((tick) => tick + 1);
  }, [id, reload]);
  const viewers = useLivePostmortem(id, onLiveChange);
  const { session } = useSession();

  if (!postmortem.data || !policy.data) {
    return (
      <LoadState
        problem={postmortem.problem ?? policy.problem}
        onRetry={() => void Promise.all([postmortem.reload(), policy.reload()])}
      />
    );
  }
  const { data, abilities } = postmortem.data;
  const canChangePhase = can(abilities, 'changePhase');

  return (
    <>
      <p className="breadcrumb">
        <Link to="/postmortems">Postmortems</Link>
        {data.incidentIds.map((incidentId, index) => (
          <span key={incidentId}>
            {' · '}
            <Link to={`/incidents/${incidentId}`}>
              {data.incidentIds.length === 1 ? 'Incident' : `Incident ${index + 1}`}
            </Link>
          </span>
        ))}
      </p>
      <div className="page-heading">
        <h1>
          <span className="muted">PM-{data.number}</span> {data.title}
        </h1>
        <SeverityBadge severity={data.severity} />
      </div>
      <p className="phase-line">
        Phase: <strong data-testid="current-phase">{postmortemLabels.phase[data.phase]}</strong>
        {data.scope === 'thematic' && <span className="tag">Thematic</span>}
        {data.restricted && <span className="tag">Restricted</span>}
      </p>
      <PresenceList viewers={viewers} selfId={session?.user.id ?? ''} />
      <ReportDocumentMenu
        postmortemId={data.id}
        canEdit={can(abilities, 'update')}
        onDrafted={onChanged}
      />
      <PhaseProgress phase={data.phase} />
      <div className="two-column">
        <NextStepPanel
          postmortem={data}
          canChangePhase={canChangePhase}
          onChanged={postmortem.setData}
          onReload={onChanged}
        />
        <section className="card" aria-labelledby="deadlines-heading">
          <h2 id="deadlines-heading">Deadlines</h2>
          <DeadlinesList deadlines={data.deadlines} />
          {canChangePhase && (
            <MoveBackForm postmortem={data} onChanged={postmortem.setData} onReload={onChanged} />
          )}
        </section>
      </div>
      <LiveTickContext.Provider value={liveTick}>
        <ReviewPanel postmortemId={data.id} onChanged={onChanged} />
        <CommentsPanel
          postmortemId={data.id}
          sections={data.reportSections}
          canEdit={can(abilities, 'update')}
        />
      </LiveTickContext.Provider>
      <ReviewedIncidents incidents={reviewedIncidents} count={data.incidentIds.length} />
      <SimilarPostmortems target={{ postmortemId: data.id }} />
      <LiveTickContext.Provider value={liveTick}>
        <PostmortemTabs
          postmortem={data}
          policy={policy.data}
          reviewedIncidents={reviewedIncidents.data}
          canEdit={can(abilities, 'update')}
          onChanged={onChanged}
          onSaved={postmortem.setData}
        />
      </LiveTickContext.Provider>
    </>
  );
}
