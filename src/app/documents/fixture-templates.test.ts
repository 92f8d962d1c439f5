import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sampleReportData } from '../../../test/reports/sample-report.ts';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { policyFileSchema } from '../../contracts/policy.ts';
import type { ReportTemplate } from '../../domain/report-template.ts';
import { buildReport } from '../../reports/build-report.ts';
import { renderMarkdown } from '../../reports/render-markdown.ts';

const ownTemplates = ownFixture('report-templates');
const reports = sharedFixture('reports');
const hasFixtures = existsSync(reports);
if (!hasFixtures) {
  console.warn(`public templates skipped: no fixtures at ${reports}`);
}

/**
 * A team's own template, written for this project (test/fixtures/report-templates): nested
 * headings, blocks for data, front matter and a fenced heading that is not one.
 */
const ownTemplate = `
- { key: summary, label: Summary, required: true }
- { key: customer_impact, label: Customer impact, required: true }
- { key: orders_affected, label: Orders and refunds affected, level: 3 }
- { key: key_instants, label: Key instants, block: key_instants }
- { key: timeline, label: Timeline, block: timeline }
- { key: contributing_factors, label: Contributing factors, block: contributing_factors }
- { key: lessons, label: Lessons, block: heading }
- { key: what_went_well, label: What went well, level: 3 }
- { key: where_we_got_lucky, label: Where we got lucky, level: 3 }
- { key: what_we_would_change, label: What we would change, level: 3 }
- { key: action_items, label: Action items, block: action_items }
- { key: participants, label: Responders, block: participants }`;

/**
 * Each public template, written as a policy template (YAML, as a team would put it in its
 * policy file). `t` is a text section, `h` a grouping heading; the block name for data.
 */
const templates: Record<string, string> = {
  'dastergon-postmortem-templates/postmortem-template-srebook.md': `
- { key: date, label: Date, level: 3 }
- { key: authors, label: Authors, level: 3 }
- { key: incident_facts, label: Status, level: 3, block: incident_facts }
- { key: summary, label: Summary, level: 3, required: true }
- { key: impact, label: Impact, level: 3, required: true }
- { key: contributing_factors, label: Root Causes, level: 3, block: contributing_factors }
- { key: trigger, label: Trigger, level: 3 }
- { key: resolution, label: Resolution, level: 3 }
- { key: detection, label: Detection, level: 3 }
- { key: action_items, label: Action Items, block: action_items }
- { key: lessons, label: Lessons Learned, block: heading }
- { key: what_went_well, label: What went well, level: 3 }
- { key: what_went_wrong, label: What went wrong, level: 3 }
- { key: where_we_got_lucky, label: Where we got lucky, level: 3 }
- { key: timeline, label: Timeline, block: timeline }
- { key: supporting_information, label: Supporting information }`,
  'dastergon-postmortem-templates/postmortem-template-azure.md': `
- { key: date, label: Date, level: 3 }
- { key: impact, label: Summary of impact, level: 3, required: true }
- { key: customer_impact, label: Customer impact, level: 3 }
- { key: root_cause_and_mitigation, label: Root cause and mitigation, level: 3, required: true }
- { key: action_items, label: Next steps, level: 3, block: action_items }
- { key: feedback, label: Provide feedback (customer survey), level: 3 }`,
  'dastergon-postmortem-templates/postmortem-template-elastic.md': `
- { key: background, label: Background }
- { key: what_happened, label: What Happened }
- { key: timeline, label: Chain of Events, level: 3, block: timeline }
- { key: contributing_factors, label: Root Cause, block: contributing_factors }
- { key: resolution, label: Resolution }
- { key: impact, label: Impact, required: true }
- { key: action_items, label: Action Items, block: action_items }`,
  'dastergon-postmortem-templates/postmortem-template-google-api-infra.md': `
- { key: summary, label: Issue Summary, required: true }
- { key: timeline, label: Timeline, block: timeline }
- { key: contributing_factors, label: Root Cause, block: contributing_factors }
- { key: resolution, label: Resolution and recovery }
- { key: action_items, label: Corrective and Preventative Measures, block: action_items }`,
  'dastergon-postmortem-templates/postmortem-template-real-world-sre.md': `
- { key: summary, label: Summary, required: true }
- { key: impact, label: Impact }
- { key: timeline, label: Timeline, block: timeline }
- { key: contributing_factors, label: Root Cause(s), block: contributing_factors }
- { key: action_items, label: Action Items, block: action_items }
- { key: appendix, label: Appendix }`,
  'dastergon-postmortem-templates/postmortem-template-thecloudbook.md': `
- { key: incident_facts, label: Report Status, level: 3, block: incident_facts }
- { key: summary, label: Executive Summary, level: 3, required: true }
- { key: description, label: Outage Description, level: 3 }
- { key: affected_users, label: Affected users, level: 3 }
- { key: key_instants, label: Start Date/Time, level: 3, block: key_instants }
- { key: end_time, label: End Date/Time, level: 3 }
- { key: duration, label: Duration, level: 3 }
- { key: timeline, label: Timeline, block: timeline }
- { key: why_tree, label: Contributing Conditions Analysis, block: why_tree }
- { key: what_went_well, label: What went well?, level: 3 }
- { key: what_could_be_better, label: What could have gone better?, level: 3 }
- { key: action_items, label: Recommendations, block: action_items }
- { key: participants, label: Names of people involved, level: 3, block: participants }`,
  'dastergon-postmortem-templates/postmortem-template-michael.kehoe.md': `
- { key: incident_facts, label: Summary, level: 3, block: incident_facts }
- { key: participants, label: Postmortem Attendees, level: 3, block: participants }
- { key: key_instants, label: Incident Timing, level: 3, block: key_instants }
- { key: timeline, label: Incident Timeline, level: 3, block: timeline }
- { key: impact, label: Impact, level: 3, block: heading }
- { key: end_user_impact, label: End User Impact, level: 4, required: true }
- { key: infrastructure_impact, label: Infrastructure Impact, level: 4 }
- { key: productivity_impact, label: Productivity Impact, level: 4 }
- { key: causes, label: What caused the incident?, level: 3, block: heading }
- { key: trigger, label: Trigger(s), level: 4 }
- { key: process_breakdowns, label: Process Breakdown(s), level: 4 }
- { key: contributing_factors, label: Root Cause(s), level: 4, block: contributing_factors }
- { key: resolution, label: Mitigation & Resolution, level: 3 }
- { key: open_questions, label: Open Questions, level: 3 }
- { key: lessons, label: Lessons Learnt, level: 3, block: heading }
- { key: what_went_well, label: What went well, level: 4 }
- { key: what_went_wrong, label: What went badly, level: 4 }
- { key: where_we_got_lucky, label: Where did we get lucky, level: 4 }
- { key: action_items, label: Action Items & Followups, level: 3, block: action_items }
- { key: supporting_documents, label: Supporting Documents, level: 3 }`,
  'pagerduty-incident-response-docs/post_mortem_template.md': `
- { key: summary, label: Overview, required: true }
- { key: what_happened, label: What Happened }
- { key: contributing_factors, label: Contributing Factors, block: contributing_factors }
- { key: resolution, label: Resolution }
- { key: impact, label: Impact, required: true }
- { key: participants, label: Responders, block: participants }
- { key: timeline, label: Timeline, block: timeline }
- { key: how_did_we_do, label: How'd We Do?, block: heading }
- { key: what_went_well, label: What Went Well?, level: 3 }
- { key: what_went_wrong, label: What Didn't Go So Well?, level: 3 }
- { key: action_items, label: Action Items, block: action_items }
- { key: messaging, label: Messaging, block: heading }
- { key: internal_email, label: Internal Email, level: 3 }
- { key: external_message, label: External Message, level: 3 }`,
};

