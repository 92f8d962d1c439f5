import type { Page } from 'playwright-core';

/** `/incidents/:id/edit`: every field of an incident, key instants with their provenance. */
export class EditIncidentPage {
  readonly form;
  readonly title;
  readonly drill;
  readonly restricted;
  readonly save;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Edit incident' });
    this.title = this.form.getByLabel('Title');
    this.drill = this.form.getByLabel('This was a drill');
    this.restricted = this.form.getByLabel(/^Restricted/);
    this.save = this.form.getByRole('button', { name: 'Save changes' });
  }

  /** The time field of a key instant labelled e.g. "Acknowledged". */
  instantAt(label: string) {
    return this.form.getByLabel(new RegExp(`^${label} at`));
  }

  instantSource(label: string) {
    return this.form.getByLabel(new RegExp(`^${label}: source`));
  }

  instantPrecision(label: string) {
    return this.form.getByLabel(new RegExp(`^${label}: precision`));
  }

  /** Sets one key instant: a `datetime-local` value, then its provenance. */
  async setInstant(label: string, at: string, precision: 'exact' | 'estimated', source?: string) {
    await this.instantAt(label).fill(at);
    if (source) {
      await this.instantSource(label).fill(source);
    }
    await this.instantPrecision(label).selectOption(precision);
  }
}
