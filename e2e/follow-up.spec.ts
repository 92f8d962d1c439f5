import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from './support/build-web.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { browserTimezone, utcDaysAgoAt } from './support/local-time.ts';
import { ActionItemsPage } from './support/pages/action-items-page.ts';
import { PostmortemPage } from './support/pages/postmortem-page.ts';
import { type RunningServer, startServer } from './support/start-server.ts';

describe.skipIf(!hasChromium)('journey: an action item for a why-tree root cause', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let postmortemId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.url,
      timezoneId: browserTimezone,
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Seeded through the API: a postmortem in documentation whose why-tree names a root cause.
    const setup = await page.request.post('/api/v1/setup', {
      data: { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' },
    });
    const headers = { 'x-csrf-token': (await setup.json()).csrfToken };
    const post = async (url: string, data: unknown, version?: number) => {
      const response = await page.request.post(url, {
        headers: version ? { ...headers, 'if-match': `"${version}"` } : headers,
        data,
      });
      expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
      return (await response.json()).data;
    };
    const incident = await post('/api/v1/incidents', {
      title: 'Checkout latency',
      kind: 'outage',
      severity: 'sev2',
      services: ['checkout'],
      instants: {
        started_at: { at: utcDaysAgoAt(1, 4, 0).toISOString() },
        resolved_at: { at: utcDaysAgoAt(1, 5, 0).toISOString() },
      },
    });
    const postmortem = await post('/api/v1/postmortems', { incidentIds: [incident.id] });
    postmortemId = postmortem.id;
    const base = `/api/v1/postmortems/${postmortemId}`;
    await post(`${base}/timeline-events`, {
      occurredAt: utcDaysAgoAt(1, 4, 10).toISOString(),
      text: 'Checkout latency alert fires',
      kind: 'detection',
    });
    const analysis = await post(`${base}/transitions`, { to: 'analysis' }, postmortem.version);
    await post(`${base}/why-nodes`, {
      question: 'Why did checkout time out?',
      answer: 'The connection pool was sized for average load',
      mark: 'root_cause',
      noEvidenceReason: 'Read from the config history',
    });
    const met = await page.request.patch(base, {
      headers: { ...headers, 'if-match': `"${analysis.version}"` },
      data: { analysisMeetingAt: utcDaysAgoAt(0, 1, 0).toISOString() },
    });
    await post(`${base}/transitions`, { to: 'documentation' }, (await met.json()).data.version);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('links a new item to the root cause by picking it, and the condition goes away', async () => {
    await page.goto(`/postmortems/${postmortemId}?tab=actions`);
    const postmortem = new PostmortemPage(page);
    await postmortem.unmetConditions.waitFor();
    expect(await postmortem.unmetCodes()).toContain('ROOT_CAUSE_WITHOUT_ACTION');

    await new ActionItemsPage(page).addLinkedTo(
      {
        title: 'Size the pool from p99 concurrency',
        owner: 'Platform team',
        criterion: 'A load test at p99 concurrency shows no pool waits',
      },
      'average load',
    );
    await expect
      .poll(() => postmortem.unmetCodes(), { timeout: 10_000 })
      .not.toContain('ROOT_CAUSE_WITHOUT_ACTION');

    // The why-tree shows the item under its cause.
    await page.getByRole('tab', { name: 'Why-tree' }).click();
    const items = page.getByRole('list', { name: 'Action items' });
    expect(await items.textContent()).toContain('Size the pool from p99 concurrency');
    expect(pageErrors).toEqual([]);
  });

  it('shows the item on the board across postmortems, with views and a CSV export', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Action items' })
      .click();
    const table = page.getByRole('table', { name: 'Action items' });
    await table.getByText('Size the pool from p99 concurrency').waitFor();
    await page.getByRole('button', { name: /^Done, not verified/ }).click();
    await page.getByText('Nothing here: no action item matches.').waitFor();
    expect(
      await page.getByRole('button', { name: /^Done, not verified/ }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain(
      '/api/v1/action-items.csv?view=done_unverified',
    );
    expect(pageErrors).toEqual([]);
  });
});
