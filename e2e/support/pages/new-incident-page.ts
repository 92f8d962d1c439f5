import type { Page } from 'playwright-core';

export interface NewIncident {
  title: string;
  kind: string;
  severity: string;
  services: string;
  /** `datetime-local` values in the browser's zone. */
  startedAt: string;
  detectedAt: string;
  resolvedAt: string;
}

/** `/incidents/new`: the new-incident form. */
export class NewIncidentPage {
  readonly heading;
  readonly title;
  readonly kind;
  readonly severity;
  readonly potentialSeverity;
  readonly services;
  readonly startedAt;
  readonly detectedAt;
  readonly resolvedAt;
  readonly drill;
  readonly restricted;
  readonly submit;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'New incident' });
    this.heading = page.getByRole('heading', { name: 'New incident', level: 1 });
    this.title = form.getByLabel('Title');
    this.kind = form.getByLabel('Kind');
    this.severity = form.getByLabel(/^Severity/);
    this.potentialSeverity = form.getByLabel('Potential severity');
    this.services = form.getByLabel('Services');
    this.startedAt = form.getByLabel('Started at');
    this.detectedAt = form.getByLabel('Detected at');
    this.resolvedAt = form.getByLabel('Resolved at');
    this.drill = form.getByLabel('This was a drill');
    this.restricted = form.getByLabel(/^Restricted/);
    this.submit = form.getByRole('button', { name: 'Create incident' });
  }

  async create(incident: NewIncident): Promise<void> {
    await this.heading.waitFor();
    await this.title.fill(incident.title);
    await this.kind.selectOption(incident.kind);
    await this.severity.selectOption(incident.severity);
    await this.services.fill(incident.services);
    await this.startedAt.fill(incident.startedAt);
    await this.detectedAt.fill(incident.detectedAt);
    await this.resolvedAt.fill(incident.resolvedAt);
    await this.submit.click();
  }
}
