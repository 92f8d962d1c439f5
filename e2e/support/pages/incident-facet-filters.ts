import type { Page } from 'playwright-core';

/**
 * Severity, incident kind and service in a page's filter form: the fields the incident list,
 * the postmortem list and search share.
 */
export class IncidentFacetFilters {
  readonly form;
  readonly severity;
  readonly kind;
  readonly service;
  readonly submit;

  constructor(
    readonly page: Page,
    names: { form: string; kind: string; submit: string },
  ) {
    this.form = page.getByRole('form', { name: names.form });
    // A select's label holds its options' text too ("SeverityAny…"): match the label's start.
    const select = (label: string) => this.form.getByLabel(new RegExp(`^${label}`));
    this.severity = select('Severity');
    this.kind = select(names.kind);
    this.service = this.form.getByLabel('Service', { exact: true });
    this.submit = this.form.getByRole('button', { name: names.submit, exact: true });
  }
}
