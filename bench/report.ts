/**
 * Report benchmark: rendering a postmortem with 2,000 timeline events to Markdown and to HTML,
 * against `JSON.stringify` of the same data in the same run; and printing a 20-page report to
 * PDF with headless Chromium.
 *
 *   npm run bench:report                  # 2,000 events, 30 rounds, the PDF pass when Chromium is there
 *   npm run bench:report -- --events 5000 --rounds 10 --no-pdf
 *
 * - baseline: `JSON.stringify` of the report data (the postmortem, its incidents, timeline,
 *   factors, why-tree, action items, participants);
 * - Markdown: `buildReport` (the one report model) + `renderMarkdown` (front matter, template
 *   headings, timeline table with escaped cells), goal ≤ 3× the baseline;
 * - HTML: `buildReport` + `renderHtml` (sanitised Markdown, why-tree SVG, escaped tables);
 * - PDF: a report of about 20 A4 pages, HTML printed by Chromium through playwright-core,
 *   Chromium's start included (that is what `debrief export --format pdf` waits for), goal < 3 s.
 * Medians over the rounds (taken in turns) after two warm-up rounds.
 */
import { performance } from 'node:perf_hooks';
import { findChromium, printPdf } from '../src/app/documents/print-pdf.ts';
import { buildReport } from '../src/reports/build-report.ts';
import { renderHtml } from '../src/reports/render-html.ts';
import { renderMarkdown } from '../src/reports/render-markdown.ts';
import { numberArgument } from './support/bench-args.ts';
import { generateReportData } from './support/generate-report-data.ts';
import { upperMedian } from './support/statistics.ts';

const events = numberArgument('--events', 2000);
const rounds = numberArgument('--rounds', 60);

/**
 * Medians of the three passes, measured in turns (baseline, Markdown, HTML, then the next
 * round in a rotated order) so that a busy machine slows all three alike.
 */
function timeInTurns(passes: Array<() => unknown>): number[] {
  for (let i = 0; i < 2; i += 1) {
    for (const pass of passes) {
      pass();
    }
  }
  const samples: number[][] = passes.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < passes.length; k += 1) {
      const index = (round + k) % passes.length;
      const start = performance.now();
      passes[index]?.();
      samples[index]?.push(performance.now() - start);
    }
  }
  return samples.map(upperMedian);
}

const data = generateReportData(events);
const bytes = { json: 0, md: 0, html: 0 };
const [baseline = 0, markdown = 0, html = 0] = timeInTurns([
  () => {
    bytes.json = JSON.stringify(data).length;
  },
  () => {
    bytes.md = renderMarkdown(buildReport(data)).length;
  },
  () => {
    bytes.html = renderHtml(buildReport(data)).length;
  },
]);

const row = (label: string, ms: number, size: number) =>
  `${label.padEnd(28)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / baseline).toFixed(2).padStart(6)}×  ${(size / 1024).toFixed(0).padStart(6)} KiB`;
console.log(
  `Report of ${events} timeline events, median of ${rounds} rounds (Node ${process.version})`,
);
console.log(row('JSON.stringify (baseline)', baseline, bytes.json));
console.log(`${row('Markdown (model + render)', markdown, bytes.md)}   goal ≤ 3×`);
console.log(row('HTML (model + render)', html, bytes.html));

if (!process.argv.includes('--no-pdf')) {
  if (!findChromium()) {
    console.log('PDF: skipped (no Chromium; apt-get install chromium)');
  } else {
    // About 20 A4 pages: the timeline table carries ~14 rows a page.
    const twentyPages = renderHtml(buildReport(generateReportData(260)));
    await printPdf(twentyPages);
    const samples: number[] = [];
    let pages = 0;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const pdf = await printPdf(twentyPages);
      samples.push(performance.now() - start);
      pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    }
    console.log(
      `PDF of ${pages} pages (Chromium start included): ${upperMedian(samples).toFixed(0)} ms, median of 3   goal < 3000 ms`,
    );
  }
}
