import type { Page } from 'playwright-core';

/** `/incidents/:id`: details, key instants and linked postmortems. */
export class IncidentPage {
  readonly instantsTable;
  readonly markResolved;
  readonly openPostmortem;

  constructor(readonly page: Page) {
    this.instantsTable = page.getByRole('table', { name: 'Key instants' });
    this.markResolved = page.getByRole('button', { name: 'Mark resolved' });
    this.openPostmortem = page.getByRole('button', { name: 'Open postmortem' });
  }

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** The key-instant row for a label such as "Resolved". */
  instantRow(label: string) {
    return this.instantsTable.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: label, exact: true }),
    });
  }

  /** The machine-readable UTC instant shown in a key-instant row. */
  async instantIso(label: string): Promise<string | null> {
    return this.instantRow(label).locator('time').getAttribute('datetime');
  }
}
