import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { isDomainError } from '../../domain/errors.ts';
import { buildReport } from '../../reports/build-report.ts';
import { renderHtml } from '../../reports/render-html.ts';
import { findChromium, printPdf } from './print-pdf.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.warn(
    'HTML/PDF checks in Chromium skipped: install Debian chromium (apt-get install chromium)',
  );
}

describe('printing reports', () => {
  it('says what to install when no Chromium is there', async () => {
    const error = await printPdf('<p>x</p>', { DEBRIEF_CHROMIUM: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'PDF_RENDERER_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain('apt-get install chromium');
  });

  it.runIf(executablePath)('opens the HTML report in Chromium with no console errors', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(message.text());
        }
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith('data:')) {
          problems.push(`request ${request.url()}`);
        }
      });
      await page.setContent(renderHtml(buildReport(sampleReportData())), { waitUntil: 'load' });
      expect(await page.locator('svg.why-tree rect').count()).toBe(3);
      expect(await page.locator('tr.pinned').count()).toBe(3);
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.runIf(executablePath)('prints an A4 PDF', async () => {
    const pdf = await printPdf(renderHtml(buildReport(sampleReportData())));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThanOrEqual(1);
  });
});
