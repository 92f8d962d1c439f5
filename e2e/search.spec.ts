import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { type Journey, openJourney, setUpFirstAdmin, withAxe } from './support/journey.ts';
import { checkPage, settled } from './support/page-checks.ts';
import { SearchPage } from './support/pages/search-page.ts';

describe.skipIf(!hasChromium)('journey: searching across postmortems', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await openJourney({ context: withAxe });
    ({ page } = journey);
    const headers = await setUpFirstAdmin(page);
    const review = async (title: string, severity: string, factor: string, event: string) => {
      const incident = await page.request.post('/api/v1/incidents', {
        headers,
        data: {
          title,
          kind: 'outage',
          severity,
          services: ['checkout'],
          instants: {
            started_at: { at: '2026-11-02T09:00:00Z' },
            resolved_at: { at: '2026-11-02T10:00:00Z' },
          },
        },
      });
      expect(incident.ok(), await incident.text()).toBe(true);
      const opened = await page.request.post('/api/v1/postmortems', {
        headers,
        data: { incidentIds: [(await incident.json()).data.id] },
      });
      const base = `/api/v1/postmortems/${(await opened.json()).data.id}`;
      for (const [path, data] of [
        ['contributing-factors', { description: factor, category: 'capacity' }],
        ['timeline-events', { occurredAt: '2026-11-02T09:05:00Z', text: event }],
      ] as const) {
        const response = await page.request.post(`${base}/${path}`, { headers, data });
        expect(response.ok(), await response.text()).toBe(true);
      }
    };
    await review(
      'Checkout errors during the database failover',
      'sev2',
      'The pgbouncer pool was sized for half the replicas',
      'Pager fired: pgbouncer saturated on payments-db',
    );
    await review(
      'Login slowness from a stale resolver cache',
      'sev3',
      'The resolver cache kept answering with old addresses',
      'Dashboards showed DNS latency climbing',
    );
  }, 180_000);

  afterAll(() => journey?.close());

  it('searches from the header box and shows ranked hits with highlighted snippets', async () => {
    await page.goto('/incidents');
    const search = new SearchPage(page);
    await settled(page);
    await page.keyboard.press('/');
    expect(await search.headerBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.headerBox.fill('pgbouncer');
    await search.headerBox.press('Enter');
    await page.waitForURL(/\/search\?q=pgbouncer$/);
    await search.heading.waitFor();
    await search.hits.first().waitFor();
    expect(await search.hits.count()).toBe(1);
    await search.hitTitled('Postmortem: Checkout errors during the database failover').waitFor();
    expect(await search.marks.first().textContent()).toBe('pgbouncer');
    expect(await search.status.textContent()).toContain('1 postmortem');
    await checkPage(page, '/search');
  });

  it('narrows by a filter, saves the search as a view and runs it again', async () => {
    const search = new SearchPage(page);
    await search.headerBox.fill('cache or pgbouncer');
    await search.headerBox.press('Enter');
    await page.waitForURL(/q=cache%20or%20pgbouncer/);
    await expect.poll(() => search.hits.count()).toBe(2);

    await search.severity.selectOption('sev3');
    // "Without a published report": neither review has reached follow-up.
    await search.published.selectOption('false');
    await search.searchButton.click();
    await page.waitForURL(/published=false&.*severity=sev3|severity=sev3.*published=false/);
    await expect.poll(() => search.hits.count()).toBe(1);
    await search.hitTitled('Postmortem: Login slowness from a stale resolver cache').waitFor();

    await search.viewName.fill('Minor cache reviews');
    await search.shareView.check();
    await search.saveView.click();
    const view = search.savedViews.getByRole('link', { name: 'Minor cache reviews' });
    await view.waitFor();

    await search.clearButton.click();
    await page.waitForURL(/\/search$/);
    await view.click();
    await page.waitForURL(/\/search\?view=[0-9a-f-]{36}$/);
    await expect.poll(() => search.hits.count()).toBe(1);
    expect(await search.severity.inputValue()).toBe('sev3');
    expect(await search.published.inputValue()).toBe('false');
    await search.published.selectOption('true');
    await search.searchButton.click();
    await page.waitForURL(/published=true/);
    await page.getByText('No postmortem you may see matches.').waitFor();
    await page.goBack();
    await page.waitForURL(/\/search\?view=[0-9a-f-]{36}$/);
    await expect.poll(() => search.hits.count()).toBe(1);
    await checkPage(page, '/search (a saved view)');

    await search.hitTitled('Postmortem: Login slowness from a stale resolver cache').click();
    await page.waitForURL(/\/postmortems\/[0-9a-f-]{36}$/);
    expect(journey.pageErrors).toEqual([]);
  });

  it('says so when nothing matches, and refuses nothing for odd words', async () => {
    const search = new SearchPage(page);
    await search.headerBox.fill('"""):*& -');
    await search.headerBox.press('Enter');
    await page.getByText('No postmortem you may see matches.').waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
