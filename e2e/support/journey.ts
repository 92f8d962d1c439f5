import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildWeb } from './build-web.ts';
import { launchChromium } from './chromium.ts';
import { browserTimezone } from './local-time.ts';
import { type RunningServer, type StartServerOptions, startServer } from './start-server.ts';

/** The first admin every journey sets up, through the setup page or the API. */
export const firstAdmin = {
  name: 'Ada Admin',
  email: 'ada@example.com',
  password: 'correct horse battery',
} as const;

/**
 * Context settings for a journey that runs the accessibility checks: axe-core is injected as
 * an inline script, which the app's CSP rightly refuses.
 */
export const withAxe: BrowserContextOptions = { bypassCSP: true };

/** A browser context of its own (its own cookies) on `baseURL`, in the e2e zone and locale. */
export function openContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    timezoneId: browserTimezone,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
}

/** A new page of `context` that waits 15 s at most and records its uncaught errors in `errors`. */
export async function openPage(context: BrowserContext, errors?: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (errors) {
    page.on('pageerror', (error) => errors.push(error.message));
  }
  return page;
}

/** A fresh server, Chromium and one signed-out page on it: what every journey starts from. */
export interface Journey {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the journey's pages: a journey ends expecting none. */
  pageErrors: string[];
  /** Closes the context, Chromium and the server. */
  close: () => Promise<void>;
}

/**
 * Another person's page on the journey's server: a browser context of its own (its own
 * cookies, signed out), its uncaught errors counted with the journey's.
 */
export async function openPersonPage(
  journey: Journey,
  options: BrowserContextOptions = withAxe,
): Promise<Page> {
  const context = await openContext(journey.browser, journey.server.url, options);
  return openPage(context, journey.pageErrors);
}

/** `openJourney`, then the first admin set up through the API: the journey's page is signed in. */
export async function openJourneyAsFirstAdmin(
  options: Parameters<typeof openJourney>[0] = {},
): Promise<Journey> {
  const journey = await openJourney(options);
  try {
    await setUpFirstAdmin(journey.page);
  } catch (error) {
    await journey.close();
    throw error;
  }
  return journey;
}

/**
 * Builds the web app, starts a fresh server (with `server`'s settings), launches Chromium and
 * opens a page in a context with `context`'s settings. Close it in `afterAll`.
 */
export async function openJourney(
  options: { server?: StartServerOptions; context?: BrowserContextOptions } = {},
): Promise<Journey> {
  await buildWeb();
  const server = await startServer(options.server);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await openContext(browser, server.url, options.context);
    const pageErrors: string[] = [];
    const page = await openPage(context, pageErrors);
    const opened = browser;
    return {
      server,
      browser,
      context,
      page,
      pageErrors,
      close: async () => {
        await context.close();
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * Creates the first admin through the API (`POST /api/v1/setup`), which signs `page` in, and
 * returns the CSRF header its later writes need.
 */
export async function setUpFirstAdmin(page: Page): Promise<Record<string, string>> {
  const setup = await page.request.post('/api/v1/setup', {
    data: { email: firstAdmin.email, name: firstAdmin.name, password: firstAdmin.password },
  });
  expect(setup.status(), await setup.text()).toBe(201);
  return { 'x-csrf-token': (await setup.json()).csrfToken };
}
