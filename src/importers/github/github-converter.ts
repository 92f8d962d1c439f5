import { z } from 'zod';
import { jsonPayloadConverter } from '../alertmanager/json-converter.ts';
import { parsePayloadText } from '../alertmanager/payload-text.ts';
import { githubEventName, githubToTimelineEvents } from './to-timeline-events.ts';

/** GitHub webhooks (deployment, deployment_status, workflow_run; others ignored with a warning). */
export const githubConverter = jsonPayloadConverter(
  'github',
  (sample) => {
    const head = sample.head;
    if (head.includes('"deployment"') || head.includes('"workflow_run"')) {
      return 0.9;
    }
    if (head.includes('"repository"') && head.includes('"full_name"')) {
      return 0.6;
    }
    return head.includes('https://api.github.com/repos/') ? 0.5 : 0;
  },
  (text, fileName, hints) => {
    const data = parsePayloadText(text, fileName, z.record(z.string(), z.unknown()));
    return githubToTimelineEvents(data, fileName, hints?.event ?? githubEventName(data));
  },
);
