import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from './support/build-web.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { IncidentListPage } from './support/pages/incident-list-page.ts';
import { ReportDocumentMenu } from './support/pages/report-document-menu.ts';
import { SetupPage } from './support/pages/setup-page.ts';
import { type RunningServer, startServer } from './support/start-server.ts';

describe.skipIf(!hasChromium)('journey: the report as a document, from the postmortem page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('downloads the demo as Markdown and HTML, and drafts its empty sections', async () => {
    await page.goto('/');
    await new SetupPage(page).createAdmin({
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    await new IncidentListPage(page).heading.waitFor();
    await page.getByRole('button', { name: 'Load a demo incident' }).click();
    await page.getByTestId('current-phase').waitFor();

    const menu = new ReportDocumentMenu(page);
    const markdown = await menu.download('Markdown (postmortem as code)');
    expect(markdown.fileName).toMatch(/^postmortem-checkout-requests-timing-out.*\.md$/);
    expect(markdown.text).toMatch(/^---\ndebrief: 1\n/);
    const html = await menu.download('HTML page');
    expect(html.text).toContain('<h3>Key instants and durations</h3>');
    expect(html.text).toContain('Time to detect: <strong>6 minutes</strong>');

    await menu.draft.click();
    await expect.poll(() => menu.status.textContent()).toBe('Drafted from the data: impact.');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
