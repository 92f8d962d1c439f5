import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { rawCodesOnPage } from './vocabulary.ts';

/** Waits until nothing on the page says it is still loading. */
export async function settled(page: Page): Promise<void> {
  // Quiet network is a hint, not a promise (a live connection may stay open): the loading
  // markers below are what must be gone.
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
}

/**
 * The quality bar of every page: no serious or critical axe-core violation and, unless the
 * page shows codes on purpose (a secret, a webhook URL), no raw code in its text.
 */
export async function checkPage(
  page: Page,
  where: string,
  options: { vocabulary?: boolean } = {},
): Promise<void> {
  await settled(page);
  expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
  if (options.vocabulary !== false) {
    expect(await rawCodesOnPage(page), `raw codes on ${where}`).toEqual([]);
  }
}
