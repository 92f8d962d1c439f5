import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/chromium.ts';
import { firstAdmin, type Journey, openJourney } from './support/journey.ts';
import { localInputFor, utcDaysAgoAt } from './support/local-time.ts';
import { AppShell } from './support/pages/app-shell.ts';
import { IncidentListPage } from './support/pages/incident-list-page.ts';
import { IncidentPage } from './support/pages/incident-page.ts';
import { NewIncidentPage } from './support/pages/new-incident-page.ts';
import { PostmortemPage } from './support/pages/postmortem-page.ts';
import { SetupPage } from './support/pages/setup-page.ts';
import { repoRoot } from './support/repo-root.ts';

describe.skipIf(!hasChromium)('journey: from first admin to the analysis phase', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await openJourney();
    ({ page } = journey);
  }, 180_000);

  afterAll(() => journey?.close());

  it('sets up, records a resolved sev2 outage, and moves its postmortem into analysis', async () => {
    // First run: the empty workspace asks for its first admin, who is then signed in.
    await page.goto('/');
    await new SetupPage(page).createAdmin(firstAdmin);
    const shell = new AppShell(page);
    await shell.signedInAs.waitFor();
    expect(await shell.signedInAs.textContent()).toContain('Ada Admin');

    // A sev2 outage with its key times typed in the browser's zone (+05:30).
    const list = new IncidentListPage(page);
    await list.heading.waitFor();
    await list.newIncident.click();
    const started = utcDaysAgoAt(1, 4, 10);
    const detected = utcDaysAgoAt(1, 4, 25);
    const resolved = utcDaysAgoAt(1, 6, 40);
    await new NewIncidentPage(page).create({
      title: 'Checkout returns 502 for EU customers',
      kind: 'outage',
      severity: 'sev2',
      services: 'checkout, payments-api',
      startedAt: localInputFor(started),
      detectedAt: localInputFor(detected),
      resolvedAt: localInputFor(resolved),
    });

    // The incident page shows the instants in UTC with their provenance.
    const incident = new IncidentPage(page);
    await incident.heading('Checkout returns 502 for EU customers').waitFor();
    expect(await incident.instantIso('Started')).toBe(started.toISOString());
    expect(await incident.instantIso('Resolved')).toBe(resolved.toISOString());
    expect(await incident.instantRow('Detected').textContent()).toContain('Manual');
    expect(await incident.markResolved.count()).toBe(0);

    // Open the postmortem: it starts in data gathering, blocked by the empty timeline only.
    await incident.openPostmortem.click();
    const postmortem = new PostmortemPage(page);
    await postmortem.currentPhase.waitFor();
    expect(await postmortem.currentPhase.textContent()).toBe('Data gathering');
    await expect.poll(() => postmortem.unmetCodes()).toEqual(['TIMELINE_EMPTY']);

    // One timeline event clears the last condition.
    const detectedEvent = new Date(detected.getTime() + 60_000);
    await postmortem.addTimelineEvent({
      when: localInputFor(detectedEvent),
      kind: 'detection',
      text: 'Alert "CheckoutHighErrorRate" fires for the EU region',
    });
    await postmortem.timelineTable.getByText('CheckoutHighErrorRate').waitFor();
    await postmortem.nextStep.getByText('All conditions are met.').waitFor();
    expect(await postmortem.unmetConditions.count()).toBe(0);

    // Advance: the postmortem is in analysis and lists what documentation needs.
    await postmortem.advance.click();
    await expect.poll(() => postmortem.currentPhase.textContent()).toBe('Analysis');
    await expect
      .poll(() => postmortem.unmetCodes())
      .toEqual(['NO_CAUSES_IDENTIFIED', 'ANALYSIS_MEETING_NOT_RECORDED']);
    await postmortem.nextStep.getByText('Record when the analysis meeting took place').waitFor();
    expect(await postmortem.phases.getByRole('listitem').nth(1).getAttribute('aria-current')).toBe(
      'step',
    );

    if (process.env.DEBRIEF_SCREENSHOT === '1') {
      await mkdir(join(repoRoot, 'docs'), { recursive: true });
      await page.screenshot({ path: join(repoRoot, 'docs/screenshot.png'), fullPage: true });
    }
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);
});
