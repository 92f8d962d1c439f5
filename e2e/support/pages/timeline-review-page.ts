import type { Page } from 'playwright-core';

/** The timeline tab's review checkpoint: filters, lanes and the events table. */
export class TimelineReviewPage {
  readonly tab;
  readonly reviewFilter;
  readonly table;
  readonly lanes;
  /** The box the events table scrolls in. */
  readonly scroller;
  /** The event rows drawn in the page now (a long timeline draws only a window of them). */
  readonly drawnRows;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Timeline/ });
    const panel = page.getByRole('tabpanel');
    this.reviewFilter = panel.getByLabel('Review');
    this.table = panel.getByRole('table');
    this.lanes = panel.locator('.swimlanes-chart');
    this.scroller = panel.locator('.review-scroller');
    this.drawnRows = this.table.locator('tbody tr[data-key]');
  }

  /** The table row of the event whose text contains `text`. */
  row(text: string) {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** The lane labels, e.g. `Manual (1)`. */
  laneLabels(): Promise<string[]> {
    return this.lanes.locator('.swimlane-label').allTextContents();
  }
}
