import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from './support/build-web.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { seedLongTimeline } from './support/long-timeline.ts';
import { TimelineReviewPage } from './support/pages/timeline-review-page.ts';
import { type RunningServer, startServer } from './support/start-server.ts';

/** Events in the seeded timeline: far more than a screen, so only a window is drawn. */
const eventCount = 2_000;

/**
 * Starts recording every DOM change under the events table's body, each named by the event
 * row it happened in (read when it happens: a closed form's nodes leave the page later).
 */
function observeTableBody(page: Page): Promise<void> {
  return page.evaluate(() => {
    const body = document.querySelector('.review-table tbody');
    const seen: string[] = [];
    const name = (record: MutationRecord) => {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const row = target?.closest('tr[data-key]');
      if (row) {
        return `row ${row.getAttribute('data-key')}`;
      }
      const nodes = [...record.addedNodes, ...record.removedNodes].map((node) =>
        node instanceof Element ? (node.getAttribute('data-key') ?? node.className) : '#text',
      );
      return `outside rows: ${record.type} ${record.attributeName ?? nodes.join(' ')}`;
    };
    const observer = new MutationObserver((records) => seen.push(...records.map(name)));
    observer.observe(body as Node, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    (window as unknown as { tableChanges: () => string[] }).tableChanges = () => {
      seen.push(...observer.takeRecords().map(name));
      observer.disconnect();
      return seen;
    };
  });
}

function tableChanges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { tableChanges: () => string[] }).tableChanges(),
  );
}

/** Resolves when the timeline's versions have been read (the live refresh after a change). */
function timelineRefreshed(page: Page) {
  return page.waitForResponse(
    (response) => /\/timeline\/versions/.test(response.url()) && response.ok(),
  );
}

/** Records the timeline reads the page makes from now on, each as its path and query. */
function recordTimelineReads(page: Page) {
  const reads: string[] = [];
  const listener = (request: { url: () => string }) => {
    const url = new URL(request.url());
    if (/\/timeline(\/versions)?$/.test(url.pathname)) {
      reads.push(`${url.pathname.replace(/.*\/timeline/, 'timeline')}${url.search}`);
    }
  };
  page.on('request', listener);
  return () => {
    page.off('request', listener);
    return reads;
  };
}

