import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { firstAdmin, type Journey, openJourney } from './support/journey.ts';
import { IncidentListPage } from './support/pages/incident-list-page.ts';
import { ReportDocumentMenu } from './support/pages/report-document-menu.ts';
import { SetupPage } from './support/pages/setup-page.ts';

describe.skipIf(!hasChromium)('journey: the report as a document, from the postmortem page', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await openJourney({ context: { acceptDownloads: true } });
    ({ page } = journey);
  }, 180_000);

  afterAll(() => journey?.close());

  it('downloads the demo as Markdown and HTML, and drafts its empty sections', async () => {
    await page.goto('/');
    await new SetupPage(page).createAdmin(firstAdmin);
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
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);
});
