/**
 * Refreshes the screenshots in docs/screenshots/ (the README shows them): builds the web app,
 * starts a fresh server, creates an admin, loads the demo and photographs each main page in
 * Debian's Chromium at 1,280 × 800. Run with `npm run screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildWeb } from '../e2e/support/build-web.ts';
import { launchChromium } from '../e2e/support/chromium.ts';
import { repoRoot } from '../e2e/support/repo-root.ts';
import { startServer } from '../e2e/support/start-server.ts';

const folder = join(repoRoot, 'docs/screenshots');

await buildWeb();
const server = await startServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const setup = await page.request.post('/api/v1/setup', {
    data: { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' },
  });
  const headers = { 'x-csrf-token': (await setup.json()).csrfToken };
  const demo = await page.request.post('/api/v1/demo-data', { headers });
  const { incidentId, postmortemId } = (await demo.json()).data;
  await page.request.post('/api/v1/integrations', {
    headers,
    data: { kind: 'alertmanager', name: 'Production Alertmanager' },
  });

  const shots: Array<[string, string]> = [
    ['incidents', '/incidents'],
    ['postmortem', `/postmortems/${postmortemId}?tab=timeline`],
    ['postmortems', '/postmortems'],
    ['incident-edit', `/incidents/${incidentId}/edit`],
    ['services', '/services/checkout-api'],
    ['settings-integrations', '/settings/integrations'],
    ['settings-policy', '/settings/policy'],
  ];
  await mkdir(folder, { recursive: true });
  for (const [name, path] of shots) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
    await page.screenshot({ path: join(folder, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png ← ${path}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
