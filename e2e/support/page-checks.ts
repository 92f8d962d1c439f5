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

/**
 * The elements that reach beyond the right edge of the window without a scrolling or
 * clipping box around them: what a person could not see or reach without scrolling the page.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') {
          return true;
        }
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && !clipped(element)) {
        const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
        found.push(
          `${name} "${(element.textContent ?? '').trim().slice(0, 30)}" ends at ${Math.round(box.right)} px`,
        );
      }
    }
    return found.slice(0, 8);
  });
}
