/**
 * Web timeline benchmark: how soon a 10,000-event timeline is usable in headless Chromium, and
 * how much of the page one edit changes.
 *
 *   npm run bench:web-timeline [-- --events 10000 --baseline-events 100 --rounds 3]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:web-timeline
 *
 * Seeds two postmortems through the real API (a Markdown timeline imported whole: `--events`
 * and `--baseline-events` proposed events), starts the real server (`debrief serve`, PGlite in
 * a fresh directory, or a scratch database the bench creates and drops on the PostgreSQL
 * server of `DATABASE_URL`) with the built web app, and opens each postmortem's timeline tab
 * in interleaved rounds, a fresh browser context each time. Time to interactive runs from
 * navigation to the first event row visible and a click on its tick box answered (`1
 * selected`); the ratio is against the small timeline in the same run. A bare static HTML
 * table of the same rows (no script, every row in the page) is timed the same way for scale.
 * Then, on the large timeline, one event is accepted under a MutationObserver on the table's
 * body: the changes it records, the event rows they touched and the timeline reads that
 * followed (the live change's refresh) are printed.
 * Goal: the large timeline interactive in < 1.5 s.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { buildWeb } from '../e2e/support/build-web.ts';
import { markdownTimeline } from '../e2e/support/long-timeline.ts';
import { numberArgument } from './support/bench-args.ts';
import { median } from './support/statistics.ts';
import { signInBenchAdmin, startWebBench, type WebBench } from './support/web-bench.ts';

const eventCount = numberArgument('--events', 10_000);
const baselineCount = numberArgument('--baseline-events', 100);
const rounds = numberArgument('--rounds', 3);
const goalMs = 1_500;

interface Opening {
  firstRowMs: number;
  interactiveMs: number;
  allLoadedMs: number;
  drawnRows: number;
}

/** Opens the timeline tab in a fresh context and times it to a click answered. */
async function openTimeline(bench: WebBench, postmortemId: string): Promise<Opening> {
  const context = await bench.newContext();
  try {
    const page = await context.newPage();
    await signInBenchAdmin(page.request);
    const started = Date.now();
    await page.goto(`/postmortems/${postmortemId}?tab=timeline`, { waitUntil: 'commit' });
    const firstRow = page.locator('.review-table tbody tr[data-key]').first();
    await firstRow.waitFor();
    const firstRowMs = Date.now() - started;
    await firstRow.getByRole('checkbox').click();
    await page.getByText('1 selected', { exact: true }).waitFor();
    const interactiveMs = Date.now() - started;
    await page.getByText(/^Loaded \d+ of/).waitFor({ state: 'detached', timeout: 120_000 });
    const allLoadedMs = Date.now() - started;
    const drawnRows = await page.locator('.review-table tbody tr[data-key]').count();
    return { firstRowMs, interactiveMs, allLoadedMs, drawnRows };
  } finally {
    await context.close();
  }
}

