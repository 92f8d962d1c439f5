import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { type Journey, openJourney, setUpFirstAdmin, withAxe } from './support/journey.ts';
import { utcDaysAgoAt } from './support/local-time.ts';
import { checkPage } from './support/page-checks.ts';
import { ActionItemsPage } from './support/pages/action-items-page.ts';
import { PostmortemPage } from './support/pages/postmortem-page.ts';

describe.skipIf(!hasChromium)('journey: an action item for a why-tree root cause', () => {
  let journey: Journey;
  let page: Page;
  let postmortemId: string;
  /** GitHub's issues API on loopback: what Debrief asked it, answered as GitHub documents. */
  let github: Server;
  const githubRequests: Array<{ method: string; path: string; body: string }> = [];

  beforeAll(async () => {
    github = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        githubRequests.push({ method: request.method ?? '', path: request.url ?? '', body });
        response
          .writeHead(201, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ number: 7, html_url: 'https://github.example.com/acme/ops/issues/7' }),
          );
      });
    });
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', () => resolve()));
    journey = await openJourney({
      server: {
        env: {
          DEBRIEF_GITHUB_API_URL: `http://127.0.0.1:${(github.address() as AddressInfo).port}`,
          DEBRIEF_GITHUB_TOKEN: 'ghp_loopback',
          DEBRIEF_GITHUB_REPOSITORY: 'acme/ops',
        },
      },
      context: withAxe,
    });
    ({ page } = journey);
    // Seeded through the API: a postmortem in documentation whose why-tree names a root cause.
    const headers = await setUpFirstAdmin(page);
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
    await journey?.close();
    await new Promise((resolve) => github?.close(resolve));
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
    expect(journey.pageErrors).toEqual([]);
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
    expect(journey.pageErrors).toEqual([]);
  });

  it('opens a GitHub issue for the item from its row, and the item links to it', async () => {
    await page.goto(`/postmortems/${postmortemId}?tab=actions`);
    await page
      .getByRole('button', { name: 'Open a GitHub issue for Size the pool from p99 concurrency' })
      .click();
    const link = page.getByRole('link', { name: 'Size the pool from p99 concurrency' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://github.example.com/acme/ops/issues/7');
    expect(githubRequests).toHaveLength(1);
    expect(githubRequests[0]).toMatchObject({ method: 'POST', path: '/repos/acme/ops/issues' });
    expect(JSON.parse(githubRequests[0]?.body ?? '{}').title).toBe(
      'Size the pool from p99 concurrency',
    );
    // Linked once: no second button.
    expect(await page.getByRole('button', { name: /^Open a GitHub issue/ }).count()).toBe(0);
    await checkPage(page, 'action items with a tracker link');
    expect(journey.pageErrors).toEqual([]);
  });

  it('keeps notification settings: e-mail and quiet hours across midnight', async () => {
    await page.goto('/settings/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    // This server has no mail server: the page says so rather than pretend.
    await page.getByText('This server has no mail server configured').waitFor();
    await page.getByRole('checkbox', { name: 'Hold e-mail during quiet hours' }).check();
    await page.getByLabel('From').fill('22:00');
    await page.getByLabel('Until').fill('07:00');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('checkbox', { name: /^E-mail me/ }).uncheck();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').getByText('Notification settings saved.').waitFor();
    await checkPage(page, 'notification settings');

    await page.reload();
    await page.getByLabel('Time zone').waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');
    expect(await page.getByLabel('From').inputValue()).toBe('22:00');
    expect(await page.getByRole('checkbox', { name: /^E-mail me/ }).isChecked()).toBe(false);
    const saved = await page.request.get('/api/v1/me/notification-preferences');
    expect((await saved.json()).data).toEqual({
      emailEnabled: false,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
    });
    // A zone the runtime does not know is refused with the field named.
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page
      .getByRole('alert')
      .getByText(/Time zone/)
      .waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
