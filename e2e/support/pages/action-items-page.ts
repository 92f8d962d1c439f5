import type { Page } from 'playwright-core';

/** The Action items tab of a postmortem: the table, the add form with its cause picker. */
export class ActionItemsPage {
  readonly tab;
  readonly table;
  readonly form;
  readonly title;
  readonly owner;
  readonly successCriterion;
  readonly findCause;
  readonly add;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Action items/ });
    const panel = page.getByRole('tabpanel');
    this.table = panel.getByRole('table');
    this.form = panel.getByRole('form', { name: 'Add action item' });
    this.title = this.form.getByLabel('Title');
    this.owner = this.form.getByLabel('Owner');
    this.successCriterion = this.form.getByLabel('Success criterion');
    this.findCause = this.form.getByLabel('Find a cause');
    this.add = this.form.getByRole('button', { name: 'Add action item' });
  }

  /** The picker's checkbox of a cause, found by part of its text. */
  cause(text: string) {
    return this.form.getByRole('checkbox', { name: new RegExp(text) });
  }

  /** Adds an item linked to the one cause the search finds. */
  async addLinkedTo(item: { title: string; owner: string; criterion: string }, search: string) {
    await this.tab.click();
    await this.title.fill(item.title);
    await this.owner.fill(item.owner);
    await this.successCriterion.fill(item.criterion);
    await this.findCause.fill(search);
    await this.cause(search).check();
    await this.add.click();
    await this.table.getByRole('cell', { name: item.title, exact: true }).waitFor();
  }
}
