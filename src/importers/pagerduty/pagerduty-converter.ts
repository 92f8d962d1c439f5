import { z } from 'zod';
import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { checkPayload, parsePayloadText } from '../alertmanager/payload-text.ts';
import { pagerdutyV2Schema, pagerdutyV3Schema } from './payload-schema.ts';
import { pagerdutyV2ToTimelineEvents, pagerdutyV3ToTimelineEvents } from './to-timeline-events.ts';

/** PagerDuty webhook v3 events and legacy v2 `messages[]`, delivered live or imported as files. */
export const pagerdutyConverter = jsonPayloadConverter(
  'pagerduty',
  (sample) => {
    const head = sample.head;
    if (head.includes('"event_type"') && head.includes('"occurred_at"')) {
      return 0.95;
    }
    return head.includes('"messages"') && head.includes('_log_entry') ? 0.9 : 0;
  },
  (text, fileName) => {
    const data = parsePayloadText(text, fileName, z.unknown());
    if (typeof data === 'object' && data !== null && 'messages' in data) {
      return pagerdutyV2ToTimelineEvents(checkPayload(data, fileName, pagerdutyV2Schema), fileName);
    }
    return pagerdutyV3ToTimelineEvents(checkPayload(data, fileName, pagerdutyV3Schema), fileName);
  },
);
