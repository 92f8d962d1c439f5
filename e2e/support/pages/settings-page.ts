import type { Page } from 'playwright-core';

/** `/settings/*`: API tokens, and for admins accounts, integrations and the policy. */
export class SettingsPage {
  readonly nav;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Settings' });
  }

  async open(section: 'tokens' | 'accounts' | 'integrations' | 'policy'): Promise<void> {
    await this.page.goto(`/settings/${section}`);
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  /** The secret shown once (a token, a webhook URL). */
  secret(label: string) {
    return this.page.getByRole('region', { name: label }).getByTestId('secret-value');
  }

  /** Invites a person; returns the one-time link they choose their password with. */
  async invite(person: { name: string; email: string; role: string }): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Name').fill(person.name);
    await form.getByLabel('Email').fill(person.email);
    await form.getByLabel('Role').selectOption(person.role);
    await form.getByRole('button', { name: 'Invite' }).click();
    return (await this.secret(`Invitation link for ${person.name}`).textContent()) ?? '';
  }

  async createIntegration(kind: string, name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New integration' });
    await form.getByLabel('Sender').selectOption(kind);
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create integration' }).click();
  }

  async createToken(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Token name').fill(name);
    await form.getByRole('button', { name: 'Create token' }).click();
  }

  /** The last deliveries listed for an integration. */
  deliveries(integrationName: string) {
    return this.page.getByRole('list', { name: `Last deliveries of ${integrationName}` });
  }
}
