import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { jiraPayloadSchema } from './payload-schema.ts';
import { jiraToTimelineEvents } from './to-timeline-events.ts';

/** Jira issue webhooks (`jira:issue_updated`, …), delivered live or imported as files. */
export const jiraConverter = jsonPayloadConverter(
  'jira',
  (sample) => (/"webhookEvent"\s*:\s*"jira:/.test(sample.head) ? 0.9 : 0),
  (text, fileName) =>
    jiraToTimelineEvents(parsePayloadText(text, fileName, jiraPayloadSchema), fileName),
);
