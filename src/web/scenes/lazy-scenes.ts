import { lazyScene } from '../routing/lazy-scene.ts';

// Every page behind sign-in is its own download, fetched on its first visit (or preloaded
// at start for the address opened), so a first screen evaluates the shell and its own page
// only. Sign-in and setup stay in the shell: they are drawn before any page is known.

/** `/` and `/incidents`. */
export const incidentListScene = lazyScene(() =>
  import('./IncidentList/IncidentListScene.tsx').then((module) => module.IncidentListScene),
);
/** `/incidents/new`. */
export const newIncidentScene = lazyScene(() =>
  import('./NewIncident/NewIncidentScene.tsx').then((module) => module.NewIncidentScene),
);
/** `/incidents/:id/edit`. */
export const editIncidentScene = lazyScene(() =>
  import('./EditIncident/EditIncidentScene.tsx').then((module) => module.EditIncidentScene),
);
/** `/incidents/:id`. */
export const incidentScene = lazyScene(() =>
  import('./Incident/IncidentScene.tsx').then((module) => module.IncidentScene),
);
/** `/postmortems`. */
export const postmortemListScene = lazyScene(() =>
  import('./PostmortemList/PostmortemListScene.tsx').then((module) => module.PostmortemListScene),
);
/** `/postmortems/:id`. */
export const postmortemScene = lazyScene(() =>
  import('./Postmortem/PostmortemScene.tsx').then((module) => module.PostmortemScene),
);
/** `/search`. */
export const searchScene = lazyScene(() =>
  import('./Search/SearchScene.tsx').then((module) => module.SearchScene),
);
/** `/published`. */
export const publishedScene = lazyScene(() =>
  import('./Published/PublishedScene.tsx').then((module) => module.PublishedScene),
);
/** `/action-items`. */
export const actionItemBoardScene = lazyScene(() =>
  import('./ActionItemBoard/ActionItemBoardScene.tsx').then(
    (module) => module.ActionItemBoardScene,
  ),
);
/** `/insights`: reads across every incident and draws charts. */
export const insightsScene = lazyScene(() =>
  import('./Insights/InsightsScene.tsx').then((module) => module.InsightsScene),
);
/** `/services`. */
export const servicesScene = lazyScene(() =>
  import('./Services/ServicesScene.tsx').then((module) => module.ServicesScene),
);
/** `/services/:name`. */
export const serviceScene = lazyScene(() =>
  import('./Service/ServiceScene.tsx').then((module) => module.ServiceScene),
);
/** `/settings/:page`: for admins and rare visits. */
export const settingsScene = lazyScene(() =>
  import('./Settings/SettingsScene.tsx').then((module) => module.SettingsScene),
);
/** `/reset-password`, signed in or out: the page of an invitation or reset link. */
export const resetPasswordScene = lazyScene(() =>
  import('./ResetPassword/ResetPasswordScene.tsx').then((module) => module.ResetPasswordScene),
);
