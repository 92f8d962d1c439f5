import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordApiTraffic, repeatedRequests } from './support/api-traffic.ts';
import { hasChromium } from './support/chromium.ts';
import { type Journey, openJourney, setUpFirstAdmin } from './support/journey.ts';
import { seedLongTimeline } from './support/long-timeline.ts';
import { IncidentListPage } from './support/pages/incident-list-page.ts';
import { SetupPage } from './support/pages/setup-page.ts';
import { TimelineReviewPage } from './support/pages/timeline-review-page.ts';

const setupStatus = 'GET /api/v1/setup';
const session = 'GET /api/v1/auth/session';

/**
 * Holds the workspace's setup answer back a while: the session request must not wait for it,
 * and on a fast loopback server a waterfall could otherwise hide inside one answer's time.
 */
async function slowSetupAnswer(page: Page): Promise<void> {
  await page.route('**/api/v1/setup', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
}

/** The app's own scripts the page downloads from now on, by file name without its hash. */
function recordScripts(page: Page): { names: string[]; stop: () => void } {
  const names: string[] = [];
  const onRequest = (request: Request) => {
    const match = /\/assets\/([^/]+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) {
      names.push(match[1]);
    }
  };
  page.on('request', onRequest);
  return { names, stop: () => page.off('request', onRequest) };
}

/** Waits until the page has sent everything it sends on its own (the live feed stays open). */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

describe.skipIf(!hasChromium)('what the web app asks the server on load', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await openJourney();
    ({ page } = journey);
    await slowSetupAnswer(page);
  }, 180_000);

  afterAll(() => journey?.close());

  it('asks for the setup state and the session together, and shows setup on a fresh workspace', async () => {
    const traffic = recordApiTraffic(page);
    await page.goto('/');
    await new SetupPage(page).heading.waitFor();
    traffic.stop();
    expect(traffic.requests).toContain(session);
    expect(traffic.steps.indexOf(`sent ${session}`), traffic.steps.join('\n')).toBeLessThan(
      traffic.steps.indexOf(`answered ${setupStatus}`),
    );
    expect(journey.pageErrors).toEqual([]);
  });

  it('opens the incident list after both answers, asking for each thing once', async () => {
    await setUpFirstAdmin(page);
    const traffic = recordApiTraffic(page);
    const scripts = recordScripts(page);
    await page.goto('/');
    await new IncidentListPage(page).heading.waitFor();
    await quiet(page);
    traffic.stop();
    scripts.stop();
    // The shell and the page opened; no other page's code.
    expect(scripts.names).toContain('IncidentListScene');
    expect(scripts.names.filter((name) => name.endsWith('Scene'))).toEqual(['IncidentListScene']);
    expect(traffic.steps.indexOf(`sent ${session}`), traffic.steps.join('\n')).toBeLessThan(
      traffic.steps.indexOf(`answered ${setupStatus}`),
    );
    expect(repeatedRequests(traffic.requests)).toEqual([]);
    expect(traffic.requests).toContain('GET /api/v1/incidents');
  });

  it('opens a postmortem on its timeline reading the postmortem and its incident once each', async () => {
    const csrf = await page.request.get('/api/v1/auth/session');
    const postmortemId = await seedLongTimeline(page.request, (await csrf.json()).csrfToken, 30);
    const postmortem = await page.request.get(`/api/v1/postmortems/${postmortemId}`);
    const [incidentId] = (await postmortem.json()).data.incidentIds as string[];

    const traffic = recordApiTraffic(page);
    await page.goto(`/postmortems/${postmortemId}?tab=timeline`);
    await new TimelineReviewPage(page).row('Event 1 of 30:').waitFor();
    await page.getByRole('table', { name: 'Incidents reviewed' }).waitFor();
    await quiet(page);
    traffic.stop();

    const steps = traffic.steps.join('\n');
    expect(repeatedRequests(traffic.requests), steps).toEqual([]);
    const reads = (path: string) => traffic.requests.filter((request) => request === `GET ${path}`);
    expect(reads(`/api/v1/postmortems/${postmortemId}`)).toHaveLength(1);
    expect(reads(`/api/v1/incidents/${incidentId}`)).toHaveLength(1);
    expect(traffic.steps.indexOf(`sent ${session}`), steps).toBeLessThan(
      traffic.steps.indexOf(`answered ${setupStatus}`),
    );
    // What the first screen shows is asked for alongside the session check, not after it
    // (the app waits for the setup answer, held back here, before it draws any page).
    const firstPage = `/api/v1/postmortems/${postmortemId}/timeline?limit=40`;
    for (const read of [`/api/v1/postmortems/${postmortemId}`, '/api/v1/policy', firstPage]) {
      expect(reads(read), steps).toHaveLength(1);
      expect(traffic.steps.indexOf(`sent GET ${read}`), steps).toBeLessThan(
        traffic.steps.indexOf(`answered ${setupStatus}`),
      );
    }
    expect(journey.pageErrors).toEqual([]);
  });

  it('offers to reload the page when its code cannot be downloaded, and loads it then', async () => {
    const csrf = await page.request.get('/api/v1/auth/session');
    const postmortemId = await seedLongTimeline(page.request, (await csrf.json()).csrfToken, 3);
    // As after an update of the server: the file this build names is gone.
    const gone = '**/assets/PostmortemScene-*.js';
    await page.route(gone, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto(`/postmortems/${postmortemId}`);
    await page.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
    // The header stays usable around the failed page.
    await page.getByRole('link', { name: 'Incidents' }).first().waitFor();
    await page.unroute(gone);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await new TimelineReviewPage(page).row('Event 1 of 3:').waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
