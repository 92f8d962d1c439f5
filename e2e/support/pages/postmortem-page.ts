import type { Page } from 'playwright-core';

/** `/postmortems/:id`: phase, next-step conditions, and the parts in tabs. */
export class PostmortemPage {
  readonly currentPhase;
  readonly phases;
  readonly nextStep;
  readonly unmetConditions;
  readonly advance;
  readonly timelineTab;
  readonly timelineTable;
  readonly eventWhen;
  readonly eventKind;
  readonly eventText;
  readonly addEvent;

  constructor(readonly page: Page) {
    this.currentPhase = page.getByTestId('current-phase');
    this.phases = page.getByRole('list', { name: 'Postmortem phases' });
    this.nextStep = page.getByRole('region', { name: /^Next step/ });
    this.unmetConditions = this.nextStep.getByRole('list', { name: /^Conditions for/ });
    this.advance = this.nextStep.getByRole('button', { name: /^Advance to/ });
    this.timelineTab = page.getByRole('tab', { name: /^Timeline/ });
    const panel = page.getByRole('tabpanel');
    this.timelineTable = panel.getByRole('table');
    const form = panel.getByRole('form', { name: 'Add timeline event' });
    this.eventWhen = form.getByLabel('When');
    this.eventKind = form.getByLabel('Kind');
    this.eventText = form.getByLabel('What happened');
    this.addEvent = form.getByRole('button', { name: 'Add event' });
  }

  /** The stable codes of the listed unmet conditions, in order. */
  unmetCodes(): Promise<string[]> {
    return this.unmetConditions
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
  }

  async addTimelineEvent(event: { when: string; kind: string; text: string }): Promise<void> {
    await this.timelineTab.click();
    await this.eventWhen.fill(event.when);
    await this.eventKind.selectOption(event.kind);
    await this.eventText.fill(event.text);
    await this.addEvent.click();
  }
}
