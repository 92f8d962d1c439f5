import type { Page } from 'playwright-core';

/** The sign-in form a signed-out visitor sees. */
export class SignInPage {
  readonly heading;
  readonly email;
  readonly password;
  readonly submit;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in', level: 1 });
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.heading.waitFor();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
