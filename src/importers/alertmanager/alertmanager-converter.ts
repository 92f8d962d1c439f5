import { jsonPayloadConverter } from './json-converter.ts';
import { alertmanagerPayloadSchema } from './payload-schema.ts';
import { parsePayloadText } from './payload-text.ts';
import { alertsToTimelineEvents } from './to-timeline-events.ts';

/** Prometheus Alertmanager webhook (v4) bodies, delivered live or imported as files. */
export const alertmanagerConverter = jsonPayloadConverter(
  'alertmanager',
  (sample) => {
    const head = sample.head;
    if (!head.includes('"alerts"') || !head.includes('"startsAt"') || !head.includes('"labels"')) {
      return 0;
    }
    return head.includes('"orgId"') || head.includes('"state"') ? 0.5 : 0.9;
  },
  (text, fileName) =>
    alertsToTimelineEvents(
      'alertmanager',
      parsePayloadText(text, fileName, alertmanagerPayloadSchema),
      fileName,
    ),
);
