import type { z } from 'zod';
import { paged, single } from '../../contracts/common.ts';
import {
  agendaSchema,
  type createOpenQuestionBodySchema,
  openQuestionSchema,
  type recordMeetingBodySchema,
  type updateOpenQuestionBodySchema,
} from '../../contracts/facilitation.ts';
import { postmortemSchema } from '../../contracts/postmortem.ts';
import { requestJson, send } from './http.ts';

export type Agenda = z.infer<typeof agendaSchema>;
export type AgendaSection = Agenda['sections'][number];
export type AgendaItem = AgendaSection['items'][number];
export type Participation = Agenda['participation'];
export type OpenQuestion = z.infer<typeof openQuestionSchema>;

const postmortemPath = (id: string) => `/postmortems/${encodeURIComponent(id)}`;
const questionPath = (id: string) => `/open-questions/${encodeURIComponent(id)}`;

/** The analysis meeting: generated agenda, meeting record, open questions and disagreements. */
export const facilitationApi = {
  agenda: (postmortemId: string, minutes: number) =>
    requestJson(single(agendaSchema), 'GET', `${postmortemPath(postmortemId)}/agenda`, {
      query: { minutes },
    }),
  recordMeeting: (
    postmortemId: string,
    version: number,
    body: z.input<typeof recordMeetingBodySchema>,
  ) =>
    requestJson(single(postmortemSchema), 'PUT', `${postmortemPath(postmortemId)}/meeting`, {
      body,
      version,
    }),
};

/** Open questions and disagreements, shaped like the other postmortem parts. */
export const openQuestionsApi = {
  list: (postmortemId: string) =>
    requestJson(paged(openQuestionSchema), 'GET', `${postmortemPath(postmortemId)}/open-questions`),
  create: (postmortemId: string, body: z.input<typeof createOpenQuestionBodySchema>) =>
    requestJson(
      single(openQuestionSchema),
      'POST',
      `${postmortemPath(postmortemId)}/open-questions`,
      { body },
    ),
  update: (id: string, version: number, body: z.input<typeof updateOpenQuestionBodySchema>) =>
    requestJson(single(openQuestionSchema), 'PATCH', questionPath(id), { body, version }),
  remove: async (id: string, version: number): Promise<true> => {
    await send('DELETE', questionPath(id), { version });
    return true;
  },
};
