import type { Page } from 'playwright-core';

/** The postmortem's Publishing tab: restricted sections, the public preview and its approval. */
export class PublishingTab {
  readonly restrictSelect;
  readonly prepare;
  readonly approve;
  readonly preview;
  readonly redactionSummary;
  readonly redactionRows;
  readonly publishedLink;

  constructor(readonly page: Page) {
    const panel = page.getByRole('tabpanel');
    this.restrictSelect = panel.getByLabel('Restrict a section to me');
    this.prepare = panel.getByRole('button', { name: /^Prepare the (public )?preview/ });
    this.approve = panel.getByRole('button', { name: 'Approve and publish this preview' });
    this.preview = page.frameLocator('iframe[title="Public version preview"]');
    this.redactionSummary = panel.getByText(/^\d+ redaction\(s\)$/);
    this.redactionRows = panel.locator('details tbody tr');
    this.publishedLink = panel
      .getByRole('region', { name: 'Public version' })
      .getByRole('link', { name: /\/public\/postmortems\// });
  }

  async open(postmortemId: string): Promise<void> {
    await this.page.goto(`/postmortems/${postmortemId}?tab=publishing`);
    await this.page.getByRole('heading', { name: 'Publishing', level: 2 }).waitFor();
  }

  /** The labels a writer may choose from to restrict a section. */
  restrictableSections(): Promise<string[]> {
    return this.restrictSelect
      .locator('option')
      .evaluateAll((options) =>
        options.filter((o) => (o as HTMLOptionElement).value).map((o) => o.textContent ?? ''),
      );
  }
}
