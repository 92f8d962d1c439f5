import type { Page } from 'playwright-core';

/** The postmortem page's comment threads: start one on an anchor, reply, resolve, re-open. */
export class CommentsPanel {
  readonly panel;
  readonly newThread;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('comments-panel');
    this.newThread = this.panel.getByRole('form', { name: 'New comment' });
  }

  /** Starts a thread on `kind` (`A timeline event`, …), choosing the anchor by its label. */
  async start(kind: string, anchor: RegExp | null, body: string): Promise<void> {
    await this.newThread.getByLabel(/^On/).selectOption({ label: kind });
    if (anchor) {
      const which = this.newThread.getByLabel(/^Which /);
      const option = which.locator('option', { hasText: anchor });
      await option.waitFor({ state: 'attached' });
      await which.selectOption({ label: (await option.textContent()) ?? '' });
    }
    await this.newThread.getByLabel(/^Comment/).fill(body);
    await this.newThread.getByRole('button', { name: 'Comment' }).click();
    // Posted once the form empties: starting the next thread before then would have its text
    // cleared by this one's reset.
    await this.page.waitForFunction(
      (form) => form?.querySelector('textarea')?.value === '',
      await this.newThread.elementHandle(),
    );
  }

  /** The thread whose anchor label matches, as a list item. */
  thread(anchor: RegExp) {
    return this.panel.getByRole('listitem', { name: anchor });
  }

  async reply(anchor: RegExp, body: string): Promise<void> {
    const thread = this.thread(anchor);
    await thread.getByRole('textbox', { name: 'Reply', exact: true }).fill(body);
    await thread.getByRole('button', { name: 'Reply' }).click();
  }
}
