import type { Page } from 'playwright-core';

/** The header's search box and `/search`: filters, hits with snippets, saved views. */
export class SearchPage {
  readonly headerBox;
  readonly heading;
  readonly hits;
  readonly marks;
  readonly status;
  readonly filters;
  readonly severity;
  readonly published;
  readonly searchButton;
  readonly clearButton;
  readonly savedViews;
  readonly viewName;
  readonly shareView;
  readonly saveView;

  constructor(readonly page: Page) {
    this.headerBox = page
      .getByRole('banner')
      .getByRole('searchbox', { name: 'Search postmortems' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Search' });
    this.hits = page.locator('.search-hits > li');
    this.marks = page.locator('.search-snippet mark');
    this.status = page.getByRole('main').getByRole('status');
    this.filters = page.getByRole('form', { name: 'Search filters' });
    this.severity = this.filters.getByLabel('Severity');
    this.published = this.filters.getByLabel('Published report');
    this.searchButton = this.filters.getByRole('button', { name: 'Search' });
    this.clearButton = this.filters.getByRole('button', { name: 'Clear' });
    this.savedViews = page.getByRole('region', { name: 'Saved views' });
    this.viewName = page.getByLabel('Save this search as');
    this.shareView = page.getByLabel('Share with everyone');
    this.saveView = page.getByRole('button', { name: 'Save view' });
  }

  hitTitled(title: string) {
    return this.hits.getByRole('link', { name: title });
  }
}
