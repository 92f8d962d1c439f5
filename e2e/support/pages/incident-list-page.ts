import type { Page } from 'playwright-core';

/** `/incidents`: filters, the table and the way to record a new incident. */
export class IncidentListPage {
  readonly heading;
  readonly newIncident;
  readonly table;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Incidents', level: 1 });
    this.newIncident = page.getByRole('link', { name: 'New incident' });
    this.table = page.getByRole('table');
  }

  /** The table row of the incident with this title. */
  row(title: string) {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}
