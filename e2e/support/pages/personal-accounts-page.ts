import type { Page } from 'playwright-core';

/** The postmortem's "Personal accounts" tab: the accounts, the form, pinning a moment. */
export class PersonalAccountsPage {
  readonly tab;
  readonly story;
  readonly anonymous;
  readonly submitAnonymously;
  readonly pinWhen;
  readonly pinKind;
  readonly pinToTimeline;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Personal accounts' });
    const panel = page.getByRole('tabpanel');
    this.story = panel.getByLabel('What you saw, did and thought, in your own words');
    this.anonymous = panel.getByLabel('Submit anonymously');
    this.submitAnonymously = panel.getByRole('button', { name: 'Submit anonymously' });
    this.pinWhen = panel.getByLabel('When (your local time)');
    this.pinKind = panel.getByLabel('Kind');
    this.pinToTimeline = panel.getByRole('button', { name: 'Pin to timeline' });
  }

  /** One account, named by its author or "Anonymous". */
  account(author: string) {
    return this.page.getByRole('article', { name: `Account by ${author}` });
  }

  async submitAnonymous(text: string): Promise<void> {
    await this.tab.click();
    await this.story.fill(text);
    await this.anonymous.check();
    await this.submitAnonymously.click();
    await this.account('Anonymous').waitFor();
  }

  /** Selects `excerpt` in the account as a person would with the mouse, then pins it. */
  async pinMoment(author: string, excerpt: string, when: string, kind: string): Promise<void> {
    const account = this.account(author);
    await account.locator('blockquote').evaluate((quote, words) => {
      const node = quote.firstChild;
      const start = node?.textContent?.indexOf(words) ?? -1;
      if (!node || start < 0) {
        throw new Error(`"${words}" is not in the account`);
      }
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + words.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }, excerpt);
    await account.getByRole('button', { name: 'Pin selected moment to the timeline' }).click();
    await this.pinWhen.fill(when);
    await this.pinKind.selectOption(kind);
    await this.pinToTimeline.click();
    await this.pinToTimeline.waitFor({ state: 'detached' });
  }
}
