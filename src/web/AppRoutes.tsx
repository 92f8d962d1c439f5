import { lazy, Suspense } from 'react';
import { isRecordId } from './routing/is-record-id.ts';
import { matchPath } from './routing/match-path.ts';
import { useLocation } from './routing/use-location.ts';
import { ActionItemBoardScene } from './scenes/ActionItemBoard/ActionItemBoardScene.tsx';
import { EditIncidentScene } from './scenes/EditIncident/EditIncidentScene.tsx';
import { IncidentScene } from './scenes/Incident/IncidentScene.tsx';
import { IncidentListScene } from './scenes/IncidentList/IncidentListScene.tsx';
import { NewIncidentScene } from './scenes/NewIncident/NewIncidentScene.tsx';
import { NotFoundScene } from './scenes/NotFound/NotFoundScene.tsx';
import { PostmortemScene } from './scenes/Postmortem/PostmortemScene.tsx';
import { PostmortemListScene } from './scenes/PostmortemList/PostmortemListScene.tsx';
import { PublishedScene } from './scenes/Published/PublishedScene.tsx';
import { ResetPasswordScene } from './scenes/ResetPassword/ResetPasswordScene.tsx';
import { SearchScene } from './scenes/Search/SearchScene.tsx';
import { ServiceScene } from './scenes/Service/ServiceScene.tsx';
import { ServicesScene } from './scenes/Services/ServicesScene.tsx';

// Settings pages are for admins and rare visits: kept out of the first download.
const SettingsScene = lazy(() =>
  import('./scenes/Settings/SettingsScene.tsx').then((module) => ({
    default: module.SettingsScene,
  })),
);

// Insights read across every incident and draw charts: loaded on the first visit.
const InsightsScene = lazy(() =>
  import('./scenes/Insights/InsightsScene.tsx').then((module) => ({
    default: module.InsightsScene,
  })),
);

/**
 * Picks the scene for the current path. Scenes with an id remount when the id changes; an
 * address whose id is not well formed is not found.
 */
export function AppRoutes() {
  const { pathname } = useLocation();
  if (pathname === '/' || pathname === '/incidents') {
    return <IncidentListScene />;
  }
  if (pathname === '/incidents/new') {
    return <NewIncidentScene />;
  }
  const incidentEdit = matchPath('/incidents/:id/edit', pathname);
  if (isRecordId(incidentEdit?.id)) {
    return <EditIncidentScene key={incidentEdit.id} id={incidentEdit.id} />;
  }
  const incident = matchPath('/incidents/:id', pathname);
  if (isRecordId(incident?.id)) {
    return <IncidentScene key={incident.id} id={incident.id} />;
  }
  if (pathname === '/postmortems') {
    return <PostmortemListScene />;
  }
  const postmortem = matchPath('/postmortems/:id', pathname);
  if (isRecordId(postmortem?.id)) {
    return <PostmortemScene key={postmortem.id} id={postmortem.id} />;
  }
  if (pathname === '/search') {
    return <SearchScene />;
  }
  if (pathname === '/published') {
    return <PublishedScene />;
  }
  if (pathname === '/action-items') {
    return <ActionItemBoardScene />;
  }
  if (pathname === '/insights') {
    return (
      <Suspense
        fallback={
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        }
      >
        <InsightsScene />
      </Suspense>
    );
  }
  if (pathname === '/services') {
    return <ServicesScene />;
  }
  const service = matchPath('/services/:name', pathname);
  if (service?.name) {
    return <ServiceScene key={service.name} name={service.name} />;
  }
  if (pathname === '/reset-password') {
    return <ResetPasswordScene />;
  }
  const settings = matchPath('/settings/:page', pathname);
  if (settings?.page) {
    return (
      <Suspense
        fallback={
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        }
      >
        <SettingsScene key={settings.page} page={settings.page} />
      </Suspense>
    );
  }
  return <NotFoundScene />;
}
