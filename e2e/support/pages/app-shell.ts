import type { Page } from 'playwright-core';

/** The header every signed-in page shares. */
export class AppShell {
  readonly signedInAs;
  readonly signOut;
  readonly incidentsLink;
  readonly postmortemsLink;

  constructor(readonly page: Page) {
    const header = page.getByRole('banner');
    this.signedInAs = header.getByText('Signed in as');
    this.signOut = header.getByRole('button', { name: 'Sign out' });
    this.incidentsLink = header.getByRole('link', { name: 'Incidents' });
    this.postmortemsLink = header.getByRole('link', { name: 'Postmortems' });
  }
}
