import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { opsgeniePayloadSchema } from './payload-schema.ts';
import { quoteBigIntegers } from './quote-big-integers.ts';
import { opsgenieToTimelineEvents } from './to-timeline-events.ts';

/** Opsgenie alert webhooks, delivered live or imported as files; ns epochs kept digit-exact. */
export const opsgenieConverter = jsonPayloadConverter(
  'opsgenie',
  (sample) => {
    const head = sample.head;
    return head.includes('"alertId"') && head.includes('"action"') ? 0.9 : 0;
  },
  (text, fileName) =>
    opsgenieToTimelineEvents(
      parsePayloadText(quoteBigIntegers(text), fileName, opsgeniePayloadSchema),
      fileName,
    ),
);
