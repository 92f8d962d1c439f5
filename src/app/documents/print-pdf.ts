import { existsSync } from 'node:fs';
import { DomainError } from '../../domain/errors.ts';

/**
 * Where Chromium is: `DEBRIEF_CHROMIUM` when set (and only there), else Debian's or another
 * usual place; `undefined` when none is installed.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DEBRIEF_CHROMIUM) {
    return existsSync(env.DEBRIEF_CHROMIUM) ? env.DEBRIEF_CHROMIUM : undefined;
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
    existsSync(path),
  );
}

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Prints a self-contained HTML report to PDF with headless Chromium (through playwright-core),
 * A4 with the report's print stylesheet. Without a Chromium it says what to install:
 * PDF_RENDERER_UNAVAILABLE, never a half-written file.
 */
export async function printPdf(html: string, env = process.env): Promise<Buffer> {
  const executablePath = findChromium(env);
  if (!executablePath) {
    throw new DomainError(
      'PDF_RENDERER_UNAVAILABLE',
      'PDF export needs Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set DEBRIEF_CHROMIUM to its path. Markdown, HTML and JSON exports work without it.',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: chromiumFlags });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The report loads nothing: block any request so that printing never reaches the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    // The PDF is ready: Chromium shuts down while the caller already sends or writes it.
    browser.close().catch(() => undefined);
  }
}
