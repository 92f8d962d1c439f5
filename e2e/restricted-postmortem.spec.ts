import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAsPage, seedIncident } from './support/api-seed.ts';
import { buildWeb } from './support/build-web.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { firstAdmin, openContext, openPage, setUpFirstAdmin, withAxe } from './support/journey.ts';
import { utcDaysAgoAt } from './support/local-time.ts';
import { checkPage } from './support/page-checks.ts';
import { IncidentPage } from './support/pages/incident-page.ts';
import { type RunningServer, startServer } from './support/start-server.ts';

const { password } = firstAdmin;

describe.skipIf(!hasChromium)('journey: a postmortem restricted from the start', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  const pageErrors: string[] = [];

  /** A browser of its own, signed in as `email` (through the API: the sign-in form has its own journey). */
  const signedIn = async (email: string): Promise<Page> => {
    const context = await openContext(browser, server.url, withAxe);
    contexts.push(context);
    const page = await openPage(context, pageErrors);
    if (email === firstAdmin.email) {
      await setUpFirstAdmin(page);
    } else {
      const signIn = await page.request.post('/api/v1/auth/sessions', {
        data: { email, password },
      });
      expect(signIn.status()).toBe(201);
    }
    return page;
  };

  const newIncident = (title: string): Promise<string> =>
    seedIncident(admin, {
      title,
      kind: 'outage',
      severity: 'sev2',
      services: ['billing-api'],
      startedAt: utcDaysAgoAt(1, 9, 0),
    });

  const postmortemsOf = async (page: Page, incidentId: string) =>
    (
      (await apiAsPage(page, 'GET', `/postmortems?incidentId=${incidentId}`)).json as {
        data: Array<{ data: { id: string } }>;
      }
    ).data;

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchChromium();
    admin = await signedIn('ada@example.com');
    for (const [email, name] of [
      ['mo@example.com', 'Mo Member'],
      ['oz@example.com', 'Oz Outsider'],
    ] as const) {
      const user = await apiAsPage(admin, 'POST', '/users', { email, name, password });
      expect(user.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  it('an admin opens it restricted to a chosen member; an outsider cannot reach it', async () => {
    const incidentId = await newIncident('Invoices sent twice');
    await admin.goto(`/incidents/${incidentId}`);
    const incident = new IncidentPage(admin);
    const form = admin.getByRole('form', { name: 'Open a postmortem' });
    await form.getByLabel('Restricted from the start').check();
    // The person opening it stays a member: ticked, and not to be unticked.
    const me = form.getByRole('checkbox', { name: /Ada Admin/ });
    await expect.poll(() => me.isChecked()).toBe(true);
    expect(await me.isDisabled()).toBe(true);
    await form.getByRole('checkbox', { name: /Mo Member/ }).check();
    await checkPage(admin, 'incident page, opening a restricted postmortem');
    await incident.openPostmortem.click();
    await admin.waitForURL(/\/postmortems\/[0-9a-f-]{36}$/);
    const postmortemId = admin.url().split('/').pop() ?? '';

    const read = await apiAsPage(admin, 'GET', `/postmortems/${postmortemId}`);
    const users = (
      (await apiAsPage(admin, 'GET', '/users')).json as {
        data: Array<{ id: string; email: string }>;
      }
    ).data;
    const idOf = (email: string) => users.find((user) => user.email === email)?.id;
    expect(read.json).toMatchObject({ data: { restricted: true } });
    expect([...(read.json as { data: { memberIds: string[] } }).data.memberIds].sort()).toEqual(
      [idOf('ada@example.com'), idOf('mo@example.com')].sort(),
    );

    const member = await signedIn('mo@example.com');
    expect((await apiAsPage(member, 'GET', `/postmortems/${postmortemId}`)).status).toBe(200);
    const outsider = await signedIn('oz@example.com');
    expect((await apiAsPage(outsider, 'GET', `/postmortems/${postmortemId}`)).status).toBe(404);
    expect(await postmortemsOf(outsider, incidentId)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("a member who asks for it is shown the API's refusal in the form, and nothing is opened", async () => {
    const incidentId = await newIncident('Refunds delayed');
    const member = await signedIn('mo@example.com');
    await member.goto(`/incidents/${incidentId}`);
    const form = member.getByRole('form', { name: 'Open a postmortem' });
    await form.getByLabel('Restricted from the start').check();
    await new IncidentPage(member).openPostmortem.click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Only an admin can open a restricted postmortem.');
    expect(member.url()).toMatch(new RegExp(`/incidents/${incidentId}$`));
    await checkPage(member, 'incident page, restricted opening refused');
    expect(await postmortemsOf(admin, incidentId)).toEqual([]);

    // Without the restriction the same member opens it.
    await form.getByLabel('Restricted from the start').uncheck();
    await new IncidentPage(member).openPostmortem.click();
    await member.waitForURL(/\/postmortems\/[0-9a-f-]{36}$/);
    expect(await postmortemsOf(admin, incidentId)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
