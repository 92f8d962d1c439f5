import type { Page } from 'playwright-core';

/** The timeline's import dialog: files or a folder in, the job's summary out. */
export class ImportDialog {
  readonly dialog;
  readonly folder;
  readonly summary;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import into the timeline' });
    this.folder = this.dialog.getByLabel('Folder');
    this.summary = this.dialog.getByRole('status');
  }

  /**
   * Opens the dialog from the timeline tab, uploads a whole folder (all of it with `wholeFiles`,
   * else the incident window) and waits for the summary.
   */
  async importFolder(path: string, options: { wholeFiles?: boolean } = {}): Promise<void> {
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await this.folder.setInputFiles(path);
    if (options.wholeFiles) {
      await this.dialog.getByLabel('Whole files').check();
    }
    await this.dialog.getByRole('button', { name: 'Upload and import' }).click();
    await this.summary.getByText('Import finished.').waitFor({ timeout: 60_000 });
  }

  /** The value shown beside a count label of the summary (`Events proposed`, …). */
  async count(label: string): Promise<number> {
    return Number(
      await this.summary.locator('dt', { hasText: label }).locator('+ dd').textContent(),
    );
  }

  listItems(name: 'Parts' | 'Files skipped' | 'Warnings') {
    return this.summary.getByRole(name === 'Parts' ? 'list' : 'region', { name }).locator('li');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
