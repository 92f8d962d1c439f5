import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIncident } from './support/api-seed.ts';
import { hasChromium } from './support/chromium.ts';
import {
  type Journey,
  openJourneyAsFirstAdmin,
  openPersonPage,
  withAxe,
} from './support/journey.ts';
import { localInputFor, utcDaysAgoAt } from './support/local-time.ts';
import { checkPage } from './support/page-checks.ts';
import { AppShell } from './support/pages/app-shell.ts';
import { EditIncidentPage } from './support/pages/edit-incident-page.ts';
import { IncidentPage } from './support/pages/incident-page.ts';
import { SettingsPage } from './support/pages/settings-page.ts';
import { SignInPage } from './support/pages/sign-in-page.ts';

describe.skipIf(!hasChromium)('journey: administration and a new member at work', () => {
  let journey: Journey;
  let page: Page;
  let incidentId: string;
  const contextOptions = {
    ...withAxe,
    permissions: ['clipboard-read', 'clipboard-write'],
  };

  beforeAll(async () => {
    journey = await openJourneyAsFirstAdmin({ context: contextOptions });
    ({ page } = journey);
    incidentId = await seedIncident(page, {
      title: 'Search results empty for logged-out visitors',
      kind: 'degradation',
      severity: 'sev3',
      services: ['search-api'],
      startedAt: utcDaysAgoAt(2, 9, 0),
    });
  }, 180_000);

  afterAll(() => journey?.close());

  it("an admin invites a member, who signs in and sets the incident's key instants", async () => {
    const settings = new SettingsPage(page);
    await settings.open('accounts');
    await checkPage(page, 'accounts');
    const link = await settings.invite({
      name: 'Mo Member',
      email: 'mo@example.com',
      role: 'member',
    });
    expect(link).toMatch(new RegExp(`^${journey.server.url}/reset-password#`));
    await page.getByRole('rowheader', { name: 'Mo Member' }).waitFor();

    const member = await openPersonPage(journey, contextOptions);
    await member.goto(link);
    const choose = member.getByRole('form', { name: 'Choose your password' });
    await choose.getByLabel('New password').fill('another horse battery');
    await checkPage(member, 'choose your password');
    await choose.getByRole('button', { name: 'Set password' }).click();
    await member.getByRole('link', { name: 'Sign in' }).click();
    await new SignInPage(member).heading.waitFor();
    await checkPage(member, 'sign in');
    await new SignInPage(member).signIn('mo@example.com', 'another horse battery');
    expect(await new AppShell(member).signedInAs.textContent()).toContain('Mo Member');
    await member.goto(`/incidents/${incidentId}`);

    const incident = new IncidentPage(member);
    await incident.heading('Search results empty for logged-out visitors').waitFor();
    await member.getByRole('link', { name: 'Edit incident' }).click();
    const edit = new EditIncidentPage(member);
    const acknowledged = utcDaysAgoAt(2, 9, 20);
    const mitigated = utcDaysAgoAt(2, 10, 5);
    await edit.setInstant('Acknowledged', localInputFor(acknowledged), 'exact', 'pagerduty');
    await edit.setInstant('Mitigated', localInputFor(mitigated), 'estimated');
    await edit.save.click();
    await incident.heading('Search results empty for logged-out visitors').waitFor();
    expect(await incident.instantIso('Acknowledged')).toBe(acknowledged.toISOString());
    expect(await incident.instantRow('Acknowledged').textContent()).toContain('PagerDuty');
    expect(await incident.instantIso('Mitigated')).toBe(mitigated.toISOString());
    expect(await incident.instantRow('Mitigated').textContent()).toContain('Estimated');
    // Members have their own tokens page but no administration.
    await member.goto('/settings/accounts');
    await member.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    // The admin makes Mo a viewer: Mo's next visit can no longer edit.
    await page.getByLabel('Role of Mo Member').selectOption('viewer');
    await page.getByText('Mo Member is now viewer.').waitFor();
    await member.goto(`/incidents/${incidentId}`);
    await incident.heading('Search results empty for logged-out visitors').waitFor();
    expect(await member.getByRole('link', { name: 'Edit incident' }).count()).toBe(0);
    await member.context().close();
  });

  it('an admin creates an Alertmanager integration and sees a test delivery arrive', async () => {
    const settings = new SettingsPage(page);
    await settings.open('integrations');
    await settings.createIntegration('alertmanager', 'Production Alertmanager');
    const url = await settings.secret('Webhook URL of Production Alertmanager').textContent();
    expect(url).toMatch(new RegExp(`^${journey.server.url}/api/v1/webhooks/alertmanager/dbw_`));
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    await page.getByRole('button', { name: 'Send a test delivery' }).click();
    await page.getByText('Test delivery sent; the server answered 202.').waitFor();
    const deliveries = settings.deliveries('Production Alertmanager');
    await deliveries.getByText('Received, ignored').waitFor();
    expect(await deliveries.textContent()).toContain('HTTP 202');
    await checkPage(page, 'integrations', { vocabulary: false });
  });

  it('an admin reads the effective policy and manages their API tokens', async () => {
    const settings = new SettingsPage(page);
    await settings.open('policy');
    await page.getByText('The built-in policy: no policy file was given').waitFor();
    await page.getByRole('table', { name: 'Phase deadlines' }).waitFor();
    await checkPage(page, 'policy');

    await settings.open('tokens');
    await settings.createToken('Nightly export');
    const token = await settings.secret('Your new token').textContent();
    expect(token).toMatch(/^dbf_/);
    const health = await page.request.get('/api/v1/auth/session', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(health.status()).toBe(200);
    await checkPage(page, 'tokens', { vocabulary: false });
    await page.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await page.getByText(/^Revoked/).waitFor();
    expect(journey.pageErrors).toEqual([]);
  });
});
