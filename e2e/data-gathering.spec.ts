import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { type Journey, openJourney, setUpFirstAdmin } from './support/journey.ts';
import { localInputFor, utcDaysAgoAt } from './support/local-time.ts';
import { ImportDialog } from './support/pages/import-dialog.ts';
import { PersonalAccountsPage } from './support/pages/personal-accounts-page.ts';
import { PostmortemPage } from './support/pages/postmortem-page.ts';
import { TimelineReviewPage } from './support/pages/timeline-review-page.ts';
import { repoRoot } from './support/repo-root.ts';

describe.skipIf(!hasChromium)('journey: gathering the timeline', () => {
  let journey: Journey;
  let page: Page;
  let postmortemId: string;

  beforeAll(async () => {
    journey = await openJourney();
    ({ page } = journey);
    // Seeded through the API, as the dev seed does: an admin, an incident, its postmortem.
    const headers = await setUpFirstAdmin(page);
    const incident = await page.request.post('/api/v1/incidents', {
      headers,
      data: {
        title: 'Checkout latency',
        kind: 'outage',
        severity: 'sev2',
        services: ['checkout'],
        instants: { started_at: { at: utcDaysAgoAt(1, 4, 0).toISOString() } },
      },
    });
    const postmortem = await page.request.post('/api/v1/postmortems', {
      headers,
      data: { incidentIds: [(await incident.json()).data.id] },
    });
    postmortemId = (await postmortem.json()).data.id;
  }, 180_000);

  afterAll(() => journey?.close());

  it('adds an event, pins a moment from an anonymous account and accepts it in review', async () => {
    await page.goto(`/postmortems/${postmortemId}`);
    const postmortem = new PostmortemPage(page);
    await postmortem.currentPhase.waitFor();
    await postmortem.addTimelineEvent({
      when: localInputFor(utcDaysAgoAt(1, 4, 10)),
      kind: 'detection',
      text: 'Alert CheckoutLatencyHigh fires',
    });
    const timeline = new TimelineReviewPage(page);
    await timeline.row('CheckoutLatencyHigh').getByText('Accepted').waitFor();

    const accounts = new PersonalAccountsPage(page);
    await accounts.submitAnonymous(
      'I was paged, opened the dashboard and saw the pool at 100 percent before anyone else.',
    );
    expect(await accounts.account('Anonymous').getByRole('button', { name: 'Edit' }).count()).toBe(
      0,
    );
    await accounts.pinMoment(
      'Anonymous',
      'saw the pool at 100 percent',
      localInputFor(utcDaysAgoAt(1, 4, 12)),
      'observation',
    );

    await timeline.tab.click();
    await timeline.reviewFilter.selectOption('proposed');
    const pinned = timeline.row('saw the pool at 100 percent');
    await pinned.getByText('Proposed').waitFor();
    expect(await pinned.textContent()).toContain('Personal account');
    await pinned.getByRole('button', { name: /^Accept/ }).click();
    await pinned.waitFor({ state: 'detached' });
    await timeline.reviewFilter.selectOption('');
    await timeline.row('saw the pool at 100 percent').getByText('Accepted').waitFor();
    await expect
      .poll(() => timeline.laneLabels())
      .toEqual(['UTC', 'Manual (1)', 'Personal account (1)']);
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('imports a whole folder of mixed evidence in the dialog, showing what it skipped and warned', async () => {
    const timeline = new TimelineReviewPage(page);
    await timeline.tab.click();
    const dialog = new ImportDialog(page);
    // The evidence is from another day than this incident: the window keeps none of it, and
    // says how much it left out.
    await dialog.importFolder(join(repoRoot, 'test/fixtures/intake/mixed-incident'));
    expect(await dialog.count('Events proposed')).toBe(0);
    expect(await dialog.count('Outside the window, left out')).toBeGreaterThan(10);
    await dialog.summary.getByText('Kept the incident window').waitFor();
    await dialog.close();

    await dialog.importFolder(join(repoRoot, 'test/fixtures/intake/mixed-incident'), {
      wholeFiles: true,
    });
    expect(await dialog.count('Events proposed')).toBeGreaterThan(10);
    expect(await dialog.listItems('Parts').count()).toBe(7);
    expect(await dialog.listItems('Files skipped').allTextContents()).toEqual([
      'README.txt: no importer recognised its content',
    ]);
    expect(await dialog.listItems('Warnings').first().textContent()).toContain(
      'LOG_LINES_BELOW_LEVEL',
    );
    await dialog.close();

    await dialog.importFolder(join(repoRoot, 'test/fixtures/intake/mixed-incident'), {
      wholeFiles: true,
    });
    expect(await dialog.count('Events proposed')).toBe(0);
    await dialog.close();
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);
});
