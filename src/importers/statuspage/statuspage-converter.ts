import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { statuspagePayloadSchema } from './payload-schema.ts';
import { statuspageToTimelineEvents } from './to-timeline-events.ts';

/** Statuspage subscriber webhooks, delivered live or imported as files. */
export const statuspageConverter = jsonPayloadConverter(
  'statuspage',
  (sample) => {
    const head = sample.head;
    return head.includes('"page"') &&
      (head.includes('"incident_updates"') || head.includes('"component_update"'))
      ? 0.9
      : 0;
  },
  (text, fileName) =>
    statuspageToTimelineEvents(parsePayloadText(text, fileName, statuspagePayloadSchema), fileName),
);
