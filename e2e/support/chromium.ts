import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's `chromium` package; override with `DEBRIEF_CHROMIUM`. */
export const chromiumPath = process.env.DEBRIEF_CHROMIUM ?? '/usr/bin/chromium';

/** True when a Chromium binary is installed, so the e2e suite can run. */
export const hasChromium = existsSync(chromiumPath);

if (!hasChromium) {
  console.warn(
    `e2e skipped: no Chromium at ${chromiumPath}; install Debian chromium (apt-get install chromium)`,
  );
}

/** Launches headless Chromium with everything that phones home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
