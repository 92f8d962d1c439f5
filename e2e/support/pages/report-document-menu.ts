import type { Page } from 'playwright-core';

/** The report-as-a-document controls under a postmortem's title. */
export class ReportDocumentMenu {
  readonly toggle;
  readonly draft;
  readonly status;

  constructor(readonly page: Page) {
    this.toggle = page.getByText('Download report', { exact: true });
    this.draft = page.getByRole('button', { name: 'Draft empty sections from the data' });
    this.status = page.locator('.report-document-menu').getByRole('status');
  }

  /** Downloads the report in the format whose menu entry has this name; returns its text. */
  async download(entry: string): Promise<{ fileName: string; text: string }> {
    await this.toggle.click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: entry }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    await this.toggle.click();
    return { fileName: download.suggestedFilename(), text };
  }
}