describe.skipIf(!hasChromium)('a long timeline', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let timeline: TimelineReviewPage;
  let postmortemId: string;
  let csrfToken: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const setup = await page.request.post('/api/v1/setup', {
      data: { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' },
    });
    csrfToken = (await setup.json()).csrfToken;
    postmortemId = await seedLongTimeline(page.request, csrfToken, eventCount);
    await page.goto(`/postmortems/${postmortemId}?tab=timeline`);
    timeline = new TimelineReviewPage(page);
    await timeline.row('Event 1 of 2000:').waitFor();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('draws only a window of its rows while the table tells the full count', async () => {
    await page.getByRole('heading', { name: `Events (${eventCount})` }).waitFor();
    await page.getByText(/^Loaded \d+ of/).waitFor({ state: 'detached' });
    expect(await timeline.table.getAttribute('aria-rowcount')).toBe(String(eventCount + 1));
    const drawn = await timeline.drawnRows.count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(150);
    expect(await timeline.drawnRows.first().getAttribute('aria-rowindex')).toBe('2');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('draws the rows further down as the table scrolls, and the keyboard reaches the last', async () => {
    await timeline.scroller.evaluate((box) => {
      box.scrollTop = box.scrollHeight / 2;
    });
    await expect
      .poll(async () => Number(await timeline.drawnRows.first().getAttribute('aria-rowindex')))
      .toBeGreaterThan(eventCount / 3);
    expect(await timeline.row('Event 1 of 2000:').count()).toBe(0);
    expect(await timeline.drawnRows.count()).toBeLessThan(150);
    const middle = timeline.drawnRows.nth(8);
    const number = Number(/Event (\d+) of/.exec((await middle.textContent()) ?? '')?.[1]);
    expect(number).toBeGreaterThan(eventCount / 3);

    // Arrow keys and End move focus from row to row, drawing the rows they reach.
    await middle.getByRole('checkbox').focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain(`Event ${number + 1} of 2000:`);
    await page.keyboard.press('End');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex')))
      .toBe(String(eventCount + 1));
    await timeline.row('Event 2000 of 2000:').waitFor();
    await page.keyboard.press('Home');
    await timeline.row('Event 1 of 2000:').waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('changes only the accepted row in the page when one event is accepted', async () => {
    await timeline.scroller.evaluate((box) => {
      box.scrollTop = 0;
    });
    const row = timeline.row('Event 3 of 2000:');
    const id = await row.getAttribute('data-key');
    await observeTableBody(page);
    const refreshed = timelineRefreshed(page);
    const reads = recordTimelineReads(page);
    await row.getByRole('button', { name: /^Accept/ }).click();
    await row.getByText('Accepted').waitFor();
    // The live change comes back to this page: it reads the versions, finds the accepted row
    // already as saved, and reads no event again.
    await refreshed;
    await page.waitForTimeout(300);
    expect(reads()).toEqual(['timeline/versions']);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const changes = await tableChanges(page);
    expect(changes.length).toBeGreaterThan(0);
    expect([...new Set(changes)]).toEqual([`row ${id}`]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('changes only the edited row in the page when one event is edited', async () => {
    const row = timeline.row('Event 5 of 2000:');
    const id = await row.getAttribute('data-key');
    const instant = await row.locator('time').getAttribute('datetime');
    await observeTableBody(page);
    const refreshed = timelineRefreshed(page);
    await row.getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: 'Edit timeline event' });
    await form.getByLabel('What happened').fill('Event 5 of 2000: the pool was resized');
    await form.getByRole('button', { name: 'Save and accept' }).click();
    await timeline.row('the pool was resized').getByText('Accepted').waitFor();
    await refreshed;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect([...new Set(await tableChanges(page))]).toEqual([`row ${id}`]);
    // The text changed, not the instant: the untouched time field keeps its seconds.
    const edited = timeline.row('the pool was resized');
    expect(await edited.locator('time').getAttribute('datetime')).toBe(instant);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("shows someone else's edit, insert and delete by reading only the events that changed", async () => {
    const headers = { 'x-csrf-token': csrfToken };
    const row = timeline.row('Event 7 of 2000:');
    const id = (await row.getAttribute('data-key')) ?? '';
    const version = Number(
      (
        await (
          await page.request.get(`/api/v1/postmortems/${postmortemId}/timeline?ids=${id}`)
        ).json()
      ).data[0].data.version,
    );

    // An edit made elsewhere: this page did not save it, the live change brings it.
    await observeTableBody(page);
    let reads = recordTimelineReads(page);
    let refreshed = timelineRefreshed(page);
    const edited = await page.request.patch(`/api/v1/timeline-events/${id}`, {
      headers: { ...headers, 'if-match': `"${version}"` },
      data: { text: 'Event 7 of 2000: someone else wrote this' },
    });
    expect(edited.status()).toBe(200);
    await timeline.row('someone else wrote this').waitFor();
    await refreshed;
    expect(reads()).toEqual(['timeline/versions', `timeline?ids=${id}&limit=1`]);
    expect([...new Set(await tableChanges(page))]).toEqual([`row ${id}`]);

    // An event added before all the others comes in first, and the count follows.
    reads = recordTimelineReads(page);
    refreshed = timelineRefreshed(page);
    const added = await page.request.post(`/api/v1/postmortems/${postmortemId}/timeline-events`, {
      headers,
      data: { occurredAt: '2026-11-16T13:00:00.000Z', text: 'Added elsewhere, before it all' },
    });
    expect(added.status()).toBe(201);
    const addedId: string = (await added.json()).data.id;
    await page.getByRole('heading', { name: `Events (${eventCount + 1})` }).waitFor();
    await refreshed;
    expect(await timeline.drawnRows.first().getAttribute('data-key')).toBe(addedId);
    expect(reads()).toEqual(['timeline/versions', `timeline?ids=${addedId}&limit=1`]);

    // Deleted elsewhere: the row goes and nothing is read but the versions.
    reads = recordTimelineReads(page);
    refreshed = timelineRefreshed(page);
    const removed = await page.request.delete(`/api/v1/timeline-events/${addedId}`, {
      headers: { ...headers, 'if-match': '"1"' },
    });
    expect(removed.status()).toBe(204);
    await page.getByRole('heading', { name: `Events (${eventCount})` }).waitFor();
    await refreshed;
    expect(await timeline.row('Added elsewhere').count()).toBe(0);
    expect(reads()).toEqual(['timeline/versions']);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
