import type { Page } from 'playwright-core';

/** `/postmortems`: search, filters and the table. */
export class PostmortemListPage {
  readonly heading;
  readonly search;
  readonly phase;
  readonly severity;
  readonly kind;
  readonly service;
  readonly overdue;
  readonly mine;
  readonly apply;
  readonly table;
  readonly status;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Postmortems', level: 1 });
    const form = page.getByRole('form', { name: 'Filter postmortems' });
    this.search = form.getByLabel('Search');
    this.phase = form.getByLabel('Phase');
    this.severity = form.getByLabel('Severity');
    this.kind = form.getByLabel('Incident kind');
    this.service = form.getByLabel('Service');
    this.overdue = form.getByLabel('Overdue');
    this.mine = form.getByLabel('Mine');
    this.apply = form.getByRole('button', { name: 'Apply filters' });
    this.table = page.getByRole('table', { name: 'Postmortems' });
    this.status = page.getByRole('status').filter({ hasText: /^Showing/ });
  }

  /** The titles listed, in order. */
  titles(): Promise<string[]> {
    return this.table.locator('tbody tr td:nth-child(2) a').allTextContents();
  }
}
