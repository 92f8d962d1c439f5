import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAsPage,
  movePostmortemTo,
  patchPostmortem,
  seedAsPage,
  seedIncident,
} from './support/api-seed.ts';
import { hasChromium } from './support/chromium.ts';
import {
  firstAdmin,
  type Journey,
  openJourneyAsFirstAdmin,
  openPersonPage,
  withAxe,
} from './support/journey.ts';
import { utcDaysAgoAt } from './support/local-time.ts';
import { checkPage } from './support/page-checks.ts';
import { CommentsPanel } from './support/pages/comments-panel.ts';
import { PublishingTab } from './support/pages/publishing-tab.ts';

// A policy that asks for no reviewer approvals and no report sections, so that the seed reaches
// follow-up (where publishing starts) without walking the review screens this file does not test.
const lightPolicy = {
  requiredReviewerApprovals: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 },
  reportSections: [
    { key: 'summary', label: 'Summary', required: false },
    { key: 'impact', label: 'Impact', required: false },
    { key: 'lessons_learned', label: 'Lessons learned', required: false },
  ],
};

describe.skipIf(!hasChromium)('journey: comment threads in context, and the public version', () => {
  let journey: Journey;
  let policyDir: string;
  let ada: Page;
  let bo: Page;
  let postmortemId: string;

  /** Writes through the API as Ada. */
  const seed = (method: 'POST' | 'PATCH', path: string, body: unknown) =>
    seedAsPage(ada, method, path, body);

  beforeAll(async () => {
    policyDir = await mkdtemp(join(tmpdir(), 'debrief-e2e-policy-'));
    const policyFile = join(policyDir, 'policy.json');
    await writeFile(policyFile, JSON.stringify(lightPolicy));
    journey = await openJourneyAsFirstAdmin({
      server: { env: { DEBRIEF_POLICY: policyFile } },
      context: withAxe,
    });
    ada = journey.page;
    const boSignIn = { email: 'bo@example.com', password: firstAdmin.password };
    await seed('POST', '/users', { ...boSignIn, name: 'Bo Diddley', role: 'member' });
    bo = await openPersonPage(journey);
    expect((await bo.request.post('/api/v1/auth/sessions', { data: boSignIn })).ok()).toBe(true);

    // A postmortem in follow-up with a timeline event, a why-node and an action item to comment
    // on, and a summary that names a person, an internal host and an internal dashboard.
    const incidentId = await seedIncident(ada, {
      title: 'Checkout latency',
      kind: 'outage',
      severity: 'sev2',
      services: ['checkout'],
      startedAt: utcDaysAgoAt(1, 4, 0),
      resolvedAt: utcDaysAgoAt(1, 5, 0),
    });
    postmortemId = (await seed('POST', '/postmortems', { incidentIds: [incidentId] })).id;
    const base = `/postmortems/${postmortemId}`;
    await seed('POST', `${base}/participants`, { name: 'Kenji Tanaka', role: 'engineering' });
    await seed('POST', `${base}/timeline-events`, {
      occurredAt: utcDaysAgoAt(1, 4, 10).toISOString(),
      text: 'Checkout latency alert fires',
      kind: 'detection',
    });
    await movePostmortemTo(ada, postmortemId, 'analysis');
    const rootCause = await seed('POST', `${base}/why-nodes`, {
      question: 'Why did checkout time out?',
      answer: 'The connection pool was sized for average load',
      mark: 'root_cause',
      noEvidenceReason: 'Read from the config history',
    });
    await patchPostmortem(ada, postmortemId, {
      analysisMeetingAt: utcDaysAgoAt(0, 1, 0).toISOString(),
    });
    await movePostmortemTo(ada, postmortemId, 'documentation');
    await seed('POST', `${base}/action-items`, {
      title: 'Size the pool from p99 concurrency',
      kind: 'prevent',
      ownerName: 'Platform team',
      successCriterion: 'A load test at p99 concurrency shows no pool waits',
      linkedWhyNodeIds: [rootCause.id],
    });
    await patchPostmortem(ada, postmortemId, {
      sections: {
        summary:
          'Kenji Tanaka saw the pool on db-7.payments.corp run dry; dashboards at https://grafana.corp/d/pool.',
        impact: 'Checkout was slow for forty minutes.',
      },
    });
    await movePostmortemTo(ada, postmortemId, 'follow_up');
  }, 240_000);

  afterAll(async () => {
    await journey?.close();
    if (policyDir) {
      await rm(policyDir, { recursive: true, force: true });
    }
  });

  it('starts threads on a section, a timeline event, a why-node and an action item; replies, resolves and re-opens', async () => {
    await ada.goto(`/postmortems/${postmortemId}`);
    const comments = new CommentsPanel(ada);
    await comments.newThread.waitFor();
    await comments.start('A report section', /^Impact$/, 'Does this count EU customers?');
    await comments.start(
      'A timeline event',
      /Checkout latency alert fires/,
      '@bo@example.com did this page anyone?',
    );
    await comments.start('A why-node', /Why did checkout time out/, 'Is average load the cause?');
    await comments.start('An action item', /Size the pool/, 'Who runs the load test?');

    const onEvent = /^Thread on timeline event “.*Checkout latency alert fires”$/;
    for (const anchor of [
      /^Thread on report section “Impact”$/,
      onEvent,
      /^Thread on why-node “Why did checkout time out\?”$/,
      /^Thread on action item “Size the pool from p99 concurrency”$/,
    ]) {
      await comments.thread(anchor).waitFor();
    }
    await ada.getByRole('heading', { name: 'Comments (4)' }).waitFor();
    await checkPage(ada, 'comment threads on four anchors');

    // Bo was mentioned: told in the app, without the comment's words; he answers in the thread.
    const notices = (await apiAsPage(bo, 'GET', '/notifications')).json as {
      data: Array<{ rule: string; body: string }>;
    };
    expect(notices.data.map((n) => n.rule)).toEqual(['comment.mentioned']);
    expect(JSON.stringify(notices)).not.toContain('page anyone');
    await bo.goto('/action-items');
    const reminders = bo.getByRole('region', { name: 'Your reminders' });
    await reminders.getByText('Mentioned in a comment').waitFor();
    expect(await reminders.textContent()).not.toContain('page anyone');
    await bo.goto(`/postmortems/${postmortemId}`);
    const bosComments = new CommentsPanel(bo);
    await bosComments.reply(onEvent, 'Yes, the on-call engineer at 04:10.');
    await bosComments.thread(onEvent).getByText('Yes, the on-call engineer').waitFor();

    // Ada sees the reply (live), resolves the thread, then re-opens it.
    const thread = comments.thread(onEvent);
    await thread.getByText('Yes, the on-call engineer').waitFor();
    await thread.getByRole('button', { name: 'Resolve thread' }).click();
    await thread.getByText(/· resolved /).waitFor();
    expect(await thread.getByRole('textbox', { name: 'Reply', exact: true }).count()).toBe(0);
    await thread.getByRole('button', { name: 'Re-open thread' }).click();
    await thread.getByRole('button', { name: 'Resolve thread' }).waitFor();
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('previews the public version with each redaction highlighted; a named approver publishes it for anyone, and later edits stay inside', async () => {
    const tab = new PublishingTab(ada);
    await tab.open(postmortemId);
    await tab.prepare.click();
    await tab.redactionSummary.waitFor();
    const marks = tab.preview.locator('mark.redaction');
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThanOrEqual(3);
    expect(await marks.evaluateAll((all) => all.map((m) => m.getAttribute('data-kind')))).toEqual(
      expect.arrayContaining(['person', 'hostname', 'internal url']),
    );
    const previewText = await tab.preview.locator('body').textContent();
    expect(previewText).not.toContain('Kenji Tanaka');
    expect(previewText).not.toContain('db-7.payments.corp');
    await tab.redactionSummary.click();
    const kinds = await tab.redactionRows.evaluateAll((rows) =>
      rows.map((row) => row.querySelector('td')?.textContent ?? ''),
    );
    expect(kinds).toEqual(expect.arrayContaining(['person', 'internal host', 'internal link']));

    // Bo is no named approver (the policy names none, so admins approve): he cannot approve.
    const asBo = new PublishingTab(bo);
    await asBo.open(postmortemId);
    await bo.getByText('Before it can be approved:').waitFor();
    expect(await asBo.approve.count()).toBe(0);

    // Playwright's own scroll before a click let the click land beside the button here (the
    // preview frame below it settles after the scroll): bring it into view first.
    await tab.approve.scrollIntoViewIfNeeded();
    await tab.approve.click();
    await tab.publishedLink.waitFor();
    const publicUrl = new URL(
      (await tab.publishedLink.getAttribute('href')) ?? '',
      journey.server.url,
    );

    // Anyone, signed in or not, reads it; no names, no internal hosts or links.
    const stranger = await openPersonPage(journey);
    const answer = await stranger.goto(publicUrl.pathname);
    expect(answer?.status()).toBe(200);
    const publicText = (await stranger.locator('body').textContent()) ?? '';
    expect(publicText).toContain('Checkout was slow for forty minutes.');
    for (const internal of ['Kenji Tanaka', 'db-7.payments.corp', 'grafana.corp', 'Ada Admin']) {
      expect(publicText).not.toContain(internal);
    }
    const feed = await stranger.request.get('/public/postmortems.atom');
    expect(feed.ok()).toBe(true);
    expect(await feed.text()).toContain(publicUrl.pathname);

    // An internal edit afterwards does not reach the public page until a new preview is approved.
    await patchPostmortem(ada, postmortemId, {
      sections: { impact: 'Checkout was slow for forty minutes; refunds went to 212 orders.' },
    });
    await stranger.goto(publicUrl.pathname);
    expect(await stranger.locator('body').textContent()).not.toContain('212 orders');
    await ada.reload();
    await ada.getByText(/the postmortem changed since; those changes are not public/).waitFor();
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it("offers a security incident's own template sections to restrict and to write", async () => {
    const incidentId = await seedIncident(ada, {
      title: 'Token exposed in build logs',
      kind: 'security',
      severity: 'sev2',
      services: ['ci'],
      startedAt: utcDaysAgoAt(1, 4, 0),
    });
    const postmortem = await seed('POST', '/postmortems', { incidentIds: [incidentId] });
    const tab = new PublishingTab(ada);
    await tab.open(postmortem.id);
    await tab.restrictSelect.waitFor();
    // Security details are restricted from the start; the rest of the template can be.
    expect(await tab.restrictableSections()).toEqual(['Learning summary', 'Impact']);
    // The report tab offers the template's sections too; the restricted one shows its text to
    // a member (it is kept apart from the open sections) and saves it on its own.
    await patchPostmortem(ada, postmortem.id, {
      sections: { security_details: 'The token leaked through build job 4412.' },
    });
    await ada.goto(`/postmortems/${postmortem.id}?tab=report`);
    await ada.getByLabel('Learning summary').waitFor();
    const details = ada.getByRole('textbox', { name: /^Security details/ });
    await expect
      .poll(() => details.inputValue(), { timeout: 15_000 })
      .toBe('The token leaked through build job 4412.');
    await details.fill('The token leaked through build job 4412; it was rotated.');
    await ada.getByRole('button', { name: 'Save Security details' }).click();
    await ada.getByText('Security details saved.').waitFor();
    const sections = (
      await apiAsPage(ada, 'GET', `/postmortems/${postmortem.id}/restricted-sections`)
    ).json as { data: Array<{ key: string; text?: string }> };
    expect(sections.data.find((s) => s.key === 'security_details')?.text).toBe(
      'The token leaked through build job 4412; it was rotated.',
    );
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);
});
