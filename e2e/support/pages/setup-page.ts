import type { Page } from 'playwright-core';

/** The first-run form that creates the first admin account. */
export class SetupPage {
  readonly heading;
  readonly name;
  readonly email;
  readonly password;
  readonly submit;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Create the first admin account' });
    this.name = page.getByLabel('Name');
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Create admin account' });
  }

  async createAdmin(account: { name: string; email: string; password: string }): Promise<void> {
    await this.heading.waitFor();
    await this.name.fill(account.name);
    await this.email.fill(account.email);
    await this.password.fill(account.password);
    await this.submit.click();
  }
}
