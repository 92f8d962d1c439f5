import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAsPage } from './support/api-seed.ts';
import { hasChromium } from './support/chromium.ts';
import { firstAdmin, type Journey, openJourney, withAxe } from './support/journey.ts';
import { localInputFor, utcDaysAgoAt } from './support/local-time.ts';
import { checkPage, horizontalOverflow, settled } from './support/page-checks.ts';
import { EditIncidentPage } from './support/pages/edit-incident-page.ts';
import { IncidentFacetFilters } from './support/pages/incident-facet-filters.ts';
import { IncidentListPage } from './support/pages/incident-list-page.ts';
import { IncidentPage } from './support/pages/incident-page.ts';
import { PostmortemListPage } from './support/pages/postmortem-list-page.ts';
import { SetupPage } from './support/pages/setup-page.ts';

describe.skipIf(!hasChromium)('journey: the web app covers what a team does', () => {
  let journey: Journey;
  let page: Page;
  let demoPostmortemPath: string;

  beforeAll(async () => {
    journey = await openJourney({ context: withAxe });
    ({ page } = journey);
  }, 180_000);

  afterAll(() => journey?.close());

  it("shows the demo in people's words, accessibly, on every page and tab", async () => {
    await page.goto('/');
    await checkPage(page, 'setup');
    await new SetupPage(page).createAdmin(firstAdmin);
    const list = new IncidentListPage(page);
    await list.heading.waitFor();
    await page.getByRole('button', { name: 'Load a demo incident' }).click();
    await page.getByTestId('current-phase').waitFor();
    demoPostmortemPath = new URL(page.url()).pathname;

    const tabs = page.getByRole('tablist', { name: 'Postmortem parts' }).getByRole('tab');
    const tabNames = await tabs.allTextContents();
    expect(tabNames.length).toBeGreaterThanOrEqual(8);
    for (const name of tabNames) {
      await tabs.filter({ hasText: name }).click();
      await checkPage(page, `postmortem tab ${name}`);
    }
    for (const path of [
      '/incidents',
      '/incidents/new',
      '/postmortems',
      '/action-items',
      '/insights',
      '/services',
      '/services/checkout-api',
    ]) {
      await page.goto(path);
      await checkPage(page, path);
    }
    // Wide tables scroll in their own box: the page itself never scrolls sideways, so no
    // control is pushed off-screen, at 1,280 px and on a phone-sized window.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of [`${demoPostmortemPath}?tab=timeline`, '/incidents', '/postmortems']) {
        await page.goto(path);
        await settled(page);
        expect(await horizontalOverflow(page), `${path} at ${width} px`).toEqual([]);
        if (width === 1280) {
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(pageWidth, `${path} scrolls sideways at 1,280 px`).toBeLessThanOrEqual(1280);
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/incidents');
    await page
      .getByRole('link', { name: /Checkout requests timing out/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Checkout requests timing out/ }).waitFor();
    await checkPage(page, 'demo incident');
    expect(journey.pageErrors).toEqual([]);
  });

  it('lists the services of the demo with their dependencies and the incidents that touched them', async () => {
    await page.goto('/services');
    const table = page.getByTestId('service-table');
    await table.getByRole('link', { name: 'checkout-api' }).click();
    await page.getByRole('heading', { level: 1, name: 'checkout-api' }).waitFor();
    const details = page.locator('dl.details');
    expect(await details.getByRole('link').allTextContents()).toEqual([
      'config-service',
      'payments-db',
      'storefront',
    ]);
    await page
      .getByRole('table')
      .getByRole('link', { name: /Checkout requests timing out/ })
      .waitFor();
  });

  it('opens a thematic postmortem over three incidents ticked in the filtered list', async () => {
    for (const title of ['Cache eviction storm in eu-west', 'Cache eviction storm in us-east']) {
      const created = await apiAsPage(page, 'POST', '/incidents', {
        title,
        kind: 'degradation',
        severity: 'sev3',
        services: ['checkout-api'],
        instants: { started_at: { at: utcDaysAgoAt(3, 8, 0).toISOString() } },
      });
      expect(created.status).toBe(201);
    }
    const list = new IncidentListPage(page);
    await page.goto('/incidents?service=checkout-api');
    await list.row('Cache eviction storm in us-east').waitFor();
    await list.select('Cache eviction storm in eu-west');
    await list.select('Cache eviction storm in us-east');
    await list.select('Checkout requests timing out after connection-pool change');
    await list.themeForm.getByText('3 incidents selected.').waitFor();
    await list.theme.fill('Checkout capacity under cache and pool pressure');
    await list.openThematic.click();

    await page.getByRole('heading', { level: 1, name: /Checkout capacity under cache/ }).waitFor();
    const reviewed = page.getByRole('table', { name: 'Incidents reviewed' });
    await page.getByRole('heading', { name: 'Reviews 3 incidents' }).waitFor();
    await expect.poll(() => reviewed.locator('tbody tr').count()).toBe(3);
    expect(await page.getByText('Thematic', { exact: true }).count()).toBeGreaterThan(0);

    const postmortems = new PostmortemListPage(page);
    await page.goto('/postmortems');
    await postmortems.search.fill('capacity');
    await postmortems.severity.selectOption('sev2');
    await postmortems.apply.click();
    await expect
      .poll(() => postmortems.titles())
      .toEqual(['Checkout capacity under cache and pool pressure']);
    await postmortems.search.fill('');
    await postmortems.kind.selectOption('degradation');
    await postmortems.apply.click();
    await expect.poll(() => new URL(page.url()).search).toBe('?severity=sev2&kind=degradation');
    await expect
      .poll(() => postmortems.titles())
      .toEqual(['Checkout capacity under cache and pool pressure']);
    await checkPage(page, 'filtered postmortem list');
  });

  it('offers severity, incident kind and service on every filter form, under the same address keys', async () => {
    const forms = [
      { path: '/incidents', form: 'Filter incidents', kind: 'Kind', submit: 'Apply filters' },
      {
        path: '/postmortems',
        form: 'Filter postmortems',
        kind: 'Incident kind',
        submit: 'Apply filters',
      },
      { path: '/search', form: 'Search filters', kind: 'Incident kind', submit: 'Search' },
    ];
    for (const names of forms) {
      await page.goto(names.path);
      const facets = new IncidentFacetFilters(page, names);
      await facets.severity.selectOption('sev3');
      await facets.kind.selectOption('degradation');
      await facets.service.fill('checkout-api');
      await facets.submit.click();
      // The search page's keys are the search contract's; the lists use the same three.
      await expect
        .poll(() => Object.fromEntries(new URL(page.url()).searchParams), { message: names.path })
        .toEqual({ severity: 'sev3', kind: 'degradation', service: 'checkout-api' });
      await page.reload();
      expect(await facets.severity.inputValue(), names.path).toBe('sev3');
      expect(await facets.kind.inputValue(), names.path).toBe('degradation');
      expect(await facets.service.inputValue(), names.path).toBe('checkout-api');
    }
    const list = new IncidentListPage(page);
    await page.goto('/incidents?severity=sev3&kind=degradation&service=checkout-api');
    await list.row('Cache eviction storm in eu-west').waitFor();
    await list.row('Cache eviction storm in us-east').waitFor();
    expect(await list.row('Checkout requests timing out').count()).toBe(0);
    expect(journey.pageErrors).toEqual([]);
  });

  it('edits an incident: key instants with their provenance, the drill flag', async () => {
    await page.goto('/incidents?q=eu-west');
    await page.getByRole('link', { name: 'Cache eviction storm in eu-west' }).click();
    const incident = new IncidentPage(page);
    await page.getByRole('link', { name: 'Edit incident' }).click();
    const edit = new EditIncidentPage(page);
    await edit.title.waitFor();
    await checkPage(page, 'edit incident');
    const detected = utcDaysAgoAt(3, 8, 12);
    const resolved = utcDaysAgoAt(3, 9, 30);
    await edit.setInstant('Detected', localInputFor(detected), 'exact', 'grafana');
    await edit.setInstant('Resolved', localInputFor(resolved), 'estimated');
    await edit.drill.check();
    await edit.save.click();

    await incident.heading('Cache eviction storm in eu-west').waitFor();
    expect(await incident.instantIso('Detected')).toBe(detected.toISOString());
    expect(await incident.instantRow('Detected').textContent()).toContain('Grafana');
    expect(await incident.instantIso('Resolved')).toBe(resolved.toISOString());
    expect(await incident.instantRow('Resolved').textContent()).toContain('Estimated');
    expect(await incident.instantIso('Started')).toBe(utcDaysAgoAt(3, 8, 0).toISOString());
    await page.getByText('Drill').first().waitFor();
  });

  it('answers unknown and malformed addresses with a not-found page', async () => {
    for (const path of [
      '/postmortems/undefined',
      '/postmortems/00000000-0000-4000-8000-000000000000',
      '/incidents/12/edit',
      '/services/no-such-service',
      '/nowhere',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.getByRole('button', { name: 'Try again' }).count(), path).toBe(0);
    }
    await checkPage(page, 'not found');
    await page.goto(demoPostmortemPath);
    await page.getByTestId('current-phase').waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
