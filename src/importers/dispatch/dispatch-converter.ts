import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { dispatchTableSchema } from './payload-schema.ts';
import { dispatchToTimelineEvents } from './to-timeline-events.ts';

/** Netflix Dispatch database tables exported as JSON rows (`{_source_table, rows}`). */
export const dispatchConverter = jsonPayloadConverter(
  'dispatch',
  (sample) => (/"_source_table"\s*:\s*"dispatch_/.test(sample.head) ? 0.9 : 0),
  (text, fileName) =>
    dispatchToTimelineEvents(parsePayloadText(text, fileName, dispatchTableSchema), fileName),
);
