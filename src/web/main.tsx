import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { prefetchPostmortemPage } from './features/postmortems/postmortem-page-prefetch.ts';
import { getLocationSnapshot } from './routing/location-store.ts';
import { sceneForPath } from './scenes/scene-for-path.tsx';
import './styles.css';
import './pages.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}
// A postmortem's page sends the reads its first screen waits for now, while the session is
// still being checked: each is answered as the cookie's owner or refused, whoever asks first.
prefetchPostmortemPage(getLocationSnapshot());
// The page of the address opened downloads alongside the session check, not after it; when
// the visitor turns out to be signed out, it waits unused.
void sceneForPath(window.location.pathname).preload();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
