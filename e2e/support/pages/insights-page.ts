import type { Page } from 'playwright-core';

/** `/insights`: charts with their table view and CSV, and the themes. */
export class InsightsPage {
  readonly heading;
  readonly themes;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Insights' });
    this.themes = page.locator('.theme-card');
  }

  /** The section of one chart, by its title. */
  chart(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  /** The drawn chart of a section (an SVG the library labels for screen readers). */
  svg(title: string) {
    return this.chart(title).locator(`svg[aria-label]`);
  }
}
