import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../e2e/support/chromium.ts';
import { seedLongTimeline } from '../../e2e/support/long-timeline.ts';
import { startServer } from '../../e2e/support/start-server.ts';

/** The bench workspace's admin, who seeds and then signs in for the signed-in screens. */
const credentials = { email: 'bench@example.com', password: 'correct horse battery' };

/** The real server with its built web app, headless Chromium, and postmortems seeded for a web bench. */
export interface WebBench {
  /** Where the server listens. */
  url: string;
  browser: Browser;
  /** The seeded postmortems' ids, one per requested timeline length, in that order. */
  postmortemIds: string[];
  /** How long seeding took, in milliseconds. */
  seedingMs: number;
  /** A fresh browser context on the server (nothing cached), the size the benches measure at. */
  newContext(): Promise<BrowserContext>;
  /** Closes Chromium and stops the server. */
  stop(): Promise<void>;
}

/** Signs the bench's admin in on `request` (a context's or a page's); throws when refused. */
export async function signInBenchAdmin(request: APIRequestContext): Promise<void> {
  const answer = await request.post('/api/v1/auth/sessions', { data: credentials });
  if (!answer.ok()) {
    throw new Error(`sign-in refused: ${answer.status()} ${await answer.text()}`);
  }
}

/**
 * Starts `debrief serve` (on PGlite in a fresh directory, or on `databaseUrl`) with the built
 * web app, launches headless Chromium, sets the workspace up and seeds one postmortem per
 * entry of `timelines`, with that many proposed timeline events, through the API. The web app
 * must be built first.
 */
export async function startWebBench(options: {
  databaseUrl?: string;
  timelines: number[];
}): Promise<WebBench> {
  const server = await startServer(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {});
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const stop = async () => {
    await browser.close();
    await server.stop();
  };
  const newContext = () =>
    browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  try {
    const seeding = await browser.newContext({ baseURL: server.url });
    const setup = await seeding.request.post('/api/v1/setup', {
      data: { ...credentials, name: 'Bench Admin' },
    });
    const { csrfToken } = await setup.json();
    const startedAt = Date.now();
    const postmortemIds: string[] = [];
    for (const count of options.timelines) {
      postmortemIds.push(await seedLongTimeline(seeding.request, csrfToken, count));
    }
    const seedingMs = Date.now() - startedAt;
    await seeding.close();
    return { url: server.url, browser, postmortemIds, seedingMs, newContext, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
