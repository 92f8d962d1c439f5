import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { type Journey, openJourney, setUpFirstAdmin, withAxe } from './support/journey.ts';
import { utcDaysAgoAt } from './support/local-time.ts';
import { checkPage } from './support/page-checks.ts';
import { InsightsPage } from './support/pages/insights-page.ts';

const webhookTitles = [
  'Payment webhooks timing out at the provider',
  'Payment webhooks timing out again',
  'Webhooks from the payment provider time out under load',
  'Payment provider webhooks timing out',
];

describe.skipIf(!hasChromium)('journey: learning across incidents', () => {
  let journey: Journey;
  let page: Page;
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    journey = await openJourney({ context: withAxe });
    ({ page } = journey);
    // Seeded through the API: four minor repeats of one problem, one unrelated outage, a drill.
    headers = await setUpFirstAdmin(page);
    const incident = async (title: string, daysAgo: number, minutes: number, extra = {}) => {
      const response = await page.request.post('/api/v1/incidents', {
        headers,
        data: {
          title,
          summary: 'Webhook deliveries from the payment provider to payments-gateway timed out.',
          kind: 'degradation',
          severity: 'sev3',
          services: ['payments-gateway'],
          instants: {
            started_at: { at: utcDaysAgoAt(daysAgo, 9, 0).toISOString() },
            resolved_at: { at: utcDaysAgoAt(daysAgo, 9, minutes).toISOString() },
          },
          ...extra,
        },
      });
      expect(response.ok(), await response.text()).toBe(true);
    };
    for (const [index, title] of webhookTitles.entries()) {
      await incident(title, 20 - index * 4, 20 + index * 10);
    }
    await incident('Checkout outage after a database failover', 10, 50, {
      summary: 'The primary database failed over and checkout returned errors.',
      kind: 'outage',
      severity: 'sev1',
      services: ['checkout'],
    });
    await incident('Game day: failover drill', 5, 59, { isDrill: true, services: ['checkout'] });
    // One review with a contributing factor and a fix, for follow-through and factor trends.
    const incidents = await (await page.request.get('/api/v1/incidents?severity=sev1')).json();
    const review = await page.request.post('/api/v1/postmortems', {
      headers,
      data: { incidentIds: [incidents.data[0].data.id] },
    });
    const base = `/api/v1/postmortems/${(await review.json()).data.id}`;
    for (const [path, data] of [
      [
        'contributing-factors',
        { description: 'The replica lagged before failover', category: 'capacity' },
      ],
      ['action-items', { title: 'Alert on replica lag', kind: 'detect', dueDate: '2099-01-01' }],
    ] as const) {
      const response = await page.request.post(`${base}/${path}`, { headers, data });
      expect(response.ok(), await response.text()).toBe(true);
    }
  }, 180_000);

  afterAll(() => journey?.close());

  it('shows durations as distributions with a table and a CSV behind every chart', async () => {
    await page.goto('/insights');
    const insights = new InsightsPage(page);
    await insights.heading.waitFor();
    const bySeverity = 'Time to resolve by severity';
    await insights.svg(bySeverity).waitFor();
    expect(await page.getByText(/over 5 of 5\s+incidents: median/).count()).toBe(1);

    await insights.chart(bySeverity).getByRole('button', { name: 'Show table' }).click();
    const table = insights.chart(bySeverity).getByRole('table');
    // sev3: 20, 30, 40, 50 minutes → nearest-rank median 30, p90 50; the drill is not counted.
    expect(await table.getByRole('row', { name: /^sev3 4 30 40 50 50 35 0$/ }).count()).toBe(1);
    expect(await table.getByRole('row', { name: /^sev1 1 50/ }).count()).toBe(1);
    const csv = insights.chart(bySeverity).getByRole('link', { name: 'Download CSV' });
    expect(await csv.getAttribute('download')).toBe('time_to_resolve-by-severity.csv');
    expect(decodeURIComponent((await csv.getAttribute('href')) ?? '')).toContain(
      'sev3,4,30,40,50,50,35,0',
    );

    await insights.svg('Time to resolve: histogram').waitFor();
    await insights.svg('Action items created and verified by month').waitFor();
    await insights.svg('Contributing-factor categories by month').waitFor();
    expect(await page.getByText('0 of 0 closed postmortem(s)', { exact: false }).count()).toBe(1);
    await checkPage(page, '/insights');
  });

  it('proposes the recurring minor incidents as one thematic postmortem and opens it', async () => {
    const insights = new InsightsPage(page);
    const theme = insights.themes.filter({ hasText: 'Recurring minor issue' });
    expect(await theme.count()).toBe(1);
    expect(await theme.getByRole('link').count()).toBe(4);
    await theme.getByRole('button', { name: 'Open a thematic postmortem over these 4' }).click();
    await page.waitForURL(/\/postmortems\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Thematic review/ }).waitFor();

    // The next such incident points to the thematic review as a similar past postmortem.
    const next = await page.request.post('/api/v1/incidents', {
      headers,
      data: {
        title: 'Payment webhooks timing out once more',
        summary: 'Webhook deliveries from the payment provider timed out again.',
        kind: 'degradation',
        severity: 'sev3',
        services: ['payments-gateway'],
      },
    });
    expect(next.ok(), await next.text()).toBe(true);
    const found = { data: [await next.json()] };
    await page.goto(`/incidents/${found.data[0].data.id}`);
    const similar = page.getByRole('region', { name: 'Similar past postmortems' });
    await similar.getByRole('link', { name: /^Thematic review/ }).waitFor();
    await checkPage(page, 'an incident with similar past postmortems');
    expect(journey.pageErrors).toEqual([]);
  });
});
