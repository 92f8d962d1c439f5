import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { prefetchTimelineFor } from './features/timeline/timeline-prefetch.ts';
import { getLocationSnapshot } from './routing/location-store.ts';
import { sceneForPath } from './scenes/scene-for-path.tsx';
import './styles.css';
import './pages.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element');
}
// A postmortem opened on its timeline asks for its first events now, while the session is
// still being checked: a timeline is read as its viewer or refused, whoever asks first.
prefetchTimelineFor(getLocationSnapshot());
// The page of the address opened downloads alongside the session check, not after it; when
// the visitor turns out to be signed out, it waits unused.
void sceneForPath(window.location.pathname).preload();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
