import { z } from 'zod';
import { unmetConditionCodes } from '../domain/postmortem-guards.ts';

/**
 * A condition a postmortem does not meet yet, as the postmortem and a refused transition's
 * problem list it. Apart from the postmortem's schemas so that the app shell, which shows any
 * problem, loads none of them.
 */
export const unmetConditionSchema = z.object({
  code: z.enum(unmetConditionCodes),
  message: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }).optional(),
});