/** The same rows as a bare static table, every row in the page and no script. */
async function openStaticTable(browser: Browser, count: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const rows = markdownTimeline(count, new Date(Date.UTC(2026, 10, 16, 14, 0)))
      .split('\n')
      .filter((line) => line.startsWith('| 2026'))
      .map((line) => {
        const [, when = '', text = ''] = line.split('|').map((cell) => cell.trim());
        return `<tr><td><input type="checkbox" aria-label="Select"></td><td><time>${when}</time></td><td>Document</td><td>Observation</td><td>${text}</td><td>Proposed</td><td><button>Accept</button> <button>Reject</button> <button>Edit</button> <button>Pin</button></td></tr>`;
      });
    const html = `<!doctype html><title>rows</title><table><tbody>${rows.join('')}</tbody></table>`;
    await page.goto('about:blank');
    const started = Date.now();
    await page.setContent(html, { waitUntil: 'commit' });
    const first = page.locator('tbody tr').first();
    await first.waitFor();
    await first.getByRole('checkbox').click();
    await page.locator('tbody tr input:checked').first().waitFor();
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

/** Accepts one event of the large timeline and names the DOM changes under the table body. */
async function measureOneEdit(bench: WebBench, postmortemId: string) {
  const context = await bench.newContext();
  try {
    const page = await context.newPage();
    await signInBenchAdmin(page.request);
    await page.goto(`/postmortems/${postmortemId}?tab=timeline`);
    // The progress line is there once the first rows are: waiting for it to go before they
    // come would pass at once and time the edit against a timeline still loading.
    await page.locator('.review-table tbody tr[data-key]').first().waitFor();
    await page.getByText(/^Loaded \d+ of/).waitFor({ state: 'detached', timeout: 120_000 });
    const row = page
      .locator('.review-table tbody tr[data-key]')
      .filter({ hasText: 'Proposed' })
      .first();
    const id = await row.getAttribute('data-key');
    // As source text: the bench's compiler would wrap named functions in a helper the page lacks.
    await page.evaluate(`(() => {
      const body = document.querySelector('.review-table tbody');
      const seen = [];
      const name = (record) => {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const row = target?.closest('tr[data-key]');
        return row
          ? row.getAttribute('data-key') + ' ' + record.type + ' ' + (record.attributeName ?? '') + ' at ' + row.getAttribute('aria-rowindex')
          : '(outside rows: ' + record.type + ' ' + (record.attributeName ?? '') + ')';
      };
      const observer = new MutationObserver((records) => seen.push(...records.map(name)));
      observer.observe(body, { subtree: true, childList: true, attributes: true, characterData: true });
      window.benchChanges = () => {
        seen.push(...observer.takeRecords().map(name));
        observer.disconnect();
        return seen;
      };
    })()`);
    // The live change comes back to this page too: it reads the timeline's versions, then
    // only the events that changed. Every timeline read from the click on is counted.
    const refreshed = page.waitForResponse(
      (response) => /\/timeline\/versions/.test(response.url()) && response.ok(),
      { timeout: 120_000 },
    );
    const reads: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (/\/timeline(\/versions)?$/.test(url.pathname)) {
        reads.push(
          url.pathname.replace(/.*\/timeline/, 'timeline') +
            url.search.replace(/ids=[^&]+/, 'ids=…'),
        );
      }
    });
    const started = Date.now();
    await row.getByRole('button', { name: /^Accept/ }).click();
    await page.locator(`[id="event-${id}"]`).getByText('Accepted').waitFor();
    const shownMs = Date.now() - started;
    await refreshed;
    await page.waitForTimeout(500);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const named = (await page.evaluate('window.benchChanges()')) as string[];
    const changes = named.map((change) => change.split(' ')[0] ?? '');
    if (process.env.BENCH_VERBOSE) {
      console.log([...new Set(named)].join('\n'));
    }
    const drawnRows = await page.locator('.review-table tbody tr[data-key]').count();
    return {
      shownMs,
      records: changes.length,
      rowsTouched: new Set(changes).size,
      onlyThatRow: changes.every((c) => c === id),
      drawnRows,
      reads,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  const databaseName = `debrief_bench_web_timeline_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
  console.log(
    `load average before: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  await buildWeb();
  const bench = await startWebBench({
    ...(databaseUrl ? { databaseUrl } : {}),
    timelines: [baselineCount, eventCount],
  });
  try {
    const [small = '', large = ''] = bench.postmortemIds;
    console.log(
      `seeded ${baselineCount} + ${eventCount} events through the import API in ${bench.seedingMs} ms (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
    );

    // One warm-up of each, not counted: the first opening also compiles the app's script.
    await openTimeline(bench, small);
    await openTimeline(bench, large);
    const results = { small: [] as Opening[], large: [] as Opening[], bare: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      results.small.push(await openTimeline(bench, small));
      results.large.push(await openTimeline(bench, large));
      results.bare.push(await openStaticTable(bench.browser, eventCount));
    }
    const line = (label: string, openings: Opening[]) =>
      `${label.padEnd(22)} first rows ${median(openings.map((o) => o.firstRowMs))
        .toFixed(0)
        .padStart(5)} ms · interactive ${median(openings.map((o) => o.interactiveMs))
        .toFixed(0)
        .padStart(5)} ms · all loaded ${median(openings.map((o) => o.allLoadedMs))
        .toFixed(0)
        .padStart(6)} ms · rows drawn ${openings[0]?.drawnRows}`;
    console.log(`\nmedians of ${rounds} interleaved rounds (after one warm-up each)`);
    console.log(line(`${baselineCount} events`, results.small));
    console.log(line(`${eventCount} events`, results.large));
    const largeTti = median(results.large.map((o) => o.interactiveMs));
    const smallTti = median(results.small.map((o) => o.interactiveMs));
    console.log(
      `bare static table, ${eventCount} rows: interactive ${median(results.bare).toFixed(0)} ms (every row in the page, no script)`,
    );
    console.log(
      `ratio interactive ${eventCount} / ${baselineCount}: ${(largeTti / smallTti).toFixed(2)}×; vs the bare table: ${(largeTti / median(results.bare)).toFixed(2)}×`,
    );
    console.log(
      `goal: ${eventCount} events interactive < ${goalMs} ms: ${largeTti < goalMs ? 'holds' : 'does not hold'} (${largeTti.toFixed(0)} ms)`,
    );

    const edit = await measureOneEdit(bench, large);
    console.log(
      `\none accept on the ${eventCount}-event timeline: shown in ${edit.shownMs} ms; ${edit.records} DOM changes under the table body, in ${edit.rowsTouched} event row(s)${edit.onlyThatRow ? ', all in the accepted row' : ', NOT all in the accepted row'}; ${edit.drawnRows} rows drawn of ${eventCount}; timeline reads after it: ${edit.reads.join(', ') || 'none'}`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await bench.stop();
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  }
}

await main();
