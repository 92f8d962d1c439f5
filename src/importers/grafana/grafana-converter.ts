import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { grafanaPayloadSchema } from './payload-schema.ts';
import { grafanaToTimelineEvents } from './to-timeline-events.ts';

/** Grafana unified alerting webhook bodies, delivered live or imported as files. */
export const grafanaConverter = jsonPayloadConverter(
  'grafana',
  (sample) => {
    const head = sample.head;
    if (!head.includes('"alerts"') || !head.includes('"startsAt"') || !head.includes('"labels"')) {
      return 0;
    }
    return head.includes('"orgId"') || head.includes('"dashboardURL"') ? 0.95 : 0.3;
  },
  (text, fileName) =>
    grafanaToTimelineEvents(parsePayloadText(text, fileName, grafanaPayloadSchema), fileName),
);
