import { z } from 'zod';
import {
  addOpenQuestion,
  removeOpenQuestion,
  updateOpenQuestion,
} from '../../../app/facilitation/open-questions.ts';
import { listParts } from '../../../app/parts/part-write.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import {
  createOpenQuestionBodySchema,
  openQuestionSchema,
  updateOpenQuestionBodySchema,
} from '../../../contracts/facilitation.ts';
import { openQuestionsRepository } from '../../../storage/repositories/open-questions-repository.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentOpenQuestion } from '../../presenters/present-facilitation.ts';
import { postmortemAbilities } from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['open-questions'];

/** Open questions and disagreements of the analysis meeting: the parts' CRUD shape. */
export function registerOpenQuestionRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/open-questions',
    { schema: { tags, params: idParamsSchema, response: { 200: paged(openQuestionSchema) } } },
    async (request) => {
      const actor = requireActor(request);
      const { postmortem, items } = await listParts(
        deps,
        actor,
        request.params.id,
        openQuestionsRepository.listForPostmortem,
      );
      const { update } = postmortemAbilities(postmortem, actor);
      return {
        data: items.map((item) => presentOpenQuestion(item, update)),
        page: { nextCursor: null, total: items.length },
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/open-questions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: createOpenQuestionBodySchema,
        response: { 201: single(openQuestionSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const question = await addOpenQuestion(deps, actor, request.params.id, request.body);
      setEtag(reply, question.version);
      return reply.code(201).send(presentOpenQuestion(question, true));
    },
  );

  app.patch(
    '/api/v1/open-questions/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: updateOpenQuestionBodySchema,
        response: { 200: single(openQuestionSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const question = await updateOpenQuestion(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, question.version);
      return presentOpenQuestion(question, true);
    },
  );

  app.delete(
    '/api/v1/open-questions/:id',
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeOpenQuestion(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}