/** The headings (levels 2–4) of a Markdown text outside code fences and front matter. */
function headingsOf(markdown: string): string[] {
  const body = markdown.startsWith('---\n')
    ? markdown.slice(markdown.indexOf('\n---\n', 4) + 5)
    : markdown;
  let fenced = false;
  return body.split('\n').flatMap((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
    }
    return !fenced && /^#{2,4} \S/.test(line) ? [line.trim()] : [];
  });
}

/** Renders `sectionsYaml` as a policy template over the sample review, with no prose written. */
function renderTemplate(label: string, sectionsYaml: string): string {
  const policy = policyFileSchema.parse({
    reportTemplates: [{ key: 'fixture', label, sections: parse(sectionsYaml) }],
  });
  const template = policy.reportTemplates?.[0] as ReportTemplate;
  // No prose written yet: sections outside the template would be appended, not dropped.
  const data = sampleReportData({ template });
  return renderMarkdown(buildReport({ ...data, postmortem: { ...data.postmortem, sections: {} } }));
}

describe('a team’s own postmortem template, as a policy template', () => {
  it('renders exactly the template’s headings, in order and at their levels', () => {
    const file = 'payments-team-template.md';
    const expected = headingsOf(readFileSync(`${ownTemplates}/${file}`, 'utf8'));
    expect(expected).toContain('### Orders and refunds affected');
    expect(headingsOf(renderTemplate(file, ownTemplate))).toEqual(expected);
  });
});

describe.skipIf(!hasFixtures)('the public postmortem templates, as policy templates', () => {
  it.each(Object.entries(templates))('%s can be expressed', (file, sectionsYaml) => {
    expect(headingsOf(renderTemplate(file, sectionsYaml))).toEqual(
      headingsOf(readFileSync(`${reports}/${file}`, 'utf8')),
    );
  });
});
