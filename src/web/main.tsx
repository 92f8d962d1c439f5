import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readEarly } from './api/early-reads.ts';
import { prefetchPostmortemPage } from './features/postmortems/postmortem-page-prefetch.ts';
import { getLocationSnapshot } from './routing/location-store.ts';
import { sceneForPath } from './scenes/scene-for-path.tsx';
import './styles.css';
import './pages.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}
// The two questions the app starts from (`useBoot`) go out first, as the script starts rather
// than once React has drawn; the boot's own requests take their answers.
readEarly('/setup');
readEarly('/auth/session');
// The page of the address opened downloads alongside the session check, not after it; when
// the visitor turns out to be signed out, it waits unused.
void sceneForPath(window.location.pathname).preload();
// A postmortem's page sends the reads its first screen waits for now, while the session is
// still being checked: each is answered as the cookie's owner or refused, whoever asks first.
prefetchPostmortemPage(getLocationSnapshot());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
