import type { ReactElement } from 'react';
import { isRecordId } from '../routing/is-record-id.ts';
import { LazySceneView } from '../routing/LazySceneView.tsx';
import type { LazyScene } from '../routing/lazy-scene.ts';
import { matchPath } from '../routing/match-path.ts';
import {
  actionItemBoardScene,
  editIncidentScene,
  incidentListScene,
  incidentScene,
  insightsScene,
  newIncidentScene,
  postmortemListScene,
  postmortemScene,
  publishedScene,
  resetPasswordScene,
  searchScene,
  serviceScene,
  servicesScene,
  settingsScene,
} from './lazy-scenes.ts';
import { NotFoundScene } from './NotFound/NotFoundScene.tsx';

/** The scene an address shows, and how to start downloading its code. */
export interface ScenePick {
  element: ReactElement;
  preload: () => Promise<void>;
}

const pick = <P extends object>(scene: LazyScene<P>, props: P, key?: string): ScenePick => ({
  element: <LazySceneView key={key} scene={scene} props={props} />,
  preload: scene.preload,
});

const notFound: ScenePick = {
  element: <NotFoundScene />,
  preload: () => Promise.resolve(),
};

/**
 * Picks the scene for a signed-in visitor's path. Scenes with an id remount when the id
 * changes; an address whose id is not well formed is not found.
 */
export function sceneForPath(pathname: string): ScenePick {
  if (pathname === '/' || pathname === '/incidents') {
    return pick(incidentListScene, {});
  }
  if (pathname === '/incidents/new') {
    return pick(newIncidentScene, {});
  }
  const incidentEdit = matchPath('/incidents/:id/edit', pathname);
  if (isRecordId(incidentEdit?.id)) {
    return pick(editIncidentScene, { id: incidentEdit.id }, incidentEdit.id);
  }
  const incident = matchPath('/incidents/:id', pathname);
  if (isRecordId(incident?.id)) {
    return pick(incidentScene, { id: incident.id }, incident.id);
  }
  if (pathname === '/postmortems') {
    return pick(postmortemListScene, {});
  }
  const postmortem = matchPath('/postmortems/:id', pathname);
  if (isRecordId(postmortem?.id)) {
    return pick(postmortemScene, { id: postmortem.id }, postmortem.id);
  }
  if (pathname === '/search') {
    return pick(searchScene, {});
  }
  if (pathname === '/published') {
    return pick(publishedScene, {});
  }
  if (pathname === '/action-items') {
    return pick(actionItemBoardScene, {});
  }
  if (pathname === '/insights') {
    return pick(insightsScene, {});
  }
  if (pathname === '/services') {
    return pick(servicesScene, {});
  }
  const service = matchPath('/services/:name', pathname);
  if (service?.name) {
    return pick(serviceScene, { name: service.name }, service.name);
  }
  if (pathname === '/reset-password') {
    return pick(resetPasswordScene, {});
  }
  const settings = matchPath('/settings/:page', pathname);
  if (settings?.page) {
    return pick(settingsScene, { page: settings.page }, settings.page);
  }
  return notFound;
}
