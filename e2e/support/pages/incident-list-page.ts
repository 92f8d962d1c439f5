import type { Page } from 'playwright-core';

/** `/incidents`: filters, the table and the way to record a new incident. */
export class IncidentListPage {
  readonly heading;
  readonly newIncident;
  readonly table;
  readonly themeForm;
  readonly theme;
  readonly openThematic;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Incidents', level: 1 });
    this.newIncident = page.getByRole('link', { name: 'New incident' });
    this.table = page.getByRole('table');
    this.themeForm = page.getByRole('form', { name: 'Thematic postmortem' });
    this.theme = this.themeForm.getByLabel('Theme');
    this.openThematic = this.themeForm.getByRole('button', { name: 'Open thematic postmortem' });
  }

  /** Ticks the incident with this title for a thematic postmortem. */
  async select(title: string): Promise<void> {
    await this.row(title).getByRole('checkbox').check();
  }

  /** The table row of the incident with this title. */
  row(title: string) {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}
