import { getAgenda } from '../../../app/facilitation/get-agenda.ts';
import { recordMeeting } from '../../../app/facilitation/record-meeting.ts';
import { getPostmortem } from '../../../app/postmortems/read-postmortems.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import {
  agendaQuerySchema,
  agendaSchema,
  recordMeetingBodySchema,
} from '../../../contracts/facilitation.ts';
import { postmortemSchema } from '../../../contracts/postmortem.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentAgenda } from '../../presenters/present-facilitation.ts';
import { postmortemAbilities, presentPostmortem } from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['facilitation'];

/** The generated agenda of the analysis meeting and the meeting record. */
export function registerMeetingRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/agenda',
    {
      schema: {
        tags,
        description:
          'The analysis-meeting agenda: timeboxed sections (summing to `minutes`), prompts per item, participation by role with gaps.',
        params: idParamsSchema,
        querystring: agendaQuerySchema,
        response: { 200: single(agendaSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { postmortem, agenda } = await getAgenda(deps, actor, request.params.id, {
        totalMinutes: request.query.minutes,
        segmentSize: request.query.segmentSize,
      });
      return {
        data: presentAgenda(postmortem, agenda),
        abilities: postmortemAbilities(postmortem, actor),
      };
    },
  );

  app.put(
    '/api/v1/postmortems/:id/meeting',
    {
      schema: {
        tags,
        description:
          'Records the analysis meeting (If-Match: the postmortem version). Attendees must be participants of the postmortem (422 otherwise).',
        params: idParamsSchema,
        body: recordMeetingBodySchema,
        response: { 200: single(postmortemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await recordMeeting(deps, actor, request.params.id, requireIfMatch(request), request.body);
      const body = presentPostmortem(await getPostmortem(deps, actor, request.params.id), actor);
      setEtag(reply, body.data.version);
      return body;
    },
  );
}
